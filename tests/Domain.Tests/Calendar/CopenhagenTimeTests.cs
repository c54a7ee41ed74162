using Netvaerk.Domain.Calendar;

namespace Netvaerk.Domain.Tests.Calendar;

public class CopenhagenTimeTests
{
    [Fact]
    public void Nine_oclock_stays_nine_oclock_across_the_spring_change()
    {
        var before = CopenhagenTime.At(new DateOnly(2027, 3, 26), new TimeOnly(9, 0));
        var after = CopenhagenTime.At(new DateOnly(2027, 3, 29), new TimeOnly(9, 0));
        Assert.Equal(TimeSpan.FromHours(1), before.Offset);
        Assert.Equal(TimeSpan.FromHours(2), after.Offset);
        Assert.Equal(new TimeOnly(9, 0), CopenhagenTime.TimeOf(before));
        Assert.Equal(new TimeOnly(9, 0), CopenhagenTime.TimeOf(after));
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 7, 0, 0, TimeSpan.Zero), after.ToUniversalTime());
    }

    [Fact]
    public void Nine_oclock_stays_nine_oclock_across_the_autumn_change()
    {
        var after = CopenhagenTime.At(new DateOnly(2027, 11, 1), new TimeOnly(9, 0));
        Assert.Equal(TimeSpan.FromHours(1), after.Offset);
        Assert.Equal(new DateTimeOffset(2027, 11, 1, 8, 0, 0, TimeSpan.Zero), after.ToUniversalTime());
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        var instant = CopenhagenTime.At(new DateOnly(2027, 3, 28), new TimeOnly(2, 30));
        Assert.Equal(new TimeOnly(3, 30), CopenhagenTime.TimeOf(instant));
    }

    [Fact]
    public void A_utc_instant_is_shown_with_the_local_offset_and_date()
    {
        var utc = new DateTimeOffset(2027, 5, 17, 22, 30, 0, TimeSpan.Zero);
        var local = CopenhagenTime.ToLocal(utc);
        Assert.Equal(TimeSpan.FromHours(2), local.Offset);
        Assert.Equal(new DateOnly(2027, 5, 18), CopenhagenTime.DateOf(utc));
    }
}
