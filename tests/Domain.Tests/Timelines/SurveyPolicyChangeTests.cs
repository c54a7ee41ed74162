using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Timelines.TimelinePlannerTests;

namespace Netvaerk.Domain.Tests.Timelines;

/// <summary>A survey's reminders and closing, changed before it is sent.</summary>
public class SurveyPolicyChangeTests
{
    private static readonly TimelineState Welfare = Plan(NetworkType.Welfare, new DateOnly(2027, 3, 1));
    private static readonly DateTimeOffset Now = Local(2027, 3, 2, 10);
    private const string End = TimelinePlanner.EndEvaluationId;

    private static string[] Reminders(TimelineState state, string survey) =>
        [.. state.Steps.Where(s => s.Kind == StepKind.SurveyReminder && s.SurveyStepId == survey).Select(s => $"{s.Id} {s.Due:yyyy-MM-dd}")];

    [Fact]
    public void One_reminder_after_five_working_days_and_closing_after_fifteen_replans_only_that_survey()
    {
        // The end evaluation goes out Tuesday 30 March 2027 (the closing meeting moved past Easter Monday).
        var changed = Welfare.Apply(new SurveyPolicyChanged(End, new SurveyPolicy(5, 1, 15), Now));

        Assert.Equal(["end-evaluation-reminder-1 2027-04-06"], Reminders(changed, End));
        Assert.Equal(Local(2027, 4, 20, 23, 59).AddSeconds(59), changed.SurveyClosesAt(End));
        Assert.Equal(Reminders(Welfare, TimelinePlanner.BaselineSurveyId), Reminders(changed, TimelinePlanner.BaselineSurveyId));
        Assert.Equal(Welfare.SurveyClosesAt(TimelinePlanner.FollowUpSurveyId), changed.SurveyClosesAt(TimelinePlanner.FollowUpSurveyId));
        Assert.Equal(new SurveyPolicy(5, 1, 15), changed.Settings.PolicyFor(End));
    }

    [Fact]
    public void No_reminders_is_a_policy_too()
    {
        var changed = Welfare.Apply(new SurveyPolicyChanged(End, new SurveyPolicy(3, 0, 10), Now));
        Assert.Empty(Reminders(changed, End));
    }

    [Fact]
    public void The_change_and_the_changed_state_travel_as_JSON()
    {
        TimelineChange change = new SurveyPolicyChanged(End, new SurveyPolicy(4, 2, 12), Now);
        var json = TimelineJson.Serialize(change);
        Assert.Contains("\"type\":\"survey-policy-changed\"", json, StringComparison.Ordinal);
        Assert.Equal(change, TimelineJson.Deserialize<TimelineChange>(json));

        var state = Welfare.Apply(change);
        var back = TimelineJson.Deserialize<TimelineState>(TimelineJson.Serialize(state));
        Assert.Equal(new SurveyPolicy(4, 2, 12), back.Settings.PolicyFor(End));
        Assert.Equal(Reminders(state, End), Reminders(back, End));
    }

    [Fact]
    public void A_survey_already_sent_keeps_its_policy()
    {
        var baseline = Welfare.Step(TimelinePlanner.BaselineSurveyId)!;
        var sent = Welfare.Done(baseline.Id, baseline.Version);
        var refused = Assert.Throws<DomainException>(() => sent.Apply(new SurveyPolicyChanged(baseline.Id, new SurveyPolicy(2, 1, 5), Now)));
        Assert.Equal("survey-sent", refused.Code);
    }

    [Theory]
    [InlineData(0, 2, 10)]
    [InlineData(3, 6, 10)]
    [InlineData(3, 2, 41)]
    [InlineData(10, 1, 10)]
    public void A_policy_whose_reminders_cannot_arrive_while_it_is_open_is_refused(int every, int max, int close)
    {
        var refused = Assert.Throws<DomainException>(() => Welfare.Apply(new SurveyPolicyChanged(End, new SurveyPolicy(every, max, close), Now)));
        Assert.Equal("invalid-survey-policy", refused.Code);
        Assert.NotEmpty(TimelineState.PolicyProblems(new SurveyPolicy(every, max, close)));
    }

    [Theory]
    [InlineData("meeting-1")]
    [InlineData("end-evaluation-reminder-1")]
    [InlineData("no-such-step")]
    public void Only_a_survey_has_a_policy(string stepId) =>
        Assert.Equal("unknown-step", Assert.Throws<DomainException>(() => Welfare.Apply(new SurveyPolicyChanged(stepId, SurveyPolicy.Default, Now))).Code);
}
