using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Netvaerk.Domain.Calendar;
using NodaTime;

namespace Netvaerk.Domain.Messages;

/// <summary>
/// The VTIMEZONE component for Europe/Copenhagen, derived from NodaTime's embedded tz database.
/// Ical.Net's own <c>VTimeZone.FromDateTimeZone</c> reads <c>DateTimeOffset.Now</c>, so its output depends on the
/// day it runs; this builds the same STANDARD/DAYLIGHT rules from the transitions of the year before the meeting,
/// so the result depends only on the meeting's date (idempotent sends).
/// </summary>
internal static class CopenhagenTimeZone
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb[CopenhagenTime.ZoneId];

    public static VTimeZone Component(DateOnly meetingDate)
    {
        var timeZone = new VTimeZone(CopenhagenTime.ZoneId);
        var from = Instant.FromUtc(meetingDate.Year - 1, 1, 1, 0, 0);
        var to = Instant.FromUtc(meetingDate.Year, 1, 1, 0, 0);
        var transitions = Zone.GetZoneIntervals(from, to)
            .Where(interval => interval.HasStart && interval.Start >= from)
            .ToList();

        if (transitions.Count == 0)
        {
            // No daylight saving time in force: one STANDARD observance with the offset of the meeting's year.
            var interval = Zone.GetZoneInterval(Instant.FromUtc(meetingDate.Year, 1, 1, 0, 0));
            timeZone.AddChild(new VTimeZoneInfo(Components.Standard)
            {
                TimeZoneName = interval.Name,
                OffsetFrom = new UtcOffset(interval.WallOffset.ToTimeSpan()),
                OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
                Start = new CalDateTime(new DateOnly(1970, 1, 1), new TimeOnly(0, 0), null),
            });
            return timeZone;
        }

        // One observance per kind (STANDARD and DAYLIGHT), repeating yearly like the transition it starts with.
        foreach (var interval in transitions.DistinctBy(i => i.Savings != Offset.Zero))
        {
            var before = Zone.GetZoneInterval(interval.Start - NodaTime.Duration.Epsilon);
            var onset = interval.Start.WithOffset(before.WallOffset).LocalDateTime;
            var onsetDate = new DateOnly(onset.Year, onset.Month, onset.Day);
            var rule = new RecurrenceRule(FrequencyType.Yearly);
            rule.ByMonth.Add(onset.Month);
            rule.ByDay.Add(new WeekDay(onsetDate.DayOfWeek, WeekOfMonth(onsetDate)));
            timeZone.AddChild(new VTimeZoneInfo(interval.Savings == Offset.Zero ? Components.Standard : Components.Daylight)
            {
                TimeZoneName = interval.Name,
                OffsetFrom = new UtcOffset(before.WallOffset.ToTimeSpan()),
                OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
                Start = new CalDateTime(onsetDate, new TimeOnly(onset.Hour, onset.Minute, onset.Second), null),
                RecurrenceRule = rule,
            });
        }

        return timeZone;
    }

    /// <summary>1–3 for the first to third weekday of its kind in the month; -1 for the last (BYDAY=-1SU).</summary>
    private static int WeekOfMonth(DateOnly date) =>
        date.Day + 7 > DateTime.DaysInMonth(date.Year, date.Month) ? -1 : ((date.Day - 1) / 7) + 1;
}
