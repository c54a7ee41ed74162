using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Netvaerk.Domain.Calendar;

/// <summary>
/// Working days in Denmark: Monday–Friday that are neither public holidays nor (by default) the extra
/// non-working days the municipality schedules around (grundlovsdag, juleaftensdag, nytårsaftensdag).
/// </summary>
public sealed class DanishCalendar
{
    /// <summary>The last year in which store bededag was a public holiday (abolished from 2024).</summary>
    public const int LastYearWithStoreBededag = 2023;

    // Every working-day question asks for its year's days; a year's days never change, so each is worked out once
    // (planning and digests ask for them per day, and building them each time was ~1% of the year benchmark's allocations).
    private static readonly ConcurrentDictionary<int, Year> s_years = new();

    public DanishCalendar(bool includeExtraNonWorkingDays = true) =>
        IncludeExtraNonWorkingDays = includeExtraNonWorkingDays;

    /// <summary>The scheduling calendar of DOMAIN.md: holidays plus the extra non-working days.</summary>
    public static DanishCalendar Default { get; } = new();

    public bool IncludeExtraNonWorkingDays { get; }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The Danish public holidays (helligdage) of a year, in date order.</summary>
    public static IReadOnlyList<NamedDay> PublicHolidays(int year) => s_years.GetOrAdd(year, Year.Of).Holidays;

    private static System.Collections.ObjectModel.ReadOnlyCollection<NamedDay> ComputePublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<NamedDay>
        {
            new(new DateOnly(year, 1, 1), "Nytårsdag"),
            new(easter.AddDays(-3), "Skærtorsdag"),
            new(easter.AddDays(-2), "Langfredag"),
            new(easter, "Påskedag"),
            new(easter.AddDays(1), "2. påskedag"),
        };
        if (year <= LastYearWithStoreBededag)
        {
            days.Add(new(easter.AddDays(26), "Store bededag"));
        }

        days.Add(new(easter.AddDays(39), "Kristi himmelfartsdag"));
        days.Add(new(easter.AddDays(49), "Pinsedag"));
        days.Add(new(easter.AddDays(50), "2. pinsedag"));
        days.Add(new(new DateOnly(year, 12, 25), "Juledag"));
        days.Add(new(new DateOnly(year, 12, 26), "2. juledag"));
        return days.AsReadOnly();
    }

    /// <summary>Days that are not holidays but on which nothing is scheduled (DOMAIN.md default).</summary>
    public static IReadOnlyList<NamedDay> ExtraNonWorkingDays(int year) =>
    [
        new(new DateOnly(year, 6, 5), "Grundlovsdag"),
        new(new DateOnly(year, 12, 24), "Juleaftensdag"),
        new(new DateOnly(year, 12, 31), "Nytårsaftensdag"),
    ];

    /// <summary>The holidays and (if included) extra non-working days of a year, in date order.</summary>
    public IReadOnlyList<NamedDay> NonWorkingDays(int year)
    {
        var known = s_years.GetOrAdd(year, Year.Of);
        return IncludeExtraNonWorkingDays ? known.NonWorking : known.Holidays;
    }

    public static bool IsPublicHoliday(DateOnly date) => s_years.GetOrAdd(date.Year, Year.Of).HolidayNames.ContainsKey(date);

    /// <summary>The Danish name of the holiday or extra non-working day, or null.</summary>
    public string? NameOfDay(DateOnly date)
    {
        var known = s_years.GetOrAdd(date.Year, Year.Of);
        return (IncludeExtraNonWorkingDays ? known.NonWorkingNames : known.HolidayNames).GetValueOrDefault(date);
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && NameOfDay(date) is null;

    /// <summary>The date itself if it is a working day, otherwise the next working day after it.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The first working day strictly after the date.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => OnOrNextWorkingDay(date.AddDays(1));

    /// <summary>The working day that lies <paramref name="count"/> working days before the date.</summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        while (count > 0)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date))
            {
                count--;
            }
        }

        return date;
    }

    /// <summary>The working day that lies <paramref name="count"/> working days after the date.</summary>
    public DateOnly WorkingDaysAfter(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        while (count > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                count--;
            }
        }

        return date;
    }

    /// <summary>One year's holidays and non-working days, as lists in date order and by date.</summary>
    private sealed class Year
    {
        private Year(IReadOnlyList<NamedDay> holidays, IReadOnlyList<NamedDay> nonWorking)
        {
            Holidays = holidays;
            NonWorking = nonWorking;
            HolidayNames = ByDate(holidays);
            NonWorkingNames = ByDate(nonWorking);
        }

        public IReadOnlyList<NamedDay> Holidays { get; }

        public IReadOnlyList<NamedDay> NonWorking { get; }

        public FrozenDictionary<DateOnly, string> HolidayNames { get; }

        public FrozenDictionary<DateOnly, string> NonWorkingNames { get; }

        // A day can carry two names (2. pinsedag on grundlovsdag, 5 June 2028): the holiday's, first in the list, wins.
        private static FrozenDictionary<DateOnly, string> ByDate(IReadOnlyList<NamedDay> days) =>
            days.GroupBy(d => d.Date).ToFrozenDictionary(g => g.Key, g => g.First().Name);

        public static Year Of(int year)
        {
            var holidays = ComputePublicHolidays(year);
            // A stable sort: on a shared date the holiday stays first.
            var nonWorking = holidays.Concat(ExtraNonWorkingDays(year)).OrderBy(d => d.Date).ToList().AsReadOnly();
            return new Year(holidays, nonWorking);
        }
    }
}

/// <summary>A date with its Danish name (a holiday or another non-working day).</summary>
public sealed record NamedDay(DateOnly Date, string Name);
