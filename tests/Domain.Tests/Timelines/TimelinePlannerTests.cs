using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Tests.Timelines;

public class TimelinePlannerTests
{
    internal static TimelineState Plan(NetworkType type, DateOnly start, Func<TimelineSettings, TimelineSettings>? tweak = null)
    {
        var settings = TimelineTemplates.For(type);
        return TimelinePlanner.Plan("net-1", type, tweak is null ? settings : tweak(settings), start);
    }

    internal static DateTimeOffset Local(int y, int mo, int d, int h, int mi = 0) =>
        CopenhagenTime.At(new DateOnly(y, mo, d), new TimeOnly(h, mi));

    private static DateTimeOffset DueOf(TimelineState state, string id) => state.Step(id)!.Due;

    [Fact]
    public void Welfare_template_has_the_defaults_of_the_domain()
    {
        var s = TimelineTemplates.For(NetworkType.Welfare);
        Assert.Equal(4, s.MeetingCount);
        Assert.Equal(new Cadence(7, CadenceUnit.Days), s.MeetingCadence);
        Assert.Equal(2, s.ReminderLeadWorkingDays);
        Assert.Equal(5, s.InvitationLeadWorkingDays);
        Assert.Equal([0, 7, 14, 21], s.CitizenNudgeDays);
        Assert.Equal(14, s.CitizenInvolvementDeadlineDay);
        Assert.Equal(3, s.FollowUpMonths);
        Assert.Equal(new SurveyPolicy(3, 2, 10), s.Survey);
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(11, 0), new TimeOnly(8, 0)), (s.MeetingStart, s.MeetingEnd, s.SendTime));
    }

    [Fact]
    public void Learning_template_has_the_defaults_of_the_domain()
    {
        var s = TimelineTemplates.For(NetworkType.Learning);
        Assert.Equal(4, s.MeetingCount);
        Assert.Equal(new Cadence(6, CadenceUnit.Weeks), s.MeetingCadence);
        Assert.Equal(3, s.ReminderLeadWorkingDays);
        Assert.True(s.BaselineSurvey);
        Assert.Equal([2, 4], s.ExpertNudgeBeforeMeetings);
        Assert.Equal(3, s.FollowUpMonths);
    }

    [Fact]
    public void Innovation_template_has_the_defaults_of_the_domain()
    {
        var s = TimelineTemplates.For(NetworkType.Innovation);
        Assert.Equal(12, s.MeetingCount);
        Assert.Equal(new Cadence(1, CadenceUnit.Months), s.MeetingCadence);
        Assert.Equal(5, s.ReminderLeadWorkingDays);
        Assert.Equal(6, s.MidTermEvaluationAfterMeeting);
        Assert.Equal([3, 6, 9, 12], s.PoliticalStatusMonths);
        Assert.Equal(12, s.StakeholderNudgeMonths.Count);
        Assert.Equal(6, s.FollowUpMonths);
    }

    [Fact]
    public void Welfare_plan_places_every_step_on_the_Danish_calendar()
    {
        var state = Plan(NetworkType.Welfare, new DateOnly(2027, 3, 1));

        Assert.Equal(new DateOnly(2027, 3, 1), state.Day0);
        Assert.Equal(Local(2027, 2, 22, 8), DueOf(state, "startup-workshop-invitation"));
        Assert.Equal(Local(2027, 2, 22, 8), DueOf(state, "baseline-survey")); // relational coordination, before
        Assert.Equal(Local(2027, 3, 1, 9), DueOf(state, "startup-workshop"));
        Assert.Equal(Local(2027, 3, 8, 9), DueOf(state, "meeting-1"));
        Assert.Equal(Local(2027, 3, 4, 8), DueOf(state, "meeting-1-reminder"));
        Assert.Equal(Local(2027, 3, 22, 9), DueOf(state, "meeting-3"));
        // Day 28 is 2. påskedag: the closing meeting moves to the Tuesday, its reminder back over Easter.
        Assert.Equal(Local(2027, 3, 30, 9), DueOf(state, "meeting-4"));
        Assert.Equal(MeetingKind.ClosingMeeting, state.Meeting("meeting-4")!.Kind);
        Assert.Equal(Local(2027, 3, 23, 8), DueOf(state, "meeting-4-reminder"));
        Assert.Equal(Local(2027, 3, 1, 8), DueOf(state, "citizen-involvement-nudge-day-0"));
        Assert.Equal(Local(2027, 3, 22, 8), DueOf(state, "citizen-involvement-nudge-day-21"));
        Assert.Equal(Local(2027, 3, 16, 8), DueOf(state, "citizen-involvement-flag"));
        Assert.Equal(Audience.Secretariat, state.Step("citizen-involvement-flag")!.To);
        Assert.Equal(Local(2027, 3, 30, 11), DueOf(state, "end-evaluation"));
        Assert.Equal(Local(2027, 4, 2, 8), DueOf(state, "end-evaluation-reminder-1"));
        Assert.Equal(Local(2027, 4, 7, 8), DueOf(state, "end-evaluation-reminder-2"));
        Assert.Equal(Local(2027, 4, 13, 23, 59).AddSeconds(59), state.SurveyClosesAt("end-evaluation"));
        Assert.Equal(Local(2027, 6, 30, 8), DueOf(state, "follow-up-survey"));
        Assert.Equal(Local(2027, 7, 5, 8), DueOf(state, "follow-up-survey-reminder-1"));
        Assert.Equal(Local(2027, 7, 8, 8), DueOf(state, "follow-up-survey-reminder-2"));
        Assert.Equal(24, state.Steps.Count);
    }

    [Fact]
    public void A_start_on_a_holiday_makes_the_next_working_day_day_0()
    {
        var state = Plan(NetworkType.Welfare, new DateOnly(2027, 3, 25));
        Assert.Equal(new DateOnly(2027, 3, 30), state.Day0);
    }

    [Fact]
    public void Learning_plan_sends_the_baseline_with_the_invitation_and_nudges_for_experts_before_meetings_2_and_4()
    {
        var state = Plan(NetworkType.Learning, new DateOnly(2027, 8, 16));

        Assert.Equal(DueOf(state, "startup-workshop-invitation"), DueOf(state, "baseline-survey"));
        Assert.Equal(
            new[] { "2027-09-27", "2027-11-08", "2027-12-20", "2028-01-31" },
            state.Meetings.Where(m => m.Number > 0).Select(m => m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(5, state.Meetings.Count);
        Assert.NotNull(state.Step("meeting-2-expert-nudge"));
        Assert.NotNull(state.Step("meeting-4-expert-nudge"));
        Assert.Null(state.Step("meeting-1-expert-nudge"));
        Assert.Equal(Local(2027, 9, 22, 8), DueOf(state, "meeting-1-reminder")); // 3 working days before Monday 27/9
        Assert.Equal(Local(2028, 5, 1, 8), DueOf(state, "follow-up-survey"));
    }

    [Fact]
    public void Learning_network_may_have_four_meetings_in_all()
    {
        var state = Plan(NetworkType.Learning, new DateOnly(2027, 8, 16), s => s with { MeetingCount = 3 });
        Assert.Equal(4, state.Meetings.Count);
        Assert.Equal(MeetingKind.ClosingMeeting, state.Meeting("meeting-3")!.Kind);
        Assert.Null(state.Step("meeting-4-expert-nudge"));
    }

    [Fact]
    public void Innovation_plan_has_monthly_meetings_quarterly_status_and_rotating_stakeholder_nudges()
    {
        var state = Plan(NetworkType.Innovation, new DateOnly(2027, 1, 11));

        Assert.Equal(13, state.Meetings.Count);
        Assert.Equal(new DateOnly(2028, 1, 11), state.Meeting("meeting-12")!.Date);
        Assert.Equal(4, state.Steps.Count(s => s.Kind == StepKind.PoliticalStatus));
        Assert.All(state.Steps.Where(s => s.Kind == StepKind.PoliticalStatus), s => Assert.Equal(Audience.PoliticalLiaisonAndSecretariat, s.To));
        var groups = state.Steps.Where(s => s.Kind == StepKind.StakeholderInvolvementNudge).Select(s => s.Stakeholder!.Value).ToList();
        Assert.Equal(12, groups.Count);
        Assert.Equal(Enum.GetValues<StakeholderGroup>(), groups.Take(6));
        Assert.Equal(Enum.GetValues<StakeholderGroup>(), groups.Skip(6));
        Assert.Equal(state.Meeting("meeting-6")!.EndsAt, DueOf(state, "mid-term-evaluation"));
        Assert.Equal(SurveyKind.MidTerm, state.Step("mid-term-evaluation")!.Survey);
        Assert.Equal(Local(2028, 7, 11, 8), DueOf(state, "follow-up-survey"));
        Assert.Equal(Local(2027, 2, 4, 8), DueOf(state, "meeting-1-reminder")); // 5 working days before Thursday 11/2
    }

    [Theory]
    [InlineData(NetworkType.Welfare)]
    [InlineData(NetworkType.Learning)]
    [InlineData(NetworkType.Innovation)]
    public void Every_planned_step_falls_on_a_working_day_in_time_order(NetworkType type)
    {
        var state = Plan(type, new DateOnly(2027, 11, 29));
        Assert.All(state.Steps, s => Assert.True(DanishCalendar.Default.IsWorkingDay(CopenhagenTime.DateOf(s.Due)), s.Id));
        Assert.Equal(state.Steps.OrderBy(s => s.Due).Select(s => s.Id), state.Steps.Select(s => s.Id));
        Assert.Equal(state.Steps.Count, state.Steps.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Each_default_is_configurable_per_network()
    {
        var state = Plan(NetworkType.Welfare, new DateOnly(2027, 3, 1), s => s with
        {
            MeetingCount = 2,
            MeetingCadence = new Cadence(2, CadenceUnit.Weeks),
            MeetingStart = new TimeOnly(13, 0),
            MeetingEnd = new TimeOnly(15, 30),
            Place = "Kulturhuset Bibliotek",
            ReminderLeadWorkingDays = 1,
            Survey = new SurveyPolicy(2, 1, 5),
        });

        Assert.Equal(3, state.Meetings.Count);
        Assert.Equal(Local(2027, 3, 15, 13), DueOf(state, "meeting-1"));
        Assert.Equal("Kulturhuset Bibliotek", state.Meeting("meeting-2")!.Place);
        Assert.Equal(Local(2027, 3, 12, 8), DueOf(state, "meeting-1-reminder"));
        Assert.Equal(Local(2027, 3, 29 + 1, 15, 30), state.Meeting("meeting-2")!.EndsAt); // 29/3 is 2. påskedag
        Assert.Single(state.Steps, s => s.Kind == StepKind.SurveyReminder && s.SurveyStepId == "end-evaluation");
    }

    [Fact]
    public void Impossible_settings_are_refused_in_Danish()
    {
        var ex = Assert.Throws<Common.DomainException>(() =>
            Plan(NetworkType.Welfare, new DateOnly(2027, 3, 1), s => s with { MeetingCount = 0, MeetingEnd = new TimeOnly(8, 0) }));
        Assert.Equal("invalid-timeline-settings", ex.Code);
        Assert.Contains("mindst ét møde", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sluttidspunkt", ex.Message, StringComparison.Ordinal);
    }
}
