using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Functions.Tests.Timelines;
using Netvaerk.Functions.Timelines;

namespace Netvaerk.DurableWorker;

/// <summary>Which build a worker runs: N knows version 1 only; N+1 also knows version 2 and moves generations to it.</summary>
public enum Build
{
    N,
    NPlus1,
}

/// <summary>
/// A task hub on the Azure Storage backend and the registrations of one build: the production orchestrator (time
/// simulated by the test-only context decorator) and the production activities, through the SDK's shim — the way the
/// Durable Functions extension hosts isolated-worker orchestrators on this backend.
/// </summary>
public static class StorageHub
{
    public const string AuditActivity = "TimelineAudit";

    /// <summary>
    /// Settings for tests: one partition, a 1 s polling ceiling, and leases and visibility short enough that a worker
    /// killed with SIGKILL is taken over within seconds rather than minutes.
    /// </summary>
    public static AzureStorageOrchestrationService Service(string connectionString, string taskHub, string workerId, ILoggerFactory? loggers = null) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            WorkerId = workerId,
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            LeaseInterval = TimeSpan.FromSeconds(8),
            LeaseRenewInterval = TimeSpan.FromSeconds(2),
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
            MaxConcurrentTaskActivityWorkItems = 4,
            MaxConcurrentTaskOrchestrationWorkItems = 4,
            LoggerFactory = loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        });

    /// <summary>Registers the build's orchestrator versions and the activities over <paramref name="services"/>.</summary>
    public static TaskHubWorker Worker(AzureStorageOrchestrationService service, IServiceProvider services, Build build, DateTime start,
        TimeSpan minimumRealPerTimer, int iterationsPerGeneration, string auditFile)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var shim = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggers);
        var worker = new TaskHubWorker(service, loggers);
        var name = nameof(NetworkTimeline);

        // Version 1, as build N shipped it; build N+1 keeps it, and its next generation starts on version 2.
        var continueAs = build == Build.N ? "1" : "2";
        worker.AddTaskOrchestrations(new Creator<TaskOrchestration>(name, "1", () => shim.CreateOrchestration(name, new Orchestrator(context =>
            NetworkTimeline.RunAsync(new SimulatedTimeContext(context, TimeSpan.Zero, start, minimumRealPerTimer),
                new TimelineGenerations(iterationsPerGeneration, continueAs))))));
        if (build == Build.NPlus1)
        {
            // Version 2 has another shape: after each step it records the step with an activity of its own.
            worker.AddTaskOrchestrations(new Creator<TaskOrchestration>(name, "2", () => shim.CreateOrchestration(name, new Orchestrator(context =>
                NetworkTimeline.RunAsync(new SimulatedTimeContext(context, TimeSpan.Zero, start, minimumRealPerTimer, AuditAsync),
                    new TimelineGenerations(iterationsPerGeneration, "2"))))));
        }

        var activities = new TimelineActivities(services.GetRequiredService<NetworkWorkflow>());
        var creators = new List<ActivityCreator>
        {
            Activity(shim, nameof(TimelineActivities.NextStep), (NextInput input) => activities.NextStep(input, CancellationToken.None)),
        };
        creators.AddRange(Enum.GetValues<StepKind>().Select(kind =>
            Activity(shim, TimelineActivities.For(kind), (StepInput input) => activities.RunAsync(input, CancellationToken.None))));
        if (build == Build.NPlus1)
        {
            creators.Add(Activity(shim, AuditActivity, async (string step) =>
            {
                await File.AppendAllTextAsync(auditFile, step + Environment.NewLine);
                return true;
            }));
        }

        // DurableTask.Core looks activities up by name and the calling orchestration's version.
        worker.AddTaskActivities([.. creators.SelectMany(c => new[] { "", "1", "2" }.Select(v => c.As(v)))]);
        return worker;
    }

    private static Task AuditAsync(TaskOrchestrationContext context, TaskName activity) =>
        activity.Name == nameof(TimelineActivities.NextStep) ? Task.CompletedTask : context.CallActivityAsync<bool>(AuditActivity, activity.Name);

    private static ActivityCreator Activity<TInput, TOutput>(DurableTaskShimFactory shim, string name, Func<TInput, Task<TOutput>> run) =>
        new(name, () => shim.CreateActivity<TInput, TOutput?>(name, async (_, input) => await run(input!)));

    private sealed record ActivityCreator(string Name, Func<TaskActivity> Create)
    {
        public ObjectCreator<TaskActivity> As(string version) => new Creator<TaskActivity>(Name, version, Create);
    }

    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public Creator(string name, string version, Func<T> create)
        {
            Name = name;
            Version = version;
            _create = create;
        }

        public override T Create() => _create();
    }

    /// <summary>An orchestrator the shim runs; the input stays JSON for the time decorator to unwrap.</summary>
    private sealed class Orchestrator(Func<TaskOrchestrationContext, Task> run) : ITaskOrchestrator
    {
        public Type InputType => typeof(JsonElement);

        public Type OutputType => typeof(object);

        public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            await run(context);
            return null;
        }
    }
}
