using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Netvaerk.Web.Api;

/// <summary>
/// Guards the sign-in link request: at most a few links per address per hour (the client's IP address is limited by
/// the ASP.NET Core rate-limiting policy <see cref="ClientPolicy"/>), and an answer that takes as long for a known
/// address as for an unknown one.
/// </summary>
public sealed class LinkRequestLimiter(IOptions<AccessOptions> options) : IDisposable
{
    public const string ClientPolicy = "sign-in-link-per-client";

    private readonly PerKeyHourlyLimiter _perAddress = new(options.Value.LinksPerAddressPerHour);

    /// <summary>Whether another link may be asked for the address now (known or not: the answer must not tell).</summary>
    public bool TryAcquire(string address) => _perAddress.TryAcquire(address);

    /// <summary>Waits out what is left of the fixed answer time, measured from <paramref name="startedAt"/> (a Stopwatch timestamp).</summary>
    public Task PadAsync(long startedAt, CancellationToken cancellationToken)
    {
        var left = TimeSpan.FromMilliseconds(options.Value.LinkAnswerMilliseconds) - Stopwatch.GetElapsedTime(startedAt);
        return left > TimeSpan.Zero ? Task.Delay(left, cancellationToken) : Task.CompletedTask;
    }

    public void Dispose() => _perAddress.Dispose();
}
