using System.Text.Json.Serialization;

namespace Netvaerk.Domain.Timelines;

/// <summary>
/// A change a leader (or the secretariat) makes to a running timeline. In Azure it travels to the orchestrator
/// as the <c>TimelineChange</c> external event, so it is plain serialisable data.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MeetingMoved), "meeting-moved")]
[JsonDerivedType(typeof(MeetingCancelled), "meeting-cancelled")]
[JsonDerivedType(typeof(TimelinePaused), "paused")]
[JsonDerivedType(typeof(TimelineResumed), "resumed")]
[JsonDerivedType(typeof(TimelineClosedEarly), "closed-early")]
[JsonDerivedType(typeof(StepRetried), "step-retried")]
[JsonDerivedType(typeof(SurveyPolicyChanged), "survey-policy-changed")]
public abstract record TimelineChange(DateTimeOffset At);

/// <summary>The meeting moves to a new date and time (and optionally place).</summary>
public sealed record MeetingMoved(
    string MeetingId, DateOnly Date, TimeOnly Start, TimeOnly End, string? Place, DateTimeOffset At)
    : TimelineChange(At);

public sealed record MeetingCancelled(string MeetingId, DateTimeOffset At) : TimelineChange(At);

public sealed record TimelinePaused(DateTimeOffset At) : TimelineChange(At);

/// <summary>Everything still pending shifts by the calendar days the timeline was paused.</summary>
public sealed record TimelineResumed(DateTimeOffset At) : TimelineChange(At);

/// <summary>Pending sends are cancelled; the end evaluation (and the follow-up) are scheduled from now.</summary>
public sealed record TimelineClosedEarly(DateTimeOffset At) : TimelineChange(At);

/// <summary>The secretariat tries a parked step again (see <see cref="TimelineState.RetryParked"/>).</summary>
public sealed record StepRetried(string StepId, DateTimeOffset At) : TimelineChange(At);

/// <summary>
/// Before a survey is sent: its reminders (every so many working days, at most so many) and when it closes. Its reminders
/// are planned anew; a survey already sent keeps its policy.
/// </summary>
public sealed record SurveyPolicyChanged(string SurveyStepId, SurveyPolicy Policy, DateTimeOffset At) : TimelineChange(At);

/// <summary>What a host should do next with a timeline.</summary>
public abstract record NextDue
{
    /// <summary>Execute this step now, then report <see cref="TimelineState.Done"/> with its id and version.</summary>
    public sealed record Run(TimelineStep Step) : NextDue;

    /// <summary>
    /// Nothing is due before this instant (unless a change arrives first); then <paramref name="Step"/> is, so a host
    /// that wakes on time may run it without asking again.
    /// </summary>
    public sealed record WakeAt(DateTimeOffset Instant, TimelineStep? Step = null) : NextDue;

    /// <summary>Paused: nothing runs until a change (resume, close) arrives.</summary>
    public sealed record WaitForChange : NextDue;

    /// <summary>Every step is done or cancelled.</summary>
    public sealed record Finished : NextDue;
}
