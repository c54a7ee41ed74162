using System.Text.Json.Serialization;

namespace Netvaerk.Domain.Timelines;

/// <summary>
/// One step of a timeline. <see cref="Id"/> is stable for the life of the network; <see cref="Version"/> grows
/// whenever the step's time or content changes, so a host that finishes an outdated version changes nothing.
/// A moved-notice carries <see cref="PreviousMeeting"/>: the meeting as participants last heard of it.
/// <see cref="Attempts"/>, <see cref="RetryAt"/> and <see cref="Failure"/> record failed attempts (see
/// <see cref="StepRetryPolicy"/>); <see cref="FailedRecipients"/> names recipients whose message could not be made when
/// the step ran for everyone else.
/// </summary>
public sealed record TimelineStep(
    string Id,
    StepKind Kind,
    Audience To,
    DateTimeOffset Due,
    int Version,
    StepStatus Status,
    StepAnchor Anchor,
    StepCondition Condition = StepCondition.None,
    string? MeetingId = null,
    SurveyKind? Survey = null,
    string? SurveyStepId = null,
    int? ReminderNumber = null,
    StakeholderGroup? Stakeholder = null,
    Meeting? PreviousMeeting = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Attempts = 0,
    DateTimeOffset? RetryAt = null,
    string? Failure = null,
    IReadOnlyList<string>? FailedRecipients = null)
{
    [JsonIgnore]
    public bool IsPending => Status == StepStatus.Pending;

    /// <summary>When a host should run the step: its due instant, or later while a failed attempt waits for its retry.</summary>
    [JsonIgnore]
    public DateTimeOffset RunAt => RetryAt is { } retry && retry > Due ? retry : Due;

    /// <summary>Notices are caused by changes (a move, a cancellation), not by the plan.</summary>
    [JsonIgnore]
    public bool IsChangeNotice => Kind is StepKind.MeetingMoved or StepKind.MeetingCancelled;
}

/// <summary>How a step's due instant follows from the plan; recomputed when a meeting moves.</summary>
public enum AnchorBase
{
    /// <summary>A fixed instant (<see cref="TimelineStep.Due"/> itself); shifted only by pause/resume.</summary>
    Fixed,

    /// <summary>When the meeting starts.</summary>
    MeetingStart,

    /// <summary>When the meeting ends.</summary>
    MeetingEnd,

    /// <summary><see cref="StepAnchor.Amount"/> working days before the meeting's date, at the send time.</summary>
    WorkingDaysBeforeMeeting,

    /// <summary><see cref="StepAnchor.Amount"/> months after the meeting's date (next working day), at the send time.</summary>
    MonthsAfterMeeting,

    /// <summary><see cref="StepAnchor.Amount"/> working days after another step's date, at the send time.</summary>
    WorkingDaysAfterStep,
}

/// <summary>The rule that places a step: a base, what it refers to (a meeting or a step) and an amount.</summary>
public sealed record StepAnchor(AnchorBase Base, string? Ref = null, int Amount = 0)
{
    public static StepAnchor Fixed { get; } = new(AnchorBase.Fixed);
}

/// <summary>A step that was done at the given version: a timeline's progress, kept apart from its plan by stores.</summary>
public sealed record StepDone(string StepId, int Version);
