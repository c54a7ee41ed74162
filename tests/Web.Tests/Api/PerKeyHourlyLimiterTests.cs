using Netvaerk.Web.Api;

namespace Netvaerk.Web.Tests.Api;

public sealed class PerKeyHourlyLimiterTests
{
    [Fact]
    public void A_key_written_in_other_case_or_with_spaces_shares_its_window_and_other_keys_keep_their_own()
    {
        using var limiter = new PerKeyHourlyLimiter(2);

        Assert.True(limiter.TryAcquire("Anne@Albertslund.dk"));
        Assert.True(limiter.TryAcquire("  anne@albertslund.dk "));
        Assert.False(limiter.TryAcquire("ANNE@ALBERTSLUND.DK"));
        Assert.True(limiter.TryAcquire("bo@albertslund.dk"));
    }
}
