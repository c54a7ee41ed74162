using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Timelines.TimelinePlannerTests;

namespace Netvaerk.Domain.Tests.Timelines;

public class TimelineStateTests
{
    private static readonly TimelineState Welfare = Plan(NetworkType.Welfare, new DateOnly(2027, 3, 1));

    /// <summary>Runs every step due at or before the instant, as a host would.</summary>
    internal static (TimelineState State, List<TimelineStep> Ran) RunUntil(TimelineState state, DateTimeOffset until)
    {
        var ran = new List<TimelineStep>();
        while (state.NextDue(until) is NextDue.Run run)
        {
            ran.Add(run.Step);
            state = state.Done(run.Step.Id, run.Step.Version);
        }

        return (state, ran);
    }

    [Fact]
    public void Next_due_runs_the_earliest_pending_step_and_then_waits_for_the_next()
    {
        var first = Assert.IsType<NextDue.Run>(Welfare.NextDue(Local(2027, 2, 22, 8)));
        Assert.Equal("startup-workshop-invitation", first.Step.Id);

        // The baseline goes with the invitation, at the same instant.
        var second = Assert.IsType<NextDue.Run>(Welfare.Done(first.Step.Id, first.Step.Version).NextDue(Local(2027, 2, 22, 8)));
        Assert.Equal("baseline-survey", second.Step.Id);

        var after = Welfare.Done(first.Step.Id, first.Step.Version).Done(second.Step.Id, second.Step.Version);
        var wake = Assert.IsType<NextDue.WakeAt>(after.NextDue(Local(2027, 2, 22, 8)));
        Assert.Equal(Local(2027, 2, 25, 8), wake.Instant); // the baseline's reminder, three working days on
    }

    [Fact]
    public void A_timeline_run_to_the_end_is_finished_with_every_step_done()
    {
        var (state, ran) = RunUntil(Welfare, Local(2028, 1, 1, 0));
        Assert.IsType<NextDue.Finished>(state.NextDue(Local(2028, 1, 1, 0)));
        Assert.Equal(Welfare.Steps.Count, ran.Count);
        Assert.All(state.Steps, s => Assert.Equal(StepStatus.Done, s.Status));
    }

    [Fact]
    public void Moving_a_meeting_regenerates_its_reminder_and_the_old_version_can_no_longer_be_done()
    {
        var oldReminder = Welfare.Step("meeting-2-reminder")!;
        var moved = Welfare.Apply(new MeetingMoved("meeting-2", new DateOnly(2027, 3, 17), new TimeOnly(13, 0), new TimeOnly(15, 0),
            "Kulturhuset", Local(2027, 3, 2, 10)));

        var reminder = moved.Step("meeting-2-reminder")!;
        Assert.Equal(Local(2027, 3, 15, 8), reminder.Due);
        Assert.Equal(oldReminder.Version + 1, reminder.Version);
        Assert.Equal(1, moved.Meeting("meeting-2")!.Sequence);
        Assert.Equal("Kulturhuset", moved.Meeting("meeting-2")!.Place);
        Assert.Equal(Local(2027, 3, 17, 13), moved.Step("meeting-2")!.Due);

        var stale = moved.Done("meeting-2-reminder", oldReminder.Version);
        Assert.Same(moved, stale);
        Assert.True(stale.Step("meeting-2-reminder")!.IsPending);
    }

