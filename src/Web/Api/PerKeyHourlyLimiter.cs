using System.Threading.RateLimiting;

namespace Netvaerk.Web.Api;

/// <summary>
/// At most <c>limit</c> permits per key in a fixed hour's window; keys compare without regard to case and surrounding
/// spaces, so an address typed twice in different ways shares one window.
/// </summary>
public sealed class PerKeyHourlyLimiter(int limit) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perKey = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromHours(1),
        }), StringComparer.OrdinalIgnoreCase);

    public bool TryAcquire(string key)
    {
        using var lease = _perKey.AttemptAcquire(key.Trim());
        return lease.IsAcquired;
    }

    public void Dispose() => _perKey.Dispose();
}
