using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Functions.Timelines;
using Netvaerk.Local.Runner;

namespace Netvaerk.Functions.Tests.Timelines;

/// <summary>
/// The network timeline orchestrator on a real Durable engine (the SDK's in-process test host), with the real
/// activities over SQLite and the mailbox: it must send what the local runner sends, at the same instants.
/// </summary>
public sealed class NetworkTimelineTests
{
    /// <summary>Real time per simulated day: a welfare year runs in a few seconds.</summary>
    private static readonly TimeSpan RealPerDay = TimeSpan.FromMilliseconds(15);

    [Theory]
    [InlineData(NetworkType.Welfare)]
    [InlineData(NetworkType.Innovation)]
    public async Task The_orchestrator_sends_the_same_timeline_mails_as_the_local_runner_at_the_same_instants(NetworkType type)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        IReadOnlyList<string> local;
        await using (var world = await TimelineWorld.StartAsync(type))
        {
            var runner = world.Services.GetRequiredService<LocalRunner>();
            while (await runner.RunOnceAsync(timeout.Token) is { } next && next < TimelineWorld.Start.AddYears(2))
            {
                if (next > world.Clock.GetUtcNow()) world.Clock.SetUtcNow(next);
            }

            local = world.TimelineMails();
        }

        IReadOnlyList<string> durable;
        await using (var world = await TimelineWorld.StartAsync(type))
        {
            await RunOrchestrationAsync(world, timeout.Token);

            // In Azure the queue trigger delivers what the activities queued; here the outbox's own delivery does.
            world.Clock.SetUtcNow(TimelineWorld.Start.AddYears(2));
            var delivery = world.Services.GetRequiredService<Netvaerk.Infrastructure.Mail.IOutboxDelivery>();
            while (await delivery.DeliverDueAsync(timeout.Token) > 0)
            {
            }

            durable = world.TimelineMails();
        }

        Assert.NotEmpty(local);
        Assert.Equal(local, durable);
    }

    [Fact]
    public void Every_step_kind_has_an_activity_function_of_its_own()
    {
        var functions = typeof(TimelineActivities).GetMethods()
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name).OfType<string>().ToHashSet();

        foreach (var kind in Enum.GetValues<StepKind>())
        {
            Assert.Contains(TimelineActivities.For(kind), functions);
        }

        Assert.Equal(Enum.GetValues<StepKind>().Select(TimelineActivities.For).Distinct().Count(), Enum.GetValues<StepKind>().Length);
    }

    /// <summary>Runs the network's orchestration to its end on the in-process engine, with time simulated.</summary>
    private static async Task RunOrchestrationAsync(TimelineWorld world, CancellationToken cancellationToken)
    {
        var activities = new TimelineActivities(world.Services.GetRequiredService<NetworkWorkflow>());
        await using var host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc(nameof(NetworkTimeline), context => NetworkTimeline.RunAsync(new SimulatedTimeContext(context, RealPerDay)));
            registry.AddActivityFunc<NextInput, TimelineNext>(nameof(TimelineActivities.NextStep),
                (_, input) => activities.NextStep(input, cancellationToken));
            foreach (var name in Enum.GetValues<StepKind>().Select(TimelineActivities.For))
            {
                registry.AddActivityFunc<StepInput, TimelineNext>(name, (_, input) => activities.RunAsync(input, cancellationToken));
            }
        }, cancellationToken: cancellationToken);

        var input = new TimelineInput(world.Tenant, world.NetworkId.ToString());
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(NetworkTimeline),
            new SimulatedInput<TimelineInput>(input, world.Clock.GetUtcNow().UtcDateTime),
            new StartOrchestrationOptions(TimelineInput.InstanceIdFor(input.TenantId, input.NetworkId)), cancellationToken);
        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails?.ErrorType} {done.FailureDetails?.ErrorMessage} {done.FailureDetails?.StackTrace}");
    }
}
