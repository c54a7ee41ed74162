using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Tests.Ports;

public class NetworkRecordTests
{
    private static readonly Network Draft = Network.CreateDraft(Guid.NewGuid(), NetworkContract.ForType(NetworkType.Welfare), DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_running_timeline_is_due_at_its_next_pending_step_in_utc()
    {
        var timeline = TimelinePlanner.Plan("n", NetworkType.Welfare, TimelineTemplates.For(NetworkType.Welfare), new DateOnly(2027, 3, 1));
        var record = new NetworkRecord(Draft, timeline);
        Assert.Equal(CopenhagenTime.At(new DateOnly(2027, 2, 22), new TimeOnly(8, 0)), record.NextDueUtc);
        Assert.Equal(TimeSpan.Zero, record.NextDueUtc!.Value.Offset);
    }

    [Fact]
    public void A_paused_timeline_and_a_draft_are_never_due()
    {
        var timeline = TimelinePlanner.Plan("n", NetworkType.Welfare, TimelineTemplates.For(NetworkType.Welfare), new DateOnly(2027, 3, 1))
            .Apply(new TimelinePaused(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(9, 0))));
        Assert.Null(new NetworkRecord(Draft, timeline).NextDueUtc);
        Assert.Null(new NetworkRecord(Draft, null).NextDueUtc);
    }
}
