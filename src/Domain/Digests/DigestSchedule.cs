using System.Globalization;
using Netvaerk.Domain.Calendar;

namespace Netvaerk.Domain.Digests;

/// <summary>When the digests go out (DOMAIN.md "Digests"; defaults, configurable).</summary>
public sealed record DigestSettings
{
    public static DigestSettings Default { get; } = new();

    /// <summary>The weekday of the weekly leader digest (Monday–Friday).</summary>
    public DayOfWeek WeeklyDay { get; init; } = DayOfWeek.Monday;

    /// <summary>Copenhagen wall-clock time of the weekly leader digest.</summary>
    public TimeOnly WeeklyTime { get; init; } = new(7, 0);

    /// <summary>Copenhagen wall-clock time of the monthly portfolio digest (on the month's first working day).</summary>
    public TimeOnly MonthlyTime { get; init; } = new(7, 0);
}

/// <summary>
/// The send instants of the weekly leader digest and the monthly portfolio digest, and the period keys that make
/// each send idempotent. Sends fall on working days: a weekly digest whose weekday is a holiday (e.g. 2. påskedag)
/// goes out on the next working day of the same ISO week, so a week never gets two digests (nor one under the next
/// week's key); the monthly digest goes out on the first working day of the month. Wall-clock times hold across DST.
/// </summary>
public sealed class DigestSchedule
{
    public DigestSchedule(DanishCalendar calendar, DigestSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        settings ??= DigestSettings.Default;
        if (settings.WeeklyDay is DayOfWeek.Saturday or DayOfWeek.Sunday || !Enum.IsDefined(settings.WeeklyDay))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.WeeklyDay, "The weekly digest goes out on a weekday (Monday–Friday).");
        }

        Calendar = calendar;
        Settings = settings;
    }

    /// <summary>The scheduling calendar with the default settings (Monday 07:00; first working day 07:00).</summary>
    public static DigestSchedule Default { get; } = new(DanishCalendar.Default);

    public DanishCalendar Calendar { get; }

    public DigestSettings Settings { get; }

    /// <summary>The first weekly digest instant strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextWeekly(DateTimeOffset after)
    {
        var monday = MondayOf(CopenhagenTime.DateOf(after));
        for (var week = 0; week < 60; week++)
        {
            if (WeeklyDate(monday.AddDays(7 * week)) is { } date)
            {
                var instant = CopenhagenTime.At(date, Settings.WeeklyTime);
                if (instant > after) return instant;
            }
        }

        throw new InvalidOperationException("No working day for the weekly digest within a year.");
    }

    /// <summary>The first monthly digest instant strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextMonthly(DateTimeOffset after)
    {
        var date = CopenhagenTime.DateOf(after);
        var month = new DateOnly(date.Year, date.Month, 1);
        var instant = MonthlyAt(month);
        return instant > after ? instant : MonthlyAt(month.AddMonths(1));
    }

    /// <summary>
    /// The day of the weekly digest in the ISO week of <paramref name="dayInWeek"/>: the configured weekday, or the
    /// next working day after it in the same week; null if the rest of the week is non-working.
    /// </summary>
    public DateOnly? WeeklyDate(DateOnly dayInWeek)
    {
        var monday = MondayOf(dayInWeek);
        var sunday = monday.AddDays(6);
        var offset = ((int)Settings.WeeklyDay + 6) % 7;
        for (var day = monday.AddDays(offset); day <= sunday; day = day.AddDays(1))
        {
            if (Calendar.IsWorkingDay(day)) return day;
        }

        return null;
    }

    /// <summary>The ISO 8601 week of the instant's Copenhagen date, e.g. "2027-W11" (week-numbering year).</summary>
    public static string WeeklyKey(DateTimeOffset instant)
    {
        var date = CopenhagenTime.DateOf(instant).ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>The month of the instant's Copenhagen date, e.g. "2027-03".</summary>
    public static string MonthlyKey(DateTimeOffset instant)
    {
        var date = CopenhagenTime.DateOf(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}");
    }

    /// <summary>The ISO week number alone (for subjects: "uge 11").</summary>
    public static int WeekNumber(DateTimeOffset instant) =>
        ISOWeek.GetWeekOfYear(CopenhagenTime.DateOf(instant).ToDateTime(TimeOnly.MinValue));

    private DateTimeOffset MonthlyAt(DateOnly firstOfMonth) =>
        CopenhagenTime.At(Calendar.OnOrNextWorkingDay(firstOfMonth), Settings.MonthlyTime);

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}

/// <summary>
/// Outbox keys of the digests. Like the timeline steps' keys they are deterministic, so composing a digest twice
/// for the same period and recipient enqueues it once.
/// </summary>
public static class DigestKeys
{
    /// <summary><c>digest/weekly/{networkId}/{week}/{recipient}</c>, e.g. <c>digest/weekly/net-1/2027-W11/lene@albertslund.dk</c>.</summary>
    public static string Weekly(string networkId, string weekKey, string recipientEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(weekKey);
        return $"digest/weekly/{networkId}/{weekKey}/{Address(recipientEmail)}";
    }

    /// <summary>The weekly key for the week of <paramref name="sendAt"/>.</summary>
    public static string Weekly(string networkId, DateTimeOffset sendAt, string recipientEmail) =>
        Weekly(networkId, DigestSchedule.WeeklyKey(sendAt), recipientEmail);

    /// <summary><c>digest/monthly/{month}/{recipient}</c>, e.g. <c>digest/monthly/2027-03/sekretariat@albertslund.dk</c>.</summary>
    public static string Monthly(string monthKey, string recipientEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(monthKey);
        return $"digest/monthly/{monthKey}/{Address(recipientEmail)}";
    }

    /// <summary>The monthly key for the month of <paramref name="sendAt"/>.</summary>
    public static string Monthly(DateTimeOffset sendAt, string recipientEmail) =>
        Monthly(DigestSchedule.MonthlyKey(sendAt), recipientEmail);

    private static string Address(string recipientEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientEmail);
        return recipientEmail.Trim().ToLowerInvariant();
    }
}
