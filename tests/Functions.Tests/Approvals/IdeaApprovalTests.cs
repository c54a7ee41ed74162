using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;
using Netvaerk.Functions.Approvals;
using Netvaerk.Functions.Tests.Timelines;
using Netvaerk.Functions.Timelines;

namespace Netvaerk.Functions.Tests.Approvals;

/// <summary>
/// The approval orchestrator on the in-process Durable engine (simulated time), started and woken by the production
/// engine from the idea workflow: reminder and escalation on the Danish calendar, a decision ends the wait, and an
/// answer to a request for information restarts the clock.
/// </summary>
public sealed class IdeaApprovalTests
{
    private static readonly TimeSpan RealPerDay = TimeSpan.FromMilliseconds(40);

    /// <summary>Wednesday before Easter 2027: Maundy Thursday, Good Friday and Easter Monday are not working days.</summary>
    private static readonly DateTimeOffset RoutedAt = CopenhagenTime.At(new DateOnly(2027, 3, 17), new TimeOnly(10, 0));

    [Fact]
    public async Task An_undecided_idea_is_reminded_after_10_and_escalated_after_20_working_days_and_the_decision_ends_the_wait()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var world = await TimelineWorld.StartAsync(NetworkType.Welfare);
        var calls = new ConcurrentQueue<DateTimeOffset>();
        await using var host = await StartHostAsync(world, calls, timeout.Token);
        var ideaId = await RouteIdeaAsync(world, timeout.Token);
        var instanceId = ApprovalInput.InstanceIdFor(world.Tenant, ideaId.ToString());

