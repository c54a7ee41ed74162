using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Timelines.TimelinePlannerTests;

namespace Netvaerk.Domain.Tests.Timelines;

/// <summary>The failure handling both engines share: a failing step waits for its retry, is parked at the limit, and never holds up the rest.</summary>
public class StepFailureTests
{
    // Without the baseline, which is due with the invitation: these tests follow the invitation alone.
    private static readonly TimelineState Welfare = Plan(NetworkType.Welfare, new DateOnly(2027, 3, 1), s => s with { BaselineSurvey = false });
    private static readonly DateTimeOffset InvitationDue = Local(2027, 2, 22, 8);
    private const string Invitation = TimelinePlanner.WorkshopInvitationId;

    private static TimelineStep Step(TimelineState state, string id) => state.Step(id)!;

    [Fact]
    public void A_failed_attempt_waits_for_its_backoff_and_later_steps_are_not_held_up()
    {
        var step = Step(Welfare, Invitation);

        var failed = Welfare.Failed(step.Id, step.Version, InvitationDue, "Disken er fuld", StepRetryPolicy.Default);

        var after = Step(failed, Invitation);
        Assert.True(after.IsPending);
        Assert.Equal(1, after.Attempts);
        Assert.Equal(InvitationDue.AddMinutes(1), after.RetryAt);
        Assert.Equal("Disken er fuld", after.Failure);
        Assert.Equal(InvitationDue.AddMinutes(1), Assert.IsType<NextDue.WakeAt>(failed.NextDue(InvitationDue)).Instant);
        Assert.Equal(InvitationDue.AddMinutes(1).ToUniversalTime(), new NetworkRecord(SampleNetwork(), failed).NextDueUtc);
        Assert.Equal(Invitation, Assert.IsType<NextDue.Run>(failed.NextDue(InvitationDue.AddMinutes(1))).Step.Id);
    }

    [Fact]
    public void At_the_policy_limit_the_step_is_parked_and_the_timeline_goes_on_to_its_next_step()
    {
        var state = Welfare;
        var at = InvitationDue;
        for (var attempt = 1; attempt <= StepRetryPolicy.Default.MaxAttempts; attempt++)
        {
            var run = Assert.IsType<NextDue.Run>(state.NextDue(at));
            Assert.Equal(Invitation, run.Step.Id);
            state = state.Failed(run.Step.Id, run.Step.Version, at, $"forsøg {attempt}", StepRetryPolicy.Default);
            at = Step(state, Invitation).RetryAt ?? at;
        }

        var parked = Step(state, Invitation);
        Assert.Equal(StepStatus.Failed, parked.Status);
        Assert.Equal(4, parked.Attempts);
        Assert.Equal("forsøg 4", parked.Failure);
        Assert.Equal([Invitation], state.Problems.Select(p => p.Id));
        var next = Assert.IsType<NextDue.WakeAt>(state.NextDue(at));
        Assert.Equal(Local(2027, 3, 1, 8), next.Instant);
    }

    [Fact]
    public void Reports_for_an_outdated_version_or_a_finished_step_change_nothing()
    {
        var step = Step(Welfare, Invitation);
        Assert.Same(Welfare, Welfare.Failed(step.Id, step.Version + 1, InvitationDue, "x", StepRetryPolicy.Default));
        var done = Welfare.Done(step.Id, step.Version);
        Assert.Same(done, done.Failed(step.Id, step.Version, InvitationDue, "x", StepRetryPolicy.Default));
        Assert.Same(Welfare, Welfare.Failed("no-such-step", 1, InvitationDue, "x", StepRetryPolicy.Default));
    }

    [Fact]
    public void The_secretariat_retries_a_parked_step_at_once_with_a_fresh_count()
    {
        var step = Step(Welfare, Invitation);
        var parked = Welfare.Failed(step.Id, step.Version, InvitationDue, "x", new StepRetryPolicy(1, []));
        var later = InvitationDue.AddDays(2);

        var retried = parked.RetryParked(Invitation, later);

        Assert.Equal(StepStatus.Pending, Step(retried, Invitation).Status);
        Assert.Equal(0, Step(retried, Invitation).Attempts);
        Assert.Equal(Invitation, Assert.IsType<NextDue.Run>(retried.NextDue(later)).Step.Id);
        Assert.Equal("step-not-parked", Assert.Throws<DomainException>(() => Welfare.RetryParked(Invitation, later)).Code);
        Assert.Equal("unknown-step", Assert.Throws<DomainException>(() => parked.RetryParked("nope", later)).Code);
    }

