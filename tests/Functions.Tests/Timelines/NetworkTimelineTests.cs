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
using Netvaerk.Domain.Ports;
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
    [InlineData(NetworkType.Learning)]
    public async Task The_orchestrator_sends_the_same_timeline_mails_as_the_local_runner_at_the_same_instants(NetworkType type)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        IReadOnlyList<string> local;
        await using (var world = await TimelineWorld.StartAsync(type))
        {
            await RunLocallyAsync(world, TimelineWorld.Start.AddYears(2), timeout.Token);
            local = world.TimelineMails();
        }

        IReadOnlyList<string> durable;
        await using (var world = await TimelineWorld.StartAsync(type))
        {
            await RunOrchestrationAsync(world, timeout.Token);
            await DeliverAllAsync(world, timeout.Token);

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

    [Theory]
    [InlineData(50)]
    [InlineData(1)] // the event arrives around a ContinueAsNew
    public async Task A_meeting_moved_while_the_orchestration_sleeps_is_picked_up_by_the_event_and_the_old_reminder_never_goes_out(int iterationsPerGeneration)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var moved = new MeetingMoved("meeting-2", new DateOnly(2027, 2, 3), new TimeOnly(13, 0), new TimeOnly(15, 0), "Kulturhuset", default);

        IReadOnlyList<string> local;
        await using (var world = await TimelineWorld.StartAsync(NetworkType.Welfare))
        {
            var movedAt = await DueAsync(world, "meeting-1-reminder");
            await RunLocallyAsync(world, movedAt.AddTicks(1), timeout.Token);
            world.Clock.SetUtcNow(movedAt);
            await world.Services.GetRequiredService<NetworkWorkflow>().ChangeTimelineAsync(world.NetworkId, moved with { At = movedAt }, null, null, timeout.Token);
            await RunLocallyAsync(world, TimelineWorld.Start.AddYears(2), timeout.Token);
            local = world.TimelineMails();
        }

        IReadOnlyList<string> durable;
        await using (var world = await TimelineWorld.StartAsync(NetworkType.Welfare))
        {
            var movedAt = await DueAsync(world, "meeting-1-reminder");

            // Slower simulated time, so the test sees the orchestration asleep between two steps.
            await using var host = await StartHostAsync(world, TimeSpan.FromMilliseconds(150), timeout.Token, new TimelineGenerations(iterationsPerGeneration, "1"),
                SimulatedTimer.HeldAcross(movedAt));
            world.Engine.Inner = new DurableTimelineEngine(new DurableClients(host.Client));
            await world.Engine.StartAsync(world.Tenant, world.NetworkId.ToString(), timeout.Token);

            // Once meeting 1's reminder is out, the orchestration sleeps towards the next step (four simulated days away);
            // the leader moves meeting 2 then, and the stored change raises the event.
            var networks = world.Services.GetRequiredService<INetworkStore>();
            while ((await networks.FindAsync(world.Tenant, world.NetworkId.ToString(), timeout.Token))!.Value.Timeline!.Step("meeting-1-reminder")!.Status != StepStatus.Done)
            {
                await Task.Delay(10, timeout.Token);
            }

            world.Clock.SetUtcNow(movedAt);
            await world.Services.GetRequiredService<NetworkWorkflow>().ChangeTimelineAsync(world.NetworkId, moved with { At = movedAt }, null, null, timeout.Token);

            await CompleteAsync(host, TimelineInput.InstanceIdFor(world.Tenant, world.NetworkId.ToString()), timeout.Token);
            await DeliverAllAsync(world, timeout.Token);
            durable = world.TimelineMails();
        }

        Assert.Contains(local, m => m.Contains("/meeting-2-reminder/2/", StringComparison.Ordinal));
        Assert.DoesNotContain(local, m => m.Contains("/meeting-2-reminder/1/", StringComparison.Ordinal));
        Assert.Equal(local, durable);
    }

    [Theory]
    [InlineData(50)] // generations as in production
    [InlineData(1)] // a ContinueAsNew after every iteration: every event arrives around one (durabletask-dotnet #387)
    public async Task Pause_resume_and_close_through_events_give_the_local_runners_mails(int iterationsPerGeneration)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        IReadOnlyList<string> local;
        DateTimeOffset pauseAt, resumeAt, closeAt;
        await using (var world = await TimelineWorld.StartAsync(NetworkType.Welfare))
        {
            pauseAt = await DueAsync(world, "meeting-1-reminder");
            resumeAt = pauseAt.AddDays(10);
            closeAt = resumeAt.AddDays(3);
            var networks = world.Services.GetRequiredService<NetworkWorkflow>();
            await RunLocallyAsync(world, pauseAt.AddTicks(1), timeout.Token);
            world.Clock.SetUtcNow(pauseAt);
            await networks.ChangeTimelineAsync(world.NetworkId, new TimelinePaused(pauseAt), null, null, timeout.Token);
            await RunLocallyAsync(world, resumeAt, timeout.Token);
            world.Clock.SetUtcNow(resumeAt);
            await networks.ChangeTimelineAsync(world.NetworkId, new TimelineResumed(resumeAt), null, null, timeout.Token);
            await RunLocallyAsync(world, closeAt, timeout.Token);
            world.Clock.SetUtcNow(closeAt);
            await networks.ChangeTimelineAsync(world.NetworkId, new TimelineClosedEarly(closeAt), null, null, timeout.Token);
            await RunLocallyAsync(world, TimelineWorld.Start.AddYears(2), timeout.Token);
            local = world.TimelineMails();
        }

        IReadOnlyList<string> durable;
        await using (var world = await TimelineWorld.StartAsync(NetworkType.Welfare))
        {
            await using var host = await StartHostAsync(world, TimeSpan.FromMilliseconds(150), timeout.Token, new TimelineGenerations(iterationsPerGeneration, "1"),
                SimulatedTimer.HeldAcross(pauseAt, resumeAt, closeAt));
            world.Engine.Inner = new DurableTimelineEngine(new DurableClients(host.Client));
            var networks = world.Services.GetRequiredService<NetworkWorkflow>();
            await world.Engine.StartAsync(world.Tenant, world.NetworkId.ToString(), timeout.Token);

            await WaitForStepAsync(world, "meeting-1-reminder", timeout.Token);
            var sentBeforePause = await OutboxCountAsync(world);
            world.Clock.SetUtcNow(pauseAt);
            await networks.ChangeTimelineAsync(world.NetworkId, new TimelinePaused(pauseAt), null, null, timeout.Token);

            // Paused: the orchestration waits for a change only. Steps that were due in the meantime stay unsent.
            await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
            Assert.Equal(sentBeforePause, await OutboxCountAsync(world));

            world.Clock.SetUtcNow(resumeAt);
            await networks.ChangeTimelineAsync(world.NetworkId, new TimelineResumed(resumeAt), null, null, timeout.Token);
            await WaitUntilAsync(async () => await OutboxCountAsync(world) > sentBeforePause, timeout.Token);
            world.Clock.SetUtcNow(closeAt);
            await networks.ChangeTimelineAsync(world.NetworkId, new TimelineClosedEarly(closeAt), null, null, timeout.Token);

            await CompleteAsync(host, TimelineInput.InstanceIdFor(world.Tenant, world.NetworkId.ToString()), timeout.Token);
            await DeliverAllAsync(world, timeout.Token);
            durable = world.TimelineMails();
        }

        Assert.Equal(local, durable);
    }

    private static async Task WaitForStepAsync(TimelineWorld world, string stepId, CancellationToken cancellationToken)
    {
        var networks = world.Services.GetRequiredService<INetworkStore>();
        await WaitUntilAsync(async () =>
            (await networks.FindAsync(world.Tenant, world.NetworkId.ToString(), cancellationToken))!.Value.Timeline!.Step(stepId)!.Status == StepStatus.Done,
            cancellationToken);
    }

    private static async Task<int> OutboxCountAsync(TimelineWorld world) =>
        (await world.Services.GetRequiredService<Domain.Ports.IOutbox>().QueuedKeysAsync(world.Tenant, world.NetworkId + "/")).Count;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition()) await Task.Delay(10, cancellationToken);
    }

    /// <summary>The local runner, round after round, the fake clock moved to each due instant before <paramref name="until"/>.</summary>
    internal static async Task RunLocallyAsync(TimelineWorld world, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var runner = world.Services.GetRequiredService<LocalRunner>();
        while (await runner.RunOnceAsync(cancellationToken) is { } next && next < until)
        {
            if (next > world.Clock.GetUtcNow()) world.Clock.SetUtcNow(next);
        }
    }

    private static async Task<DateTimeOffset> DueAsync(TimelineWorld world, string stepId) =>
        (await world.Services.GetRequiredService<INetworkStore>().FindAsync(world.Tenant, world.NetworkId.ToString()))!.Value.Timeline!.Step(stepId)!.Due;

    internal static async Task DeliverAllAsync(TimelineWorld world, CancellationToken cancellationToken)
    {
        // In Azure the queue trigger delivers what the activities queued; here the outbox's own delivery does.
        world.Clock.SetUtcNow(TimelineWorld.Start.AddYears(2));
        var delivery = world.Services.GetRequiredService<Netvaerk.Infrastructure.Mail.IOutboxDelivery>();
        while (await delivery.DeliverDueAsync(cancellationToken) > 0)
        {
        }
    }

    /// <summary>The in-process engine with the real orchestrator (time simulated from the world's clock) and activities.</summary>
    private static Task<DurableTaskTestHost> StartHostAsync(TimelineWorld world, TimeSpan realPerDay, CancellationToken cancellationToken,
        TimelineGenerations? generations = null, Func<SimulatedTimer, bool>? held = null)
    {
        var activities = new TimelineActivities(world.Services.GetRequiredService<NetworkWorkflow>());
        var start = world.Clock.GetUtcNow().UtcDateTime;
        return DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc(nameof(NetworkTimeline), context =>
                NetworkTimeline.RunAsync(new SimulatedTimeContext(context, realPerDay, start, held: held), generations ?? TimelineGenerations.Default));
            registry.AddActivityFunc<NextInput, TimelineNext>(nameof(TimelineActivities.NextStep),
                (_, input) => activities.NextStep(input, cancellationToken));
            foreach (var name in Enum.GetValues<StepKind>().Select(TimelineActivities.For))
            {
                registry.AddActivityFunc<StepInput, TimelineNext>(name, (_, input) => activities.RunAsync(input, cancellationToken));
            }
        }, cancellationToken: cancellationToken);
    }

    private static async Task CompleteAsync(DurableTaskTestHost host, string instanceId, CancellationToken cancellationToken)
    {
        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{done.RuntimeStatus}: {done.FailureDetails?.ErrorType} {done.FailureDetails?.ErrorMessage} {done.FailureDetails?.StackTrace}");
    }

    /// <summary>Runs the network's orchestration to its end on the in-process engine, with time simulated.</summary>
    private static async Task RunOrchestrationAsync(TimelineWorld world, CancellationToken cancellationToken)
    {
        await using var host = await StartHostAsync(world, RealPerDay, cancellationToken);
        var input = new TimelineInput(world.Tenant, world.NetworkId.ToString());
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(NetworkTimeline),
            new SimulatedInput<TimelineInput>(input, world.Clock.GetUtcNow().UtcDateTime),
            new StartOrchestrationOptions(TimelineInput.InstanceIdFor(input.TenantId, input.NetworkId)), cancellationToken);
        await CompleteAsync(host, instanceId, cancellationToken);
    }
}
