using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Timelines;

public enum CadenceUnit
{
    Days,
    Weeks,
    Months,
}

/// <summary>How far apart meetings lie, counted from day 0 (the start-up workshop).</summary>
public sealed record Cadence(int Amount, CadenceUnit Unit)
{
    public DateOnly Nth(DateOnly day0, int n) => Unit switch
    {
        CadenceUnit.Days => day0.AddDays(Amount * n),
        CadenceUnit.Weeks => day0.AddDays(7 * Amount * n),
        _ => day0.AddMonths(Amount * n),
    };
}

/// <summary>Survey reminders and closing, in working days after the survey is sent.</summary>
public sealed record SurveyPolicy(int ReminderAfterWorkingDays, int MaxReminders, int CloseAfterWorkingDays)
{
    public static SurveyPolicy Default { get; } = new(3, 2, 10);

    /// <summary>The reminders actually sent: at most <see cref="MaxReminders"/>, and only those due before the survey closes.</summary>
    public int ReminderCount => ReminderAfterWorkingDays < 1 ? 0
        : Math.Clamp((CloseAfterWorkingDays - 1) / ReminderAfterWorkingDays, 0, Math.Max(0, MaxReminders));
}

/// <summary>
/// Everything about a timeline that a network may change. <see cref="TimelineTemplates"/> holds the defaults
/// of each type; a network overrides any of them with <c>with</c>.
/// </summary>
public sealed record TimelineSettings
{
    /// <summary>Meetings after the start-up workshop, the last being the closing meeting.</summary>
    public required int MeetingCount { get; init; }

    public required Cadence MeetingCadence { get; init; }

    public TimeOnly MeetingStart { get; init; } = new(9, 0);

    public TimeOnly MeetingEnd { get; init; } = new(11, 0);

    public string Place { get; init; } = "Albertslund Rådhus, Nordmarks Allé 1, 2620 Albertslund";

    /// <summary>When non-meeting messages go out on their day.</summary>
    public TimeOnly SendTime { get; init; } = new(8, 0);

    public int InvitationLeadWorkingDays { get; init; } = 5;

    public required int ReminderLeadWorkingDays { get; init; }

    public SurveyPolicy Survey { get; init; } = SurveyPolicy.Default;

    /// <summary>Surveys whose reminders and closing the leader or secretariat changed before sending, by survey step id.</summary>
    public IReadOnlyDictionary<string, SurveyPolicy> SurveyPolicies { get; init; } = new Dictionary<string, SurveyPolicy>();

    /// <summary>The policy of the survey sent by that step: its own if changed, else the network's.</summary>
    public SurveyPolicy PolicyFor(string surveyStepId) => SurveyPolicies.TryGetValue(surveyStepId, out var policy) ? policy : Survey;

    public required int FollowUpMonths { get; init; }

    /// <summary>Grundlovsdag, juleaftensdag and nytårsaftensdag are non-working for scheduling (default).</summary>
    public bool IncludeExtraNonWorkingDays { get; init; } = true;

    /// <summary>Days (from day 0) on which the leader is nudged about citizen involvement.</summary>
    public IReadOnlyList<int> CitizenNudgeDays { get; init; } = [];

    /// <summary>If no citizen involvement is registered by this day, the secretariat is told.</summary>
    public int? CitizenInvolvementDeadlineDay { get; init; }

    /// <summary>Meeting numbers before which the leader is nudged to invite experts.</summary>
    public IReadOnlyList<int> ExpertNudgeBeforeMeetings { get; init; } = [];

    public int ExpertNudgeLeadWorkingDays { get; init; } = 10;

    public bool BaselineSurvey { get; init; }

    /// <summary>The meeting after which the mid-term evaluation is sent, if any.</summary>
    public int? MidTermEvaluationAfterMeeting { get; init; }

    /// <summary>Months (from day 0) with a stakeholder-involvement nudge; the group rotates.</summary>
    public IReadOnlyList<int> StakeholderNudgeMonths { get; init; } = [];

    /// <summary>Months (from day 0) with a political status to the §17,4 liaison and the secretariat.</summary>
    public IReadOnlyList<int> PoliticalStatusMonths { get; init; } = [];
}

/// <summary>The default timeline of each network type, exactly as DOMAIN.md describes it.</summary>
public static class TimelineTemplates
{
    /// <summary>Grows when a template's defaults change, so stored states say which defaults they were planned with.</summary>
    /// 2: welfare networks send a baseline (relational coordination) with the workshop invitation.
    public const int Version = 2;

    public static TimelineSettings For(NetworkType type) => type switch
    {
        // Four intensive weeks: meetings days 7, 14, 21, closing day 28.
        NetworkType.Welfare => new TimelineSettings
        {
            MeetingCount = 4,
            MeetingCadence = new Cadence(7, CadenceUnit.Days),
            ReminderLeadWorkingDays = 2,
            FollowUpMonths = 3,
            CitizenNudgeDays = [0, 7, 14, 21],
            CitizenInvolvementDeadlineDay = 14,
            BaselineSurvey = true,
        },

        // Six months: meetings in weeks 6, 12, 18, 24 (five with the workshop).
        NetworkType.Learning => new TimelineSettings
        {
            MeetingCount = 4,
            MeetingCadence = new Cadence(6, CadenceUnit.Weeks),
            ReminderLeadWorkingDays = 3,
            FollowUpMonths = 3,
            ExpertNudgeBeforeMeetings = [2, 4],
            BaselineSurvey = true,
        },

        // Twelve months: monthly meetings, closing meeting in month 12.
        NetworkType.Innovation => new TimelineSettings
        {
            MeetingCount = 12,
            MeetingCadence = new Cadence(1, CadenceUnit.Months),
            ReminderLeadWorkingDays = 5,
            FollowUpMonths = 6,
            MidTermEvaluationAfterMeeting = 6,
            StakeholderNudgeMonths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
            PoliticalStatusMonths = [3, 6, 9, 12],
        },

        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
