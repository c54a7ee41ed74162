using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Netvaerk.Domain.Calendar;

namespace Netvaerk.Domain.Tests.Calendar;

public class DanishCalendarTests
{
    private static readonly DanishCalendar Calendar = DanishCalendar.Default;

    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(2000, 4, 23)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_is_computed_for_any_year(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DanishCalendar.EasterSunday(year));

    [Fact]
    public void Public_holidays_of_2027_are_the_ten_Danish_helligdage()
    {
        var expected = new[]
        {
            ("2027-01-01", "Nytårsdag"), ("2027-03-25", "Skærtorsdag"), ("2027-03-26", "Langfredag"),
            ("2027-03-28", "Påskedag"), ("2027-03-29", "2. påskedag"), ("2027-05-06", "Kristi himmelfartsdag"),
            ("2027-05-16", "Pinsedag"), ("2027-05-17", "2. pinsedag"), ("2027-12-25", "Juledag"), ("2027-12-26", "2. juledag"),
        };
        var actual = DanishCalendar.PublicHolidays(2027).Select(h => (h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Name));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Store_bededag_is_a_holiday_up_to_2023_only()
    {
        Assert.True(DanishCalendar.IsPublicHoliday(new DateOnly(2023, 5, 5)));
        Assert.Equal("Store bededag", Calendar.NameOfDay(new DateOnly(2023, 5, 5)));
        Assert.False(DanishCalendar.IsPublicHoliday(new DateOnly(2024, 4, 26)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2024, 4, 26)));
    }

    [Theory]
    [InlineData("2027-06-04", true)]  // Friday before grundlovsdag
    [InlineData("2026-06-05", false)] // grundlovsdag on a Friday
    [InlineData("2025-12-24", false)] // juleaftensdag on a Wednesday
    [InlineData("2025-12-31", false)] // nytårsaftensdag on a Wednesday
    [InlineData("2027-03-27", false)] // Saturday
    [InlineData("2027-03-29", false)] // 2. påskedag
    [InlineData("2027-03-30", true)]
    public void Working_days_exclude_weekends_holidays_and_the_extra_days(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Fact]
    public void Extra_non_working_days_can_be_left_out()
    {
        var plain = new DanishCalendar(includeExtraNonWorkingDays: false);
        Assert.True(plain.IsWorkingDay(new DateOnly(2026, 6, 5)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 6, 5)));
        Assert.False(plain.IsWorkingDay(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void Next_working_day_skips_the_whole_Easter()
    {
        Assert.Equal(new DateOnly(2027, 3, 30), Calendar.NextWorkingDay(new DateOnly(2027, 3, 24)));
        Assert.Equal(new DateOnly(2027, 3, 24), Calendar.OnOrNextWorkingDay(new DateOnly(2027, 3, 24)));
    }

    [Fact]
    public void Working_days_before_count_back_over_holidays()
    {
        Assert.Equal(new DateOnly(2027, 3, 23), Calendar.WorkingDaysBefore(new DateOnly(2027, 3, 30), 2));
        Assert.Equal(new DateOnly(2027, 3, 30), Calendar.WorkingDaysBefore(new DateOnly(2027, 3, 30), 0));
    }

    [Fact]
    public void Working_days_after_count_forward_over_Christmas()
    {
        // 23 Dec 2026 (Wed) + 1 → 28 Dec (Mon), skipping 24, 25 and the weekend.
        Assert.Equal(new DateOnly(2026, 12, 28), Calendar.WorkingDaysAfter(new DateOnly(2026, 12, 23), 1));
    }

    [Property(MaxTest = 300)]
    public Property On_or_next_working_day_is_a_working_day_no_earlier_and_close() =>
        Prop.ForAll(Gen.Choose(0, 365 * 30).ToArbitrary(), offset =>
        {
            var date = new DateOnly(2020, 1, 1).AddDays(offset);
            var result = Calendar.OnOrNextWorkingDay(date);
            return Calendar.IsWorkingDay(result) && result >= date && result.DayNumber - date.DayNumber <= 6;
        });

    [Property(MaxTest = 300)]
    public Property Working_days_before_and_after_are_inverse_on_working_days() =>
        Prop.ForAll(Gen.Choose(0, 365 * 30).ToArbitrary(), Gen.Choose(0, 30).ToArbitrary(), (offset, n) =>
        {
            var date = Calendar.OnOrNextWorkingDay(new DateOnly(2020, 1, 1).AddDays(offset));
            return Calendar.WorkingDaysBefore(Calendar.WorkingDaysAfter(date, n), n) == date;
        });

    [Fact]
    public void A_years_days_are_worked_out_once_and_cannot_be_changed_by_a_caller()
    {
        var first = Calendar.NonWorkingDays(2031);
        var list = Assert.IsAssignableFrom<IList<NamedDay>>(first);

        Assert.Throws<NotSupportedException>(() => list.Add(new NamedDay(new DateOnly(2031, 3, 3), "Ikke en fridag")));
        Assert.Throws<NotSupportedException>(() => list[0] = new NamedDay(new DateOnly(2031, 3, 3), "Ikke en fridag"));
        Assert.Same(first, Calendar.NonWorkingDays(2031));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2031, 3, 3)));
        Assert.Equal("Nytårsdag", Calendar.NameOfDay(new DateOnly(2031, 1, 1)));
    }

    [Fact]
    public void A_day_with_two_names_keeps_the_holidays()
    {
        // 2. pinsedag falls on grundlovsdag in 2028: the list keeps both, the holiday first, and the day is named for it.
        var day = new DateOnly(2028, 6, 5);

        Assert.Equal(["2. pinsedag", "Grundlovsdag"], Calendar.NonWorkingDays(2028).Where(d => d.Date == day).Select(d => d.Name));
        Assert.Equal("2. pinsedag", Calendar.NameOfDay(day));
        Assert.Equal("2. pinsedag", new DanishCalendar(includeExtraNonWorkingDays: false).NameOfDay(day));
    }

    [Property(MaxTest = 200)]
    public Property Days_by_name_agree_with_the_lists_whichever_calendar_asks_first() =>
        Prop.ForAll(Gen.Choose(0, 365 * 60).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (offset, extraFirst) =>
        {
            // Both calendars share each year's cache; the answer must not depend on which of them filled it.
            var date = new DateOnly(2000, 1, 1).AddDays(offset);
            var withExtra = new DanishCalendar(includeExtraNonWorkingDays: true);
            var without = new DanishCalendar(includeExtraNonWorkingDays: false);
            string? a, b;
            if (extraFirst)
            {
                a = withExtra.NameOfDay(date);
                b = without.NameOfDay(date);
            }
            else
            {
                b = without.NameOfDay(date);
                a = withExtra.NameOfDay(date);
            }

            var holiday = DanishCalendar.PublicHolidays(date.Year).FirstOrDefault(d => d.Date == date)?.Name;
            var extra = DanishCalendar.ExtraNonWorkingDays(date.Year).FirstOrDefault(d => d.Date == date)?.Name;
            return b == holiday && a == (holiday ?? extra) && DanishCalendar.IsPublicHoliday(date) == (holiday is not null);
        });
}