        // After the escalation the follow-up waits for the decision alone.
        await WaitUntilAsync(() => calls.Count >= 3, timeout.Token);
        await Task.Delay(RealPerDay * 5, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(instanceId, timeout.Token))!.RuntimeStatus);

        // 10 working days after Wednesday 17 March, Easter skipped: Monday 5 April; 20: Monday 19 April (08:00 Copenhagen).
        var reminder = CopenhagenTime.At(new DateOnly(2027, 4, 5), new TimeOnly(8, 0));
        var escalation = CopenhagenTime.At(new DateOnly(2027, 4, 19), new TimeOnly(8, 0));
        Assert.Equal([RoutedAt, reminder, escalation], calls.ToArray());
        Assert.Equal(ApprovalSchedule.Default.Deadlines(RoutedAt), new ApprovalDeadlines(RoutedAt, reminder, escalation));

        world.Clock.SetUtcNow(escalation.AddDays(2));
        await world.Services.GetRequiredService<IdeaWorkflow>().DecideAsync(ideaId, DecisionOutcome.Approved, "God idé", null, timeout.Token);
        await CompletedAsync(host, instanceId, timeout.Token);

        var keys = await SentAsync(world, ideaId);
        Assert.Single(keys, k => k.Contains("/approval-reminder/", StringComparison.Ordinal));
        Assert.Single(keys, k => k.Contains("/approval-escalation/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_decision_before_the_reminder_cancels_the_pending_timer_and_nothing_more_is_sent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var world = await TimelineWorld.StartAsync(NetworkType.Welfare);
        var calls = new ConcurrentQueue<DateTimeOffset>();
        await using var host = await StartHostAsync(world, calls, timeout.Token, SimulatedTimer.HeldAcross(RoutedAt.AddDays(3)));
        var ideaId = await RouteIdeaAsync(world, timeout.Token);
        await WaitUntilAsync(() => !calls.IsEmpty, timeout.Token);

        world.Clock.SetUtcNow(RoutedAt.AddDays(3));
        await world.Services.GetRequiredService<IdeaWorkflow>().DecideAsync(ideaId, DecisionOutcome.Rejected, "Ikke nu", null, timeout.Token);

        // The event won the race: the follow-up looked again at the routing instant (simulated time moves only when a timer
        // fires), saw the decision and ended; the reminder's timer never fired.
        await CompletedAsync(host, ApprovalInput.InstanceIdFor(world.Tenant, ideaId.ToString()), timeout.Token);
        Assert.Equal([RoutedAt, RoutedAt], calls.ToArray());
        Assert.DoesNotContain(await SentAsync(world, ideaId), k => k.Contains("/approval-reminder/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_to_a_request_for_information_puts_the_idea_to_the_forum_again_and_the_clock_starts_over()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var world = await TimelineWorld.StartAsync(NetworkType.Welfare);
        var calls = new ConcurrentQueue<DateTimeOffset>();
        // The submitter answers after the first reminder would have been due: nothing may have gone out meanwhile.
        var answeredAt = CopenhagenTime.At(new DateOnly(2027, 4, 7), new TimeOnly(9, 30));
        await using var host = await StartHostAsync(world, calls, timeout.Token, SimulatedTimer.HeldAcross(RoutedAt.AddDays(2), answeredAt));
        var ideas = world.Services.GetRequiredService<IdeaWorkflow>();
        var ideaId = await RouteIdeaAsync(world, timeout.Token);
        await WaitUntilAsync(() => !calls.IsEmpty, timeout.Token);

        world.Clock.SetUtcNow(RoutedAt.AddDays(2));
        await ideas.DecideAsync(ideaId, DecisionOutcome.NeedsInfo, "Hvem er med?", null, timeout.Token);
        await WaitUntilAsync(() => calls.Count >= 2, timeout.Token);
        world.Clock.SetUtcNow(answeredAt);
        await ideas.ProvideInfoAsync(ideaId, "Tre afdelinger.", null, timeout.Token);

        var reminder = ApprovalSchedule.Default.ReminderAt(answeredAt);
        await WaitUntilAsync(() => calls.Contains(reminder), timeout.Token);
        var keys = await SentAsync(world, ideaId);
        Assert.Equal([$"idea/{ideaId}/approval-reminder/{answeredAt.UtcTicks}/"],
            keys.Where(k => k.Contains("/approval-reminder/", StringComparison.Ordinal)).Select(k => k[..(k.LastIndexOf('/') + 1)]).Distinct());
        Assert.Equal(2, keys.Count(k => k.Contains("/approval-request/", StringComparison.Ordinal)));

        await ideas.DecideAsync(ideaId, DecisionOutcome.Approved, null, null, timeout.Token);
        await CompletedAsync(host, ApprovalInput.InstanceIdFor(world.Tenant, ideaId.ToString()), timeout.Token);
    }

    /// <summary>An idea submitted and routed to Chefforum at <see cref="RoutedAt"/>, through the production engine.</summary>
    private static async Task<Guid> RouteIdeaAsync(TimelineWorld world, CancellationToken cancellationToken)
    {
        world.Clock.SetUtcNow(RoutedAt);
        var ideas = world.Services.GetRequiredService<IdeaWorkflow>();
        var (idea, _) = await ideas.SubmitAsync("Fælles frivilligcenter", "Et netværk om frivillighed på tværs.",
            new Person("Sara Jensen", "sara.jensen@albertslund.dk"), NetworkType.Welfare, new GuideAnswers(), cancellationToken);
        await ideas.RouteAsync(idea.Value.Id, Forum.Chefforum, null, cancellationToken);
        return idea.Value.Id;
    }

    private static async Task<DurableTaskTestHost> StartHostAsync(TimelineWorld world, ConcurrentQueue<DateTimeOffset> calls, CancellationToken cancellationToken,
        Func<SimulatedTimer, bool>? held = null)
    {
        var activities = new ApprovalActivities(world.Services.GetRequiredService<IdeaWorkflow>());
        var host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc(nameof(IdeaApproval), context => IdeaApproval.RunAsync(
                new SimulatedTimeContext(context, RealPerDay, RoutedAt.UtcDateTime, held: held)));
            // Recorded once the activity has done its work, so a test that sees the instant also sees what it sent.
            registry.AddActivityFunc<FollowUpInput, ApprovalNext>(nameof(ApprovalActivities.FollowUpDecision), async (_, input) =>
            {
                var next = await activities.FollowUpDecision(input, cancellationToken);
                calls.Enqueue(input.At);
                return next;
            });
        }, cancellationToken: cancellationToken);
        world.Approvals.Inner = new DurableApprovalEngine(new DurableClients(host.Client));
        return host;
    }

    private static async Task<IReadOnlyList<string>> SentAsync(TimelineWorld world, Guid ideaId) =>
        (await world.Services.GetRequiredService<IOutbox>().QueuedKeysAsync(world.Tenant, $"idea/{ideaId}/")).Order(StringComparer.Ordinal).ToList();

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition()) await Task.Delay(10, cancellationToken);
    }

    private static async Task CompletedAsync(DurableTaskTestHost host, string instanceId, CancellationToken cancellationToken)
    {
        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, cancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
    }
}
