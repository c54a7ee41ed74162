using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Ideas;

public class ApprovalScheduleTests
{
    private static readonly ApprovalSchedule Schedule = ApprovalSchedule.Default;

    /// <summary>Wednesday 17 March 2027, 14:30 Copenhagen (winter time).</summary>
    private static readonly DateTimeOffset RoutedBeforeEaster = new(2027, 3, 17, 14, 30, 0, TimeSpan.FromHours(1));

    private static Idea Routed(DateTimeOffset routedAt)
    {
        var idea = Idea.Submit(
            Guid.NewGuid(),
            "Frivillige mod ensomhed",
            "Besøgsordninger med frivillige på plejehjemmene.",
            new Person("Mette Hansen", "mette@albertslund.dk"),
            NetworkType.Welfare,
            routedAt.AddDays(-2));
        idea.RouteForDecision(Forum.Chefforum, routedAt);
        return idea;
    }

    [Fact]
    public void Reminder_over_Easter_skips_skaertorsdag_langfredag_and_2_paaskedag_and_goes_out_at_0800_summer_time()
    {
        // 18, 19, 22, 23, 24 March; 25, 26 (Thu/Fri) and 29 (Mon) are holidays; 30, 31 March, 1, 2, 5 April.
        var reminder = Schedule.ReminderAt(RoutedBeforeEaster);

        Assert.Equal(new DateTimeOffset(2027, 4, 5, 8, 0, 0, TimeSpan.FromHours(2)), reminder);
    }

    [Fact]
    public void Escalation_is_20_working_days_after_routing()
    {
        var escalation = Schedule.EscalationAt(RoutedBeforeEaster);

        Assert.Equal(new DateTimeOffset(2027, 4, 19, 8, 0, 0, TimeSpan.FromHours(2)), escalation);
    }

    [Fact]
    public void Reminder_over_Christmas_skips_juleaftensdag_the_christmas_days_nytaarsaftensdag_and_nytaarsdag()
    {
        var routed = new DateTimeOffset(2027, 12, 17, 10, 0, 0, TimeSpan.FromHours(1));

        var deadlines = Schedule.Deadlines(routed);

        // 20, 21, 22, 23, 27, 28, 29, 30 December, 3 and 4 January.
        Assert.Equal(new DateTimeOffset(2028, 1, 4, 8, 0, 0, TimeSpan.FromHours(1)), deadlines.ReminderAt);
        Assert.Equal(new DateTimeOffset(2028, 1, 18, 8, 0, 0, TimeSpan.FromHours(1)), deadlines.EscalationAt);
        Assert.Equal(new DateOnly(2028, 1, 4), deadlines.DecideBy);
    }

