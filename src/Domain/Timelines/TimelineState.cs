using System.Text.Json.Serialization;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Timelines;

/// <summary>
/// A network's timeline: the plan plus what is done, cancelled, paused or closed. An immutable value; every
/// transition returns a new state, so both hosts (Durable orchestrator, local runner) drive the same logic.
/// </summary>
public sealed record TimelineState(
    string NetworkId,
    NetworkType Type,
    int TemplateVersion,
    TimelineSettings Settings,
    DateOnly Day0,
    IReadOnlyList<Meeting> Meetings,
    IReadOnlyList<TimelineStep> Steps,
    TimelineStatus Status,
    DateTimeOffset? PausedAt,
    DateTimeOffset? ClosedAt)
{
    private DanishCalendar Calendar => Settings.IncludeExtraNonWorkingDays ? DanishCalendar.Default : new DanishCalendar(false);

    // Derived: not stored (a stored copy doubled every pending step in the database).
    [JsonIgnore]
    public IEnumerable<TimelineStep> PendingSteps => Steps.Where(s => s.IsPending);

    public TimelineStep? Step(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    public Meeting? Meeting(string meetingId) => Meetings.FirstOrDefault(m => m.Id == meetingId);

    /// <summary>The pending step to run first (by <see cref="TimelineStep.RunAt"/>; ties keep plan order), or null.</summary>
    public TimelineStep? NextPending()
    {
        TimelineStep? next = null;
        foreach (var step in Steps)
        {
            if (step.IsPending && (next is null || step.RunAt < next.RunAt))
            {
                next = step;
            }
        }

        return next;
    }

    /// <summary>What a host should do at <paramref name="now"/>.</summary>
    public NextDue NextDue(DateTimeOffset now)
    {
        var next = NextPending();
        if (next is null) return new NextDue.Finished();
        if (Status == TimelineStatus.Paused) return new NextDue.WaitForChange();
        return next.RunAt <= now ? new NextDue.Run(next) : new NextDue.WakeAt(next.RunAt, next);
    }

    /// <summary>Steps parked after failing, and steps that ran without some recipients: what the secretariat must look at.</summary>
    [JsonIgnore]
    public IEnumerable<TimelineStep> Problems => Steps.Where(s => s.Status == StepStatus.Failed || s.FailedRecipients is { Count: > 0 });

    /// <summary>
    /// An attempt at the step failed at <paramref name="at"/>. Under the policy's limit the step stays pending and waits
    /// for its retry; at the limit it is parked (<see cref="StepStatus.Failed"/>) — the steps after it go on either way.
    /// A report for an outdated version or a step no longer pending changes nothing.
    /// </summary>
    public TimelineState Failed(string stepId, int version, DateTimeOffset at, string failure, StepRetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var step = Step(stepId);
        if (step is null || !step.IsPending || step.Version != version) return this;
        var attempts = step.Attempts + 1;
        var text = failure.Length > 500 ? failure[..500] : failure;
        var failed = attempts >= policy.MaxAttempts
            ? step with { Status = StepStatus.Failed, Attempts = attempts, RetryAt = null, Failure = text }
            : step with { Attempts = attempts, RetryAt = at + policy.BackoffAfter(attempts), Failure = text };
        return WithSteps(Steps.Select(s => s.Id == stepId ? failed : s));
    }

    /// <summary>The step ran, but the named recipients' messages could not be made; they are kept for the secretariat.</summary>
    public TimelineState Done(string stepId, int version, IReadOnlyList<string> failedRecipients)
    {
        ArgumentNullException.ThrowIfNull(failedRecipients);
        var step = Step(stepId);
        if (step is null || !step.IsPending || step.Version != version) return this;
        if (failedRecipients.Count == 0) return Done(stepId, version);
        return WithSteps(Steps.Select(s => s.Id == stepId ? s with { Status = StepStatus.Done, FailedRecipients = failedRecipients } : s));
    }

    /// <summary>The secretariat tries a parked step again, at once, with a fresh count of attempts.</summary>
    public TimelineState RetryParked(string stepId, DateTimeOffset at)
    {
        var step = Step(stepId) ?? throw new DomainException("unknown-step", $"Tidslinjen har intet trin »{stepId}«.");
        if (step.Status != StepStatus.Failed)
        {
            throw new DomainException("step-not-parked", "Kun et trin, der er sat i bero efter fejl, kan prøves igen.");
        }

        return WithSteps(Steps.Select(s => s.Id == stepId ? s with { Status = StepStatus.Pending, Attempts = 0, RetryAt = at } : s));
    }

    /// <summary>
    /// The step ran. A report for another version than the current one (the step moved meanwhile) or for a
    /// step that is no longer pending changes nothing.
    /// </summary>
    public TimelineState Done(string stepId, int version)
    {
        var step = Step(stepId);
        if (step is null || !step.IsPending || step.Version != version) return this;
        return WithSteps(Steps.Select(s => s.Id == stepId ? s with { Status = StepStatus.Done } : s));
    }

    /// <summary>
    /// The steps done since <paramref name="plan"/>, when this state is that plan with nothing changed but pending steps
    /// marked done — which is all the runner does at each step; null when anything else changed. A store can then keep
    /// the plan (15-35 KB) and write only this short list; <see cref="WithProgress"/> turns it back into this state.
    /// </summary>
    public IReadOnlyList<StepDone>? ProgressSince(TimelineState plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (NetworkId != plan.NetworkId || Type != plan.Type || TemplateVersion != plan.TemplateVersion
            || !SameSettings(Settings, plan.Settings) || Day0 != plan.Day0
            || !(ReferenceEquals(Meetings, plan.Meetings) || Meetings.SequenceEqual(plan.Meetings))
            || Status != plan.Status || PausedAt != plan.PausedAt || ClosedAt != plan.ClosedAt
            || Steps.Count != plan.Steps.Count)
        {
            return null;
        }

        var done = new List<StepDone>();
        for (var i = 0; i < Steps.Count; i++)
        {
            var (now, before) = (Steps[i], plan.Steps[i]);
            if (ReferenceEquals(now, before) || now.Equals(before)) continue;
            if (!before.IsPending || !now.Equals(before with { Status = StepStatus.Done })) return null;
            done.Add(new StepDone(before.Id, before.Version));
        }

        return done;
    }

    // Settings hold lists, which records compare by reference; a plan read back from storage has equal, not identical, ones.
    private static bool SameSettings(TimelineSettings a, TimelineSettings b) =>
        ReferenceEquals(a, b) || string.Equals(TimelineJson.Serialize(a), TimelineJson.Serialize(b), StringComparison.Ordinal);

    /// <summary>This state with the given steps done: <see cref="Done"/> for each, in one pass.</summary>
    public TimelineState WithProgress(IReadOnlyCollection<StepDone> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (done.Count == 0) return this;
        var versions = done.ToDictionary(d => d.StepId, d => d.Version, StringComparer.Ordinal);
        return WithSteps(Steps.Select(s => s.IsPending && versions.TryGetValue(s.Id, out var version) && version == s.Version
            ? s with { Status = StepStatus.Done }
            : s));
    }

    /// <summary>When a survey sent by the given step stops taking answers: the end of its last open working day.</summary>
    public DateTimeOffset SurveyClosesAt(string surveyStepId)
    {
        var survey = Step(surveyStepId) ?? throw new DomainException("unknown-step", $"Tidslinjen har intet trin »{surveyStepId}«.");
        var lastDay = Calendar.WorkingDaysAfter(CopenhagenTime.DateOf(survey.Due), Settings.PolicyFor(surveyStepId).CloseAfterWorkingDays);
        return CopenhagenTime.At(lastDay, new TimeOnly(23, 59, 59));
    }

    public TimelineState Apply(TimelineChange change) => change switch
    {
        MeetingMoved m => Move(m),
        MeetingCancelled c => Cancel(c),
        TimelinePaused p => Pause(p),
        TimelineResumed r => Resume(r),
        TimelineClosedEarly c => Close(c),
        StepRetried r => RetryParked(r.StepId, r.At),
        SurveyPolicyChanged p => ChangePolicy(p),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    /// <summary>
    /// What is wrong with a survey's own policy, each named by its <see cref="SurveyPolicy"/> property: reminders must
    /// arrive while the survey is open, and it must close within eight weeks.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> PolicyProblems(SurveyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<(string, string)>();
        if (policy.ReminderAfterWorkingDays is < 1 or > 20)
        {
            problems.Add((nameof(SurveyPolicy.ReminderAfterWorkingDays), "Påmindelserne skal komme med 1 til 20 arbejdsdages mellemrum."));
        }

        if (policy.MaxReminders is < 0 or > 5) problems.Add((nameof(SurveyPolicy.MaxReminders), "Der kan højst sendes 5 påmindelser (0 betyder ingen)."));
        if (policy.CloseAfterWorkingDays is < 1 or > 40)
        {
            problems.Add((nameof(SurveyPolicy.CloseAfterWorkingDays), "Spørgeskemaet skal lukke 1 til 40 arbejdsdage efter udsendelsen."));
        }
        else if (policy.MaxReminders > 0 && policy.ReminderAfterWorkingDays >= policy.CloseAfterWorkingDays)
        {
            problems.Add((nameof(SurveyPolicy.CloseAfterWorkingDays), "Spørgeskemaet skal lukke efter den første påmindelse."));
        }

        return problems;
    }

    private TimelineState ChangePolicy(SurveyPolicyChanged change)
    {
        var survey = Step(change.SurveyStepId);
        if (survey is null || survey.Survey is null || survey.Kind == StepKind.SurveyReminder)
        {
            throw new DomainException("unknown-step", $"Tidslinjen har intet spørgeskema »{change.SurveyStepId}«.");
        }

        if (!survey.IsPending)
        {
            throw new DomainException("survey-sent", "Spørgeskemaet er allerede sendt, så påmindelserne og lukningen kan ikke længere ændres.");
        }

        if (PolicyProblems(change.Policy) is [var first, ..]) throw new DomainException("invalid-survey-policy", first.Message);

        var policies = Settings.SurveyPolicies.Where(p => p.Key != change.SurveyStepId)
            .Append(new(change.SurveyStepId, change.Policy))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var steps = Steps.Where(s => !(s.Kind == StepKind.SurveyReminder && s.SurveyStepId == change.SurveyStepId))
            .Concat(TimelinePlanner.Reminders(change.SurveyStepId, survey.Survey.Value, change.Policy));
        return (this with { Settings = Settings with { SurveyPolicies = policies } }).WithSteps(steps)
            .Rescheduled(touchedMeetingId: null, bumpVersions: false).InTimeOrder();
    }

    private TimelineState Move(MeetingMoved change)
    {
        var meeting = ChangeableMeeting(change.MeetingId);
        if (!PlanningWindow.Contains(change.Date))
        {
            throw new DomainException("date-out-of-range",
                $"Mødet kan kun flyttes til en dato mellem {PlanningWindow.First:dd-MM-yyyy} og {PlanningWindow.Last:dd-MM-yyyy}.");
        }

        if (!Calendar.IsWorkingDay(change.Date))
        {
            var name = Calendar.NameOfDay(change.Date) ?? "weekend";
            throw new DomainException("non-working-day",
                $"Mødet kan ikke flyttes til {change.Date:dd-MM-yyyy}, som ikke er en arbejdsdag ({name}).");
        }

        if (change.End <= change.Start)
        {
            throw new DomainException("invalid-meeting-time", "Mødets sluttidspunkt skal ligge efter starttidspunktet.");
        }

        if (CopenhagenTime.At(change.Date, change.Start) <= change.At)
        {
            throw new DomainException("meeting-in-past", "Et møde kan ikke flyttes til et tidspunkt, der allerede er passeret.");
        }

        var moved = meeting with
        {
            Date = change.Date,
            Start = change.Start,
            End = change.End,
            Place = string.IsNullOrWhiteSpace(change.Place) ? meeting.Place : change.Place.Trim(),
            Sequence = meeting.Sequence + 1,
        };
        return WithMeeting(moved).NoticeIfAnnounced(meeting, StepKind.MeetingMoved, change.At)
            .Rescheduled(moved.Id, bumpVersions: true, notBefore: NoticeTime(change.At)).InTimeOrder();
    }

    private TimelineState Cancel(MeetingCancelled change)
    {
        var meeting = ChangeableMeeting(change.MeetingId);
        var state = WithMeeting(meeting with { Cancelled = true, Sequence = meeting.Sequence + 1 });
        return state.CancelMeetingSteps(meeting, change.At).InTimeOrder();
    }

    private TimelineState Pause(TimelinePaused change)
    {
        if (Status != TimelineStatus.Active)
        {
            throw new DomainException("illegal-transition", "Kun en aktiv tidslinje kan sættes på pause.");
        }

        return this with { Status = TimelineStatus.Paused, PausedAt = change.At };
    }

    private TimelineState Resume(TimelineResumed change)
    {
        if (Status != TimelineStatus.Paused || PausedAt is not { } pausedAt)
        {
            throw new DomainException("illegal-transition", "Kun en tidslinje på pause kan genoptages.");
        }

        var days = CopenhagenTime.DateOf(change.At).DayNumber - CopenhagenTime.DateOf(pausedAt).DayNumber;
        var state = this with { Status = TimelineStatus.Active, PausedAt = null };
        if (days <= 0) return state;

        var calendar = Calendar;
        var notBefore = NoticeTime(change.At);
        foreach (var meeting in Meetings.Where(m => !m.Cancelled && Step(m.Id)?.IsPending == true))
        {
            var shifted = meeting with { Date = calendar.OnOrNextWorkingDay(meeting.Date.AddDays(days)), Sequence = meeting.Sequence + 1 };
            state = state.WithMeeting(shifted).NoticeIfAnnounced(meeting, StepKind.MeetingMoved, change.At)
                .Rescheduled(shifted.Id, bumpVersions: true, notBefore);
        }

        state = state.WithSteps(state.Steps.Select(s => s.IsPending && s.Anchor.Base == AnchorBase.Fixed && !s.IsChangeNotice
            ? s with { Due = Max(Shift(calendar, s.Due, days), notBefore), Version = s.Version + 1 }
            : s));
        return state.Rescheduled(touchedMeetingId: null, bumpVersions: true, notBefore).InTimeOrder();
    }

    private TimelineState Close(TimelineClosedEarly change)
    {
        if (Status == TimelineStatus.Closed)
        {
            throw new DomainException("illegal-transition", "Tidslinjen er allerede lukket.");
        }

        var state = this with { Status = TimelineStatus.Closed, PausedAt = null, ClosedAt = change.At };
        foreach (var meeting in Meetings.Where(m => !m.Cancelled && Step(m.Id)?.IsPending == true))
        {
            state = state.WithMeeting(meeting with { Cancelled = true, Sequence = meeting.Sequence + 1 })
                .CancelMeetingSteps(meeting, change.At);
        }

        // Outcome still matters when a network stops early: the end evaluation goes out at the next send
        // time, and the follow-up keeps its distance from it.
        var endEvaluation = state.Step(TimelinePlanner.EndEvaluationId);
        var evaluationPending = endEvaluation?.IsPending == true;
        var calendar = Calendar;
        var sendAt = NextSendTime(calendar, change.At);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        if (evaluationPending) keep.Add(TimelinePlanner.EndEvaluationId);
        keep.Add(TimelinePlanner.FollowUpSurveyId);

        state = state.WithSteps(state.Steps.Select(s =>
        {
            if (!s.IsPending || s.IsChangeNotice) return s;
            if (s.Id == TimelinePlanner.EndEvaluationId)
                return s with { Anchor = StepAnchor.Fixed, Due = sendAt, Version = s.Version + 1 };
            if (s.Id == TimelinePlanner.FollowUpSurveyId && evaluationPending)
            {
                var followUp = CopenhagenTime.At(calendar.OnOrNextWorkingDay(CopenhagenTime.DateOf(sendAt).AddMonths(Settings.FollowUpMonths)), Settings.SendTime);
                return s with { Anchor = StepAnchor.Fixed, Due = followUp, Version = s.Version + 1 };
            }

            return keep.Contains(s.Id) || (s.SurveyStepId is { } survey && keep.Contains(survey))
                ? s
                : s with { Status = StepStatus.Cancelled, Version = s.Version + 1 };
        }));
        return state.Rescheduled(touchedMeetingId: null, bumpVersions: true, notBefore: sendAt).InTimeOrder();
    }

    private Meeting ChangeableMeeting(string meetingId)
    {
        var meeting = Meeting(meetingId) ?? throw new DomainException("unknown-meeting", $"Netværket har intet møde »{meetingId}«.");
        if (Status == TimelineStatus.Closed)
            throw new DomainException("timeline-closed", "Netværket er lukket; møderne kan ikke længere ændres.");
        if (Status == TimelineStatus.Paused)
            throw new DomainException("timeline-paused", "Netværket er sat på pause; genoptag det, før møder ændres.");
        if (meeting.Cancelled)
            throw new DomainException("meeting-cancelled", "Mødet er aflyst og kan ikke ændres.");
        if (Step(meetingId)?.IsPending != true)
            throw new DomainException("meeting-held", "Mødet er allerede afholdt og kan ikke ændres.");
        return meeting;
    }

    /// <summary>Cancels a meeting's own pending steps and, if participants were told of it, tells them it is off.</summary>
    private TimelineState CancelMeetingSteps(Meeting meeting, DateTimeOffset at)
    {
        var announced = WasAnnounced(meeting.Id);
        var state = WithSteps(Steps.Select(s => s.IsPending && s.MeetingId == meeting.Id
            ? s with { Status = StepStatus.Cancelled, Version = s.Version + 1 }
            : s));
        return announced ? state.AddNotice($"{meeting.Id}-cancelled", StepKind.MeetingCancelled, meeting.Id, at) : state;
    }

    /// <summary>
    /// Participants who already have a meeting in their calendar (invitation or reminder sent) get a notice with
    /// the updated invitation. One pending notice per meeting: a second move updates it instead of adding one.
    /// </summary>
    private TimelineState NoticeIfAnnounced(Meeting before, StepKind kind, DateTimeOffset at)
    {
        if (!WasAnnounced(before.Id)) return this;
        var pending = Steps.FirstOrDefault(s => s.IsPending && s.Kind == kind && s.MeetingId == before.Id);
        if (pending is not null)
        {
            return WithSteps(Steps.Select(s => s.Id == pending.Id ? s with { Due = NoticeTime(at), Version = s.Version + 1 } : s));
        }

        return AddNotice($"{before.Id}-moved-{before.Sequence + 1}", kind, before.Id, at, previous: before);
    }

    private bool WasAnnounced(string meetingId) => Steps.Any(s =>
        s.MeetingId == meetingId && s.Status == StepStatus.Done &&
        s.Kind is StepKind.StartupWorkshopInvitation or StepKind.MeetingReminder or StepKind.MeetingMoved);

    private TimelineState AddNotice(string id, StepKind kind, string meetingId, DateTimeOffset at, Meeting? previous = null) =>
        WithSteps(Steps.Append(new TimelineStep(id, kind, Audience.AllParticipants, NoticeTime(at), 1, StepStatus.Pending,
            StepAnchor.Fixed, MeetingId: meetingId, PreviousMeeting: previous)));

    /// <summary>Notices go out at once on a working day; a change made on a day off waits for the next send time.</summary>
    private DateTimeOffset NoticeTime(DateTimeOffset at) =>
        Calendar.IsWorkingDay(CopenhagenTime.DateOf(at)) ? at : NextSendTime(Calendar, at);

    /// <summary>
    /// Recomputes the due instant of every pending anchored step. A step whose instant changes, or that concerns
    /// the touched meeting (its text names the meeting's time and place), gets a new version. After a change,
    /// nothing is placed before the change itself (<paramref name="notBefore"/>): a reminder whose time has
    /// passed goes out at once rather than "in the past", so steps still come out in time order.
    /// </summary>
    internal TimelineState Rescheduled(string? touchedMeetingId, bool bumpVersions, DateTimeOffset? notBefore = null)
    {
        var calendar = Calendar;
        var byId = Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var result = new TimelineStep[Steps.Count];

        // Two passes: steps anchored on another step (survey reminders) read that step's new instant.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < Steps.Count; i++)
            {
                var step = Steps[i];
                var onStep = step.Anchor.Base == AnchorBase.WorkingDaysAfterStep;
                if (onStep != (pass == 1)) continue;
                if (!step.IsPending || step.Anchor.Base == AnchorBase.Fixed)
                {
                    result[i] = step;
                    continue;
                }

                var due = DueOf(step.Anchor, calendar, byId);
                // Only steps the change actually moved are held back; an untouched overdue step keeps its version,
                // so a host that is running it right now does not send it twice.
                if (notBefore is { } floor && due != step.Due && step.Kind != StepKind.Meeting) due = Max(due, floor);
                var changed = due != step.Due || (touchedMeetingId is not null && step.MeetingId == touchedMeetingId);
                result[i] = step with { Due = due, Version = bumpVersions && changed ? step.Version + 1 : step.Version };
                byId[step.Id] = result[i];
            }
        }

        return this with { Steps = result };
    }

    private DateTimeOffset DueOf(StepAnchor anchor, DanishCalendar calendar, Dictionary<string, TimelineStep> steps)
    {
        Meeting MeetingOf() => Meeting(anchor.Ref!) ?? throw new InvalidOperationException($"Anchor refers to unknown meeting {anchor.Ref}.");
        return anchor.Base switch
        {
            AnchorBase.MeetingStart => MeetingOf().StartsAt,
            AnchorBase.MeetingEnd => MeetingOf().EndsAt,
            AnchorBase.WorkingDaysBeforeMeeting =>
                CopenhagenTime.At(calendar.WorkingDaysBefore(MeetingOf().Date, anchor.Amount), Settings.SendTime),
            AnchorBase.MonthsAfterMeeting =>
                CopenhagenTime.At(calendar.OnOrNextWorkingDay(MeetingOf().Date.AddMonths(anchor.Amount)), Settings.SendTime),
            AnchorBase.WorkingDaysAfterStep =>
                CopenhagenTime.At(calendar.WorkingDaysAfter(CopenhagenTime.DateOf(steps[anchor.Ref!].Due), anchor.Amount), Settings.SendTime),
            _ => throw new InvalidOperationException($"Anchor {anchor.Base} has no computed instant."),
        };
    }

    /// <summary>Steps sorted by due instant; ties keep their order, so the result is deterministic.</summary>
    internal TimelineState InTimeOrder() => this with { Steps = Steps.OrderBy(s => s.Due).ToArray() };

    private TimelineState WithMeeting(Meeting meeting) =>
        this with { Meetings = Meetings.Select(m => m.Id == meeting.Id ? meeting : m).ToArray() };

    private TimelineState WithSteps(IEnumerable<TimelineStep> steps) => this with { Steps = steps.ToArray() };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static DateTimeOffset Shift(DanishCalendar calendar, DateTimeOffset due, int days) =>
        CopenhagenTime.At(calendar.OnOrNextWorkingDay(CopenhagenTime.DateOf(due).AddDays(days)), CopenhagenTime.TimeOf(due));

    /// <summary>The next send time at or after the instant: today's if it has not passed, else the next working day's.</summary>
    private DateTimeOffset NextSendTime(DanishCalendar calendar, DateTimeOffset at)
    {
        var today = CopenhagenTime.DateOf(at);
        var candidate = CopenhagenTime.At(today, Settings.SendTime);
        return calendar.IsWorkingDay(today) && candidate >= at
            ? candidate
            : CopenhagenTime.At(calendar.NextWorkingDay(today), Settings.SendTime);
    }
}
