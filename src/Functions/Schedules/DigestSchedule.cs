using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Functions.Schedules;

/// <summary>
/// The weekly leader digest (Monday 07:00) and the monthly portfolio digest (first working day 07:00), both Copenhagen
/// time. The timer only looks, on the hour in UTC; <see cref="DigestWorkflow"/> decides what is due by Copenhagen's
/// calendar and records each period once. So daylight saving needs no schedule of its own (Linux plans ignore
/// <c>WEBSITE_TIME_ZONE</c>; 07:00 in Copenhagen is 05:00 or 06:00 UTC, both on the hour), a period is never sent twice
/// however often the timer fires, and a missed hour is made up by the next.
/// </summary>
public sealed partial class DigestTimer(DigestWorkflow digests, TimeProvider time, ILogger<DigestTimer> logger)
{
    /// <summary>Every hour, on the hour (UTC).</summary>
    public const string Hourly = "0 0 * * * *";

    [Function(nameof(DigestTimer))]
    public async Task Run([TimerTrigger(Hourly)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var next = await digests.SendDueAsync(time.GetUtcNow(), cancellationToken);
        LogNext(next);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digests checked; the next is due {Next}")]
    private partial void LogNext(DateTimeOffset? next);
}
