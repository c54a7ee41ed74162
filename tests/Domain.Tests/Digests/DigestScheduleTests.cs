using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Digests;

namespace Netvaerk.Domain.Tests.Digests;

public class DigestScheduleTests
{
    private static readonly DigestSchedule Schedule = DigestSchedule.Default;
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    [Fact]
    public void Weekly_digest_goes_out_on_the_next_Monday_at_0700()
    {
        var next = Schedule.NextWeekly(new DateTimeOffset(2027, 3, 10, 12, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2027, 3, 15, 7, 0, 0, Winter), next);
    }

    [Fact]
    public void Next_weekly_is_strictly_after_the_given_instant()
    {
        var monday = new DateTimeOffset(2027, 3, 15, 7, 0, 0, Winter);

        Assert.Equal(monday, Schedule.NextWeekly(monday.AddMinutes(-1)));
        Assert.Equal(monday.AddDays(7), Schedule.NextWeekly(monday));
    }

    [Fact]
    public void Weekly_digest_stays_at_0700_wall_clock_across_the_spring_DST_change()
    {
        // Summer time starts Sunday 29 March 2026.
        var before = Schedule.NextWeekly(new DateTimeOffset(2026, 3, 20, 12, 0, 0, Winter));
        var after = Schedule.NextWeekly(before);

        Assert.Equal(new DateTimeOffset(2026, 3, 23, 7, 0, 0, Winter), before);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, Summer), after);
        Assert.Equal(TimeSpan.FromHours(167), after - before);
    }

    [Fact]
    public void Weekly_digest_stays_at_0700_wall_clock_across_the_autumn_DST_change()
    {
        // Winter time starts Sunday 25 October 2026.
        var next = Schedule.NextWeekly(new DateTimeOffset(2026, 10, 23, 12, 0, 0, Summer));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 7, 0, 0, Winter), next);
    }

    [Fact]
    public void Weekly_digest_on_2_paaskedag_moves_to_Tuesday_in_the_same_week()
    {
        var next = Schedule.NextWeekly(new DateTimeOffset(2027, 3, 26, 12, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2027, 3, 30, 7, 0, 0, Summer), next);
        Assert.Equal("2027-W13", DigestSchedule.WeeklyKey(next));
    }

    [Fact]
    public void Weekly_digest_on_a_holiday_Friday_with_no_working_day_left_in_the_week_skips_that_week()
    {
        var fridays = new DigestSchedule(DanishCalendar.Default, new DigestSettings { WeeklyDay = DayOfWeek.Friday });

        // Langfredag 26 March 2027: no digest in week 12; the next is Friday 2 April.
        var next = fridays.NextWeekly(new DateTimeOffset(2027, 3, 22, 12, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2027, 4, 2, 7, 0, 0, Summer), next);
    }

    [Fact]
    public void Weekly_digest_must_be_on_a_weekday()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DigestSchedule(DanishCalendar.Default, new DigestSettings { WeeklyDay = DayOfWeek.Sunday }));
    }

    [Fact]
    public void Monthly_digest_when_the_1st_is_nytaarsdag_before_a_weekend_goes_out_Monday_4_January()
    {
        var next = Schedule.NextMonthly(new DateTimeOffset(2026, 12, 15, 12, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2027, 1, 4, 7, 0, 0, Winter), next);
    }

    [Fact]
    public void Monthly_digest_when_the_1st_is_a_Saturday_goes_out_on_Monday()
    {
        var next = Schedule.NextMonthly(new DateTimeOffset(2027, 4, 20, 12, 0, 0, Summer));

        Assert.Equal(new DateTimeOffset(2027, 5, 3, 7, 0, 0, Summer), next);
    }

    [Fact]
    public void Monthly_digest_when_the_1st_is_paaskedag_skips_2_paaskedag_too()
    {
        // Easter Sunday 2029 is 1 April; 2. påskedag is Monday 2 April.
        var next = Schedule.NextMonthly(new DateTimeOffset(2029, 3, 20, 12, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2029, 4, 3, 7, 0, 0, Summer), next);
    }

    [Fact]
    public void Monthly_digest_after_this_months_send_is_next_months_first_working_day()
    {
        var sent = new DateTimeOffset(2027, 1, 4, 7, 0, 0, Winter);

        Assert.Equal(sent, Schedule.NextMonthly(sent.AddHours(-1)));
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 7, 0, 0, Winter), Schedule.NextMonthly(sent));
    }

    [Fact]
    public void Monthly_digest_in_the_first_summer_month_is_at_0700_summer_time()
    {
        var next = Schedule.NextMonthly(new DateTimeOffset(2027, 3, 20, 12, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2027, 4, 1, 7, 0, 0, Summer), next);
    }

    [Theory]
    [InlineData("2026-12-31T12:00:00+01:00", "2026-W53")]
    [InlineData("2027-01-01T12:00:00+01:00", "2026-W53")]
    [InlineData("2027-01-03T12:00:00+01:00", "2026-W53")]
    [InlineData("2027-01-04T07:00:00+01:00", "2027-W01")]
    [InlineData("2027-03-15T07:00:00+01:00", "2027-W11")]
    [InlineData("2024-12-30T07:00:00+01:00", "2025-W01")]
    [InlineData("2027-01-03T23:30:00+00:00", "2027-W01")] // already Monday in Copenhagen
    public void Weekly_key_is_the_ISO_week_of_the_Copenhagen_date(string instant, string expected) =>
        Assert.Equal(expected, DigestSchedule.WeeklyKey(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2027-03-01T07:00:00+01:00", "2027-03")]
    [InlineData("2027-02-28T23:30:00+00:00", "2027-03")] // already 1 March in Copenhagen
    [InlineData("2027-12-31T12:00:00+01:00", "2027-12")]
    public void Monthly_key_is_the_month_of_the_Copenhagen_date(string instant, string expected) =>
        Assert.Equal(expected, DigestSchedule.MonthlyKey(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Digest_keys_are_deterministic_per_period_and_recipient()
    {
        var monday = new DateTimeOffset(2027, 3, 15, 7, 0, 0, Winter);

        Assert.Equal("digest/weekly/net-1/2027-W11/lene.larsen@albertslund.dk",
            DigestKeys.Weekly("net-1", "2027-W11", " Lene.Larsen@Albertslund.DK "));
        Assert.Equal(DigestKeys.Weekly("net-1", "2027-W11", "lene.larsen@albertslund.dk"),
            DigestKeys.Weekly("net-1", monday.AddHours(3), "lene.larsen@albertslund.dk"));
        Assert.Equal("digest/monthly/2027-03/sekretariat@albertslund.dk",
            DigestKeys.Monthly(new DateTimeOffset(2027, 3, 1, 7, 0, 0, Winter), "sekretariat@albertslund.dk"));
    }

    [Fact]
    public void Every_week_of_a_year_gets_exactly_one_weekly_digest_under_its_own_key()
    {
        var at = new DateTimeOffset(2026, 12, 28, 0, 0, 0, Winter);
        var keys = new List<string>();
        while (at < new DateTimeOffset(2028, 1, 3, 0, 0, 0, Winter))
        {
            at = Schedule.NextWeekly(at);
            Assert.True(DanishCalendar.Default.IsWorkingDay(CopenhagenTime.DateOf(at)));
            Assert.Equal(new TimeOnly(7, 0), CopenhagenTime.TimeOf(at));
            keys.Add(DigestSchedule.WeeklyKey(at));
        }

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(54, keys.Count); // 2026-W53 and the 52 weeks of 2027, then 2028-W01
    }
}