    [Fact]
    public void Moving_an_announced_meeting_sends_a_moved_notice_but_never_a_second_reminder()
    {
        var (state, _) = RunUntil(Welfare, Local(2027, 3, 12, 8)); // meeting-2 reminder (11/3) sent
        Assert.Equal(StepStatus.Done, state.Step("meeting-2-reminder")!.Status);

        var moved = state.Apply(new MeetingMoved("meeting-2", new DateOnly(2027, 3, 19), new TimeOnly(9, 0), new TimeOnly(11, 0), null,
            Local(2027, 3, 12, 10)));

        var notice = Assert.Single(moved.Steps, s => s.Kind == StepKind.MeetingMoved);
        Assert.Equal("meeting-2", notice.MeetingId);
        Assert.Equal(Local(2027, 3, 12, 10), notice.Due);
        Assert.Equal(new DateOnly(2027, 3, 15), notice.PreviousMeeting!.Date);
        Assert.Equal(StepStatus.Done, moved.Step("meeting-2-reminder")!.Status);
        var (_, ran) = RunUntil(moved, Local(2027, 3, 20, 0));
        Assert.DoesNotContain(ran, s => s.Kind == StepKind.MeetingReminder && s.MeetingId == "meeting-2");
    }

    [Fact]
    public void Moving_a_workshop_moves_its_invitation_and_the_end_evaluation_follows_the_closing_meeting()
    {
        var moved = Welfare.Apply(new MeetingMoved("meeting-4", new DateOnly(2027, 4, 6), new TimeOnly(10, 0), new TimeOnly(12, 0), null,
            Local(2027, 3, 2, 10)));
        Assert.Equal(Local(2027, 4, 6, 12), moved.Step("end-evaluation")!.Due);
        Assert.Equal(Local(2027, 4, 9, 8), moved.Step("end-evaluation-reminder-1")!.Due);
        Assert.Equal(Local(2027, 7, 6, 8), moved.Step("follow-up-survey")!.Due);

        var workshop = Welfare.Apply(new MeetingMoved("startup-workshop", new DateOnly(2027, 3, 3), new TimeOnly(9, 0), new TimeOnly(11, 0), null,
            Local(2027, 2, 1, 10)));
        Assert.Equal(Local(2027, 2, 24, 8), workshop.Step("startup-workshop-invitation")!.Due);
    }

