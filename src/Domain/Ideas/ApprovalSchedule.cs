using Netvaerk.Domain.Calendar;

namespace Netvaerk.Domain.Ideas;

/// <summary>
/// When a forum that has not decided is reminded and when the secretariat is told (DOMAIN.md "Lifecycle":
/// no decision after 10 working days → reminder; after 20 → escalation). Defaults; configurable.
/// </summary>
public sealed record ApprovalSettings
{
    public static ApprovalSettings Default { get; } = new();

    /// <summary>Working days after routing before the forum is reminded.</summary>
    public int ReminderWorkingDays { get; init; } = 10;

    /// <summary>Working days after routing before the secretariat is told; later than the reminder.</summary>
    public int EscalationWorkingDays { get; init; } = 20;

    /// <summary>Copenhagen wall-clock time at which reminders and escalations go out.</summary>
    public TimeOnly SendTime { get; init; } = new(8, 0);
}

/// <summary>What the approval clock asks for.</summary>
public enum ApprovalAction
{
    /// <summary>Nothing is due (not awaiting a decision, or the reminder's time has not come).</summary>
    None,

    /// <summary>The forum is reminded.</summary>
    Reminder,

    /// <summary>The secretariat is told that the forum has not decided.</summary>
    Escalation,
}

/// <summary>The instants of one routing: when it was sent, reminded and escalated.</summary>
/// <param name="RoutedAt">When the idea was (last) routed for decision.</param>
/// <param name="ReminderAt">Reminder: <see cref="ApprovalSettings.ReminderWorkingDays"/> working days later at the send time.</param>
/// <param name="EscalationAt">Escalation: <see cref="ApprovalSettings.EscalationWorkingDays"/> working days later at the send time.</param>
public sealed record ApprovalDeadlines(DateTimeOffset RoutedAt, DateTimeOffset ReminderAt, DateTimeOffset EscalationAt)
{
    /// <summary>The date a decision is asked for (the reminder's day), e.g. for <c>ApprovalCase.DecideBy</c>.</summary>
    public DateOnly DecideBy => CopenhagenTime.DateOf(ReminderAt);
}

/// <summary>
/// What is due for an idea at a moment. <see cref="DueAt"/> is the instant of the due action (stable, so a host
/// can use it in an idempotency key); <see cref="NextAt"/> is when the next action becomes due, if any.
/// </summary>
public sealed record ApprovalDue(ApprovalAction Action, DateTimeOffset? DueAt, DateTimeOffset? NextAt)
{
    public static ApprovalDue Nothing { get; } = new(ApprovalAction.None, null, null);
}

/// <summary>
/// The approval clock of an idea routed for decision. Pure: the calendar and the moment come in as arguments.
/// The clock starts at <see cref="Idea.RoutedAt"/> (re-routing restarts it) and counts Danish working days from
/// the routing's Copenhagen date; reminder and escalation go out at the send time of their day.
/// </summary>
public sealed class ApprovalSchedule
{
    public ApprovalSchedule(DanishCalendar calendar, ApprovalSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        settings ??= ApprovalSettings.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.ReminderWorkingDays, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(
            settings.EscalationWorkingDays, settings.ReminderWorkingDays, nameof(settings));
        Calendar = calendar;
        Settings = settings;
    }

    /// <summary>The scheduling calendar with the default settings.</summary>
    public static ApprovalSchedule Default { get; } = new(DanishCalendar.Default);

    public DanishCalendar Calendar { get; }

    public ApprovalSettings Settings { get; }

    /// <summary>When the forum is reminded of an idea routed at <paramref name="routedAt"/>.</summary>
    public DateTimeOffset ReminderAt(DateTimeOffset routedAt) => WorkingDaysAfter(routedAt, Settings.ReminderWorkingDays);

    /// <summary>When the secretariat is told that the forum has not decided on an idea routed at <paramref name="routedAt"/>.</summary>
    public DateTimeOffset EscalationAt(DateTimeOffset routedAt) => WorkingDaysAfter(routedAt, Settings.EscalationWorkingDays);

    /// <summary>Routing, reminder and escalation instants of one routing.</summary>
    public ApprovalDeadlines Deadlines(DateTimeOffset routedAt) => new(routedAt, ReminderAt(routedAt), EscalationAt(routedAt));

    /// <summary>The idea is with a forum and the forum has not decided: in review after being routed.</summary>
    public static bool IsAwaitingDecision(Idea idea)
    {
        ArgumentNullException.ThrowIfNull(idea);
        return idea.Status == IdeaStatus.InReview && idea.RoutedAt is not null;
    }

    /// <summary>
    /// What is due at <paramref name="now"/>: the escalation once its instant has come, else the reminder once its
    /// instant has come, else nothing (with <see cref="ApprovalDue.NextAt"/> the reminder's instant). An idea not
    /// awaiting a decision (not routed, waiting for information, or decided) has nothing due and nothing next.
    /// </summary>
    public ApprovalDue Next(Idea idea, DateTimeOffset now)
    {
        if (!IsAwaitingDecision(idea)) return ApprovalDue.Nothing;
        var deadlines = Deadlines(idea.RoutedAt!.Value);
        if (now >= deadlines.EscalationAt) return new(ApprovalAction.Escalation, deadlines.EscalationAt, null);
        if (now >= deadlines.ReminderAt) return new(ApprovalAction.Reminder, deadlines.ReminderAt, deadlines.EscalationAt);
        return new(ApprovalAction.None, null, deadlines.ReminderAt);
    }

    /// <summary>The idea awaits a decision and its reminder instant has passed (for the portfolio digest).</summary>
    public bool IsOverdue(Idea idea, DateTimeOffset now) => Next(idea, now).Action != ApprovalAction.None;

    /// <summary>
    /// Whole working days from the routing's date up to and including today's (Copenhagen) date, counted the way
    /// the deadlines are: on the reminder's day this is <see cref="ApprovalSettings.ReminderWorkingDays"/>.
    /// </summary>
    public int WorkingDaysWaiting(DateTimeOffset routedAt, DateTimeOffset now)
    {
        var from = CopenhagenTime.DateOf(routedAt);
        var to = CopenhagenTime.DateOf(now);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (Calendar.IsWorkingDay(day)) count++;
        }

        return count;
    }

    private DateTimeOffset WorkingDaysAfter(DateTimeOffset routedAt, int days) =>
        CopenhagenTime.At(Calendar.WorkingDaysAfter(CopenhagenTime.DateOf(routedAt), days), Settings.SendTime);
}