    [Fact]
    public void Calendar_without_the_extra_non_working_days_counts_juleaftensdag_and_nytaarsaftensdag()
    {
        var schedule = new ApprovalSchedule(new DanishCalendar(includeExtraNonWorkingDays: false));
        var routed = new DateTimeOffset(2027, 12, 17, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 12, 31, 8, 0, 0, TimeSpan.FromHours(1)), schedule.ReminderAt(routed));
    }

    [Fact]
    public void Routing_late_in_the_evening_counts_from_the_Copenhagen_date_not_the_UTC_date()
    {
        // 23:30 UTC on Tuesday 16 March is 00:30 on Wednesday 17 March in Copenhagen.
        var routed = new DateTimeOffset(2027, 3, 16, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(Schedule.ReminderAt(RoutedBeforeEaster), Schedule.ReminderAt(routed));
    }

    [Fact]
    public void Settings_change_the_working_days_and_the_send_time()
    {
        var schedule = new ApprovalSchedule(DanishCalendar.Default, new ApprovalSettings
        {
            ReminderWorkingDays = 5,
            EscalationWorkingDays = 6,
            SendTime = new TimeOnly(9, 30),
        });

        // 18, 19, 22, 23, 24 March → reminder on Wednesday 24; the sixth working day is Tuesday 30 March.
        Assert.Equal(new DateTimeOffset(2027, 3, 24, 9, 30, 0, TimeSpan.FromHours(1)), schedule.ReminderAt(RoutedBeforeEaster));
        Assert.Equal(new DateTimeOffset(2027, 3, 30, 9, 30, 0, TimeSpan.FromHours(2)), schedule.EscalationAt(RoutedBeforeEaster));
    }

    [Fact]
    public void Escalation_must_come_after_the_reminder()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ApprovalSchedule(DanishCalendar.Default, new ApprovalSettings { ReminderWorkingDays = 10, EscalationWorkingDays = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ApprovalSchedule(DanishCalendar.Default, new ApprovalSettings { ReminderWorkingDays = 0 }));
    }

    [Fact]
    public void Before_the_reminder_nothing_is_due_and_the_reminder_is_next()
    {
        var idea = Routed(RoutedBeforeEaster);
        var reminder = Schedule.ReminderAt(RoutedBeforeEaster);

        var due = Schedule.Next(idea, reminder.AddTicks(-1));

        Assert.Equal(new ApprovalDue(ApprovalAction.None, null, reminder), due);
        Assert.False(Schedule.IsOverdue(idea, reminder.AddTicks(-1)));
    }

    [Fact]
    public void From_the_reminder_instant_the_reminder_is_due_and_the_escalation_is_next()
    {
        var idea = Routed(RoutedBeforeEaster);
        var deadlines = Schedule.Deadlines(RoutedBeforeEaster);

        var due = Schedule.Next(idea, deadlines.ReminderAt);

        Assert.Equal(new ApprovalDue(ApprovalAction.Reminder, deadlines.ReminderAt, deadlines.EscalationAt), due);
        Assert.True(Schedule.IsOverdue(idea, deadlines.ReminderAt));
    }

    [Fact]
    public void From_the_escalation_instant_the_escalation_is_due_and_nothing_is_next()
    {
        var idea = Routed(RoutedBeforeEaster);
        var escalation = Schedule.EscalationAt(RoutedBeforeEaster);

        var due = Schedule.Next(idea, escalation.AddDays(30));

        Assert.Equal(new ApprovalDue(ApprovalAction.Escalation, escalation, null), due);
    }

    [Fact]
    public void Decided_ideas_have_nothing_due()
    {
        var approved = Routed(RoutedBeforeEaster);
        approved.Approve(null, RoutedBeforeEaster.AddDays(1));
        var rejected = Routed(RoutedBeforeEaster);
        rejected.Reject("Overlapper med et eksisterende projekt.", RoutedBeforeEaster.AddDays(1));
        var later = RoutedBeforeEaster.AddDays(60);

        Assert.Equal(ApprovalDue.Nothing, Schedule.Next(approved, later));
        Assert.Equal(ApprovalDue.Nothing, Schedule.Next(rejected, later));
    }

    [Fact]
    public void Idea_waiting_for_information_from_the_submitter_has_nothing_due()
    {
        var idea = Routed(RoutedBeforeEaster);
        idea.RequestInfo("Hvilke plejehjem skal være med?", RoutedBeforeEaster.AddDays(1));

        Assert.Equal(ApprovalDue.Nothing, Schedule.Next(idea, RoutedBeforeEaster.AddDays(60)));
    }

    [Fact]
    public void Idea_in_review_that_was_never_routed_has_nothing_due()
    {
        var idea = Idea.Submit(Guid.NewGuid(), "Idé", "Beskrivelse", new Person("Mette Hansen", "mette@albertslund.dk"),
            NetworkType.Learning, RoutedBeforeEaster);
        idea.StartReview(RoutedBeforeEaster);

        Assert.Null(idea.RoutedAt);
        Assert.Equal(ApprovalDue.Nothing, Schedule.Next(idea, RoutedBeforeEaster.AddDays(60)));
    }

    [Fact]
    public void Re_routing_restarts_the_clock()
    {
        var idea = Routed(RoutedBeforeEaster);
        var rerouted = RoutedBeforeEaster.AddDays(14);
        idea.RouteForDecision(Forum.Direktoerforum, rerouted);

        var due = Schedule.Next(idea, Schedule.ReminderAt(RoutedBeforeEaster));

        Assert.Equal(ApprovalAction.None, due.Action);
        Assert.Equal(Schedule.ReminderAt(rerouted), due.NextAt);
    }

    [Fact]
    public void Working_days_waiting_is_the_reminder_count_on_the_reminder_day()
    {
        var deadlines = Schedule.Deadlines(RoutedBeforeEaster);

        Assert.Equal(0, Schedule.WorkingDaysWaiting(RoutedBeforeEaster, RoutedBeforeEaster.AddHours(2)));
        Assert.Equal(10, Schedule.WorkingDaysWaiting(RoutedBeforeEaster, deadlines.ReminderAt));
        Assert.Equal(20, Schedule.WorkingDaysWaiting(RoutedBeforeEaster, deadlines.EscalationAt));
    }
}