    [Theory]
    [InlineData("2027-03-26", "non-working-day")] // langfredag
    [InlineData("2027-03-27", "non-working-day")] // Saturday
    [InlineData("2027-03-01", "meeting-in-past")]
    public void A_meeting_cannot_move_to_a_day_off_or_the_past(string date, string code)
    {
        var ex = Assert.Throws<DomainException>(() => Welfare.Apply(new MeetingMoved("meeting-3",
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(9, 0), new TimeOnly(11, 0), null,
            Local(2027, 3, 2, 10))));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void A_held_meeting_cannot_be_moved_or_cancelled()
    {
        var (state, _) = RunUntil(Welfare, Local(2027, 3, 9, 0));
        Assert.Equal("meeting-held", Assert.Throws<DomainException>(() =>
            state.Apply(new MeetingCancelled("meeting-1", Local(2027, 3, 9, 0)))).Code);
    }

    [Fact]
    public void Cancelling_a_meeting_cancels_its_reminder_and_tells_participants_who_were_invited()
    {
        var (state, _) = RunUntil(Welfare, Local(2027, 3, 12, 8));
        var cancelled = state.Apply(new MeetingCancelled("meeting-2", Local(2027, 3, 12, 9)));
        Assert.True(cancelled.Meeting("meeting-2")!.Cancelled);
        Assert.Equal(1, cancelled.Meeting("meeting-2")!.Sequence);
        Assert.Equal(StepStatus.Cancelled, cancelled.Step("meeting-2")!.Status);
        Assert.Equal(StepKind.MeetingCancelled, cancelled.Step("meeting-2-cancelled")!.Kind);

        var early = Welfare.Apply(new MeetingCancelled("meeting-3", Local(2027, 3, 2, 9)));
        Assert.Equal(StepStatus.Cancelled, early.Step("meeting-3-reminder")!.Status);
        Assert.Null(early.Step("meeting-3-cancelled")); // nobody had been told of it yet
    }

    [Fact]
    public void Pause_stops_everything_and_resume_shifts_what_remains_by_the_paused_days()
    {
        var (running, _) = RunUntil(Welfare, Local(2027, 3, 2, 0));
        var paused = running.Apply(new TimelinePaused(Local(2027, 3, 2, 12)));
        Assert.IsType<NextDue.WaitForChange>(paused.NextDue(Local(2027, 4, 1, 0)));
        Assert.Equal("timeline-paused", Assert.Throws<DomainException>(() => paused.Apply(
            new MeetingCancelled("meeting-2", Local(2027, 3, 3, 0)))).Code);

        var resumed = paused.Apply(new TimelineResumed(Local(2027, 3, 16, 12))); // 14 days later
        Assert.Equal(TimelineStatus.Active, resumed.Status);
        Assert.Equal(new DateOnly(2027, 3, 22), resumed.Meeting("meeting-1")!.Date);
        Assert.Equal(new DateOnly(2027, 4, 5), resumed.Meeting("meeting-3")!.Date);
        Assert.Equal(new DateOnly(2027, 4, 13), resumed.Meeting("meeting-4")!.Date); // 30/3 + 14
        Assert.Equal(running.PendingSteps.Count(), resumed.PendingSteps.Count(s => !s.IsChangeNotice));
    }

    [Fact]
    public void Closing_early_cancels_pending_sends_and_schedules_the_end_evaluation_at_the_next_send_time()
    {
        var (running, _) = RunUntil(Welfare, Local(2027, 3, 9, 0));
        var closed = running.Apply(new TimelineClosedEarly(Local(2027, 3, 9, 14)));

        Assert.Equal(TimelineStatus.Closed, closed.Status);
        Assert.Equal(Local(2027, 3, 10, 8), closed.Step("end-evaluation")!.Due);
        Assert.Equal(Local(2027, 3, 15, 8), closed.Step("end-evaluation-reminder-1")!.Due);
        Assert.Equal(Local(2027, 6, 10, 8), closed.Step("follow-up-survey")!.Due);
        Assert.All(closed.Meetings.Where(m => m.Number > 1), m => Assert.True(m.Cancelled));
        Assert.Equal(StepStatus.Cancelled, closed.Step("meeting-2-reminder")!.Status);
        Assert.Equal(StepStatus.Cancelled, closed.Step("citizen-involvement-nudge-day-14")!.Status);
        Assert.Equal(
            new[] { "end-evaluation", "end-evaluation-reminder-1", "end-evaluation-reminder-2", "follow-up-survey", "follow-up-survey-reminder-1", "follow-up-survey-reminder-2" },
            closed.PendingSteps.Select(s => s.Id));
        Assert.Throws<DomainException>(() => closed.Apply(new TimelineClosedEarly(Local(2027, 3, 10, 0))));
    }

    [Fact]
    public void State_round_trips_through_json_exactly()
    {
        var (state, _) = RunUntil(Welfare, Local(2027, 3, 12, 8));
        state = state.Apply(new MeetingMoved("meeting-3", new DateOnly(2027, 3, 24), new TimeOnly(9, 30), new TimeOnly(11, 30), "Byrådssalen",
            Local(2027, 3, 12, 9)));

        var json = TimelineJson.Serialize(state);
        var back = TimelineJson.Deserialize<TimelineState>(json);

        Assert.Equal(json, TimelineJson.Serialize(back));
        Assert.Equal(state.Steps, back.Steps);
        Assert.Equal(state.Meetings, back.Meetings);
        Assert.Equal(state.NextDue(Local(2027, 3, 20, 0)), back.NextDue(Local(2027, 3, 20, 0)));
        Assert.Contains("\"kind\":\"meeting-reminder\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_round_trip_through_json_as_the_durable_event_payload()
    {
        TimelineChange change = new MeetingMoved("meeting-1", new DateOnly(2027, 3, 9), new TimeOnly(9, 0), new TimeOnly(11, 0), null, Local(2027, 3, 2, 9));
        var json = TimelineJson.Serialize(change);
        Assert.Contains("\"type\":\"meeting-moved\"", json, StringComparison.Ordinal);
        Assert.Equal(change, TimelineJson.Deserialize<TimelineChange>(json));
    }
}
