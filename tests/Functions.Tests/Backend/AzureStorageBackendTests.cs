using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using DurableTask.Core;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.DurableWorker;
using Netvaerk.Functions.Tests.Timelines;
using Netvaerk.Functions.Timelines;
using Netvaerk.Testing;
using Xunit.Abstractions;

namespace Netvaerk.Functions.Tests.Backend;

/// <summary>
/// The production Durable backend — DurableTask.Core with DurableTask.AzureStorage, what Durable Functions runs with
/// <c>"type": "azureStorage"</c> — on Azurite, with the real orchestrator and activities in a worker process of their own
/// (tests/DurableWorker). Time is simulated, 1.5 s of real time per timer: Azurite's queue visibility is in whole seconds.
/// </summary>
public sealed class AzureStorageBackendTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan PerTimer = TimeSpan.FromMilliseconds(1500);
    private AzuriteServer _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteServer.StartAllAsync();

    public Task DisposeAsync()
    {
        _azurite.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_worker_killed_mid_timeline_is_replaced_by_the_next_build_which_finishes_on_version_2_with_the_same_mails_none_twice()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(Debugger.IsAttached ? 60 : 5));

        IReadOnlyList<string> local;
        await using (var reference = await TimelineWorld.StartAsync(NetworkType.Welfare))
        {
            await NetworkTimelineTests.RunLocallyAsync(reference, TimelineWorld.Start.AddYears(2), timeout.Token);
            local = reference.TimelineMails();
        }

        await using var world = await TimelineWorld.StartAsync(NetworkType.Welfare);
        var (hub, client, instanceId) = await ScheduleAsync(world, "kill");

        // Build N runs the first steps (generations of 5 iterations: the first ContinueAsNew happens on its watch) …
        using (var first = WorkerProcess.Start(_azurite.ConnectionString, hub, world.Folder, Build.N))
        {
            await WaitUntilAsync(async () => await StepsDoneAsync(world) >= 8, timeout.Token);
            first.Kill(); // SIGKILL: no graceful stop, leases and messages left as they were
        }

        var doneAtKill = await StepsDoneAsync(world);
        output.WriteLine($"Killed build N after {doneAtKill} steps.");

        // … and build N+1, started on the same task hub, takes over: version 1 replays on its unchanged path, the next
        // generation starts on version 2.
        using (var second = WorkerProcess.Start(_azurite.ConnectionString, hub, world.Folder, Build.NPlus1))
        {
            var state = await client.WaitForOrchestrationAsync(new OrchestrationInstance { InstanceId = instanceId }, TimeSpan.FromMinutes(4), timeout.Token);
            Assert.True(state?.OrchestrationStatus == OrchestrationStatus.Completed, $"{state?.OrchestrationStatus}: {state?.Output}");
            Assert.Equal("2", state!.Version);
            await second.StopAsync();
        }

        await NetworkTimelineTests.DeliverAllAsync(world, timeout.Token);
        var durable = world.TimelineMails();
        Assert.Equal(local, durable);
        Assert.Equal(durable.Count, durable.Select(m => m.Split(' ')[2]).Distinct().Count());
        Assert.True(File.ReadAllLines(Path.Combine(world.Folder, "audit.txt")).Length > 0, "Version 2's own activity never ran.");
    }

    /// <summary>
    /// Each type's whole timeline in one generation (no ContinueAsNew), so the backend's history table holds all of it
    /// at the end (it keeps only the latest generation's rows): the measure of history per executed step, and, times the
    /// generation bound, of the largest history an instance reaches.
    /// </summary>
    [Fact]
    public async Task Every_network_type_keeps_its_history_small_per_executed_step_on_the_Azure_Storage_backend()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(Debugger.IsAttached ? 60 : 5));
        var runs = Enum.GetValues<NetworkType>().Select(async type =>
        {
            await using var world = await TimelineWorld.StartAsync(type);
            var (hub, client, instanceId) = await ScheduleAsync(world, type.ToString().ToLowerInvariant());
            using var worker = WorkerProcess.Start(_azurite.ConnectionString, hub, world.Folder, Build.N, iterationsPerGeneration: 10_000);
            var state = await client.WaitForOrchestrationAsync(new OrchestrationInstance { InstanceId = instanceId }, TimeSpan.FromMinutes(4), timeout.Token);
            Assert.Equal(OrchestrationStatus.Completed, state?.OrchestrationStatus);
            await worker.StopAsync();
            return (Type: type, History: await HistoryAsync(_azurite.ConnectionString, hub, instanceId));
        });

        foreach (var (type, history) in await Task.WhenAll(runs))
        {
            output.WriteLine($"{type}: {history.Describe()}");
            Assert.Single(history.PerGeneration);
            Assert.True(history.Steps > 5, $"{type}: {history.Steps} steps.");
            Assert.True(history.Events <= 8 * history.Steps + 10, $"{type}: {history.Describe()}");
        }
    }

    /// <summary>A task hub of its own on Azurite, and the world's network scheduled on version 1 at the world's start.</summary>
    private async Task<(string Hub, TaskHubClient Client, string InstanceId)> ScheduleAsync(TimelineWorld world, string hubPrefix)
    {
        var hub = hubPrefix + Guid.NewGuid().ToString("N")[..8];
        var service = StorageHub.Service(_azurite.ConnectionString, hub, "test");
        await service.CreateIfNotExistsAsync();
        var client = new TaskHubClient(service);
        var instanceId = TimelineInput.InstanceIdFor(world.Tenant, world.NetworkId.ToString());
        await client.CreateOrchestrationInstanceAsync(nameof(NetworkTimeline), "1", instanceId,
            new SimulatedInput<TimelineInput>(new TimelineInput(world.Tenant, world.NetworkId.ToString()), world.Clock.GetUtcNow().UtcDateTime));
        return (hub, client, instanceId);
    }

    private static async Task<int> StepsDoneAsync(TimelineWorld world) =>
        (await world.Services.GetRequiredService<INetworkStore>().FindAsync(world.Tenant, world.NetworkId.ToString()))!.Value.Timeline!
            .Steps.Count(s => s.Status == StepStatus.Done);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition()) await Task.Delay(200, cancellationToken);
    }

    /// <summary>The instance's rows in the backend's history table, per execution (generation); steps are the step activities scheduled.</summary>
    internal static async Task<History> HistoryAsync(string connectionString, string hub, string instanceId)
    {
        var table = new TableClient(connectionString, hub + "History");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId)) rows.Add(row);
        var events = rows.Where(r => r.RowKey != "sentinel").ToList();
        var generations = events.GroupBy(r => r.GetString("ExecutionId")).Select(g => g.Count()).ToList();
        var steps = events.Count(r => r.GetString("EventType") == "TaskScheduled"
            && r.GetString("Name") is { } name && name != nameof(TimelineActivities.NextStep) && name != StorageHub.AuditActivity);
        return new History(events.Count, generations, steps);
    }

    internal sealed record History(int Events, IReadOnlyList<int> PerGeneration, int Steps)
    {
        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Events} history events in {PerGeneration.Count} generations (largest {PerGeneration.DefaultIfEmpty().Max()}), {Steps} steps run: {(Steps == 0 ? 0 : (double)Events / Steps):F1} events per step");
    }
}

/// <summary>A <c>tests/DurableWorker</c> process: stdin open while it should run.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(string connectionString, string hub, string folder, Build build, int iterationsPerGeneration = 5)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[]
        {
            "exec", Path.Combine(AppContext.BaseDirectory, "Netvaerk.DurableWorker.dll"), connectionString, hub, folder,
            TimelineWorld.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), "1500", build.ToString(),
            iterationsPerGeneration.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var log = Path.Combine(folder, $"worker-{build}.log");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (start) File.AppendAllText(log, e.Data + Environment.NewLine); };
        process.BeginErrorReadLine();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && line != "started")
        {
        }

        if (line is null) throw new InvalidOperationException("The worker ended before it started.");
        return new WorkerProcess(process);
    }

    /// <summary>SIGKILL, at once.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task StopAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
