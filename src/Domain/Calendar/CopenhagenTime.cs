using NodaTime;
using NodaTime.TimeZones;

namespace Netvaerk.Domain.Calendar;

/// <summary>
/// Europe/Copenhagen wall-clock time. The zone rules come from NodaTime's embedded tz database, so the result
/// does not depend on the machine's own time-zone files.
/// </summary>
public static class CopenhagenTime
{
    public const string ZoneId = "Europe/Copenhagen";

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb[ZoneId];

    /// <summary>
    /// The instant of a local date and time, with the local offset. A time skipped by the spring-forward gap
    /// moves forward by the gap; an ambiguous autumn time takes the earlier (summer-time) instant.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second);
        return Zone.ResolveLocal(local, Resolvers.LenientResolver).ToDateTimeOffset();
    }

    /// <summary>The same instant expressed with the Copenhagen offset in force then.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone).ToDateTimeOffset();

    /// <summary>The Copenhagen calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The Copenhagen wall-clock time of an instant.</summary>
    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(ToLocal(instant).DateTime);
}