    [Fact]
    public void A_retry_travels_as_a_timeline_change_like_the_leaders_changes()
    {
        var step = Step(Welfare, Invitation);
        var parked = Welfare.Failed(step.Id, step.Version, InvitationDue, "x", new StepRetryPolicy(1, []));
        TimelineChange change = new StepRetried(Invitation, InvitationDue.AddDays(1));

        var back = TimelineJson.Deserialize<TimelineChange>(TimelineJson.Serialize(change));

        Assert.Equal(change, back);
        Assert.Contains("\"step-retried\"", TimelineJson.Serialize(change), StringComparison.Ordinal);
        Assert.Equal(StepStatus.Pending, Step(parked.Apply(back), Invitation).Status);
    }

    [Fact]
    public void A_step_done_without_some_recipients_names_them_and_shows_among_the_problems()
    {
        var step = Step(Welfare, Invitation);

        var done = Welfare.Done(step.Id, step.Version, ["x<y>@albertslund.dk"]);

        Assert.Equal(StepStatus.Done, Step(done, Invitation).Status);
        Assert.Equal(["x<y>@albertslund.dk"], Step(done, Invitation).FailedRecipients);
        Assert.Single(done.Problems);
        Assert.Equal(TimelineJson.Serialize(Welfare.Done(step.Id, step.Version)), TimelineJson.Serialize(Welfare.Done(step.Id, step.Version, [])));
    }

    [Fact]
    public void Failure_fields_survive_the_json_round_trip()
    {
        var step = Step(Welfare, Invitation);
        var state = Welfare.Failed(step.Id, step.Version, InvitationDue, "Disken er fuld", StepRetryPolicy.Default)
            .Done(TimelinePlanner.WorkshopId, 1, ["a@b.dk"]);

        var back = TimelineJson.Deserialize<TimelineState>(TimelineJson.Serialize(state));

        Assert.Equal(TimelineJson.Serialize(state), TimelineJson.Serialize(back));
        Assert.Equal(1, Step(back, Invitation).Attempts);
        Assert.Equal(InvitationDue.AddMinutes(1), Step(back, Invitation).RetryAt);
    }

    [Fact]
    public void An_untroubled_timeline_stores_neither_failure_fields_nor_derived_values()
    {
        var json = TimelineJson.Serialize(Welfare);

        foreach (var field in new[] { "attempts", "retryAt", "failure", "failedRecipients", "runAt", "problems", "pendingSteps", "isPending" })
        {
            Assert.DoesNotContain($"\"{field}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_backoff_repeats_its_last_wait()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), StepRetryPolicy.Default.BackoffAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(10), StepRetryPolicy.Default.BackoffAfter(2));
        Assert.Equal(TimeSpan.FromHours(1), StepRetryPolicy.Default.BackoffAfter(3));
        Assert.Equal(TimeSpan.FromHours(1), StepRetryPolicy.Default.BackoffAfter(9));
    }

    /// <summary>
    /// Whatever steps fail, and however often, every step is eventually done or parked, in time order per attempt, and no
    /// step is ever run again once done or parked: a failing step never stalls the timeline.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Failures_never_stall_the_timeline(int seed)
    {
        var random = new Random(seed);
        var state = Welfare;
        var at = InvitationDue.AddDays(-30);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 500; i++)
        {
            switch (state.NextDue(at))
            {
                case NextDue.Finished:
                    var ok = state.Steps.All(s => s.Status is StepStatus.Done or StepStatus.Failed or StepStatus.Cancelled);
                    return ok.Label("every step is done or parked");
                case NextDue.WakeAt wake:
                    at = wake.Instant;
                    break;
                case NextDue.Run run:
                    if (finished.Contains(run.Step.Id)) return false.Label($"{run.Step.Id} ran after it was finished");
                    state = random.Next(3) == 0
                        ? state.Failed(run.Step.Id, run.Step.Version, at, "fejl", StepRetryPolicy.Default)
                        : state.Done(run.Step.Id, run.Step.Version);
                    if (!state.Step(run.Step.Id)!.IsPending) finished.Add(run.Step.Id);
                    break;
            }
        }

        return false.Label("did not finish in 500 moves");
    }

    private static Network SampleNetwork() => Network.CreateDraft(Guid.NewGuid(), new NetworkContract(), InvitationDue);
}
