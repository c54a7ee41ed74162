using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Infrastructure.Queues;

/// <summary>What became of a reference: done with (delete it), or to be seen again after a wait.</summary>
public sealed record ReferenceOutcome(bool Done, TimeSpan RetryIn, bool Delivered = false)
{
    public static ReferenceOutcome Finished { get; } = new(true, TimeSpan.Zero);

    public static ReferenceOutcome Sent { get; } = new(true, TimeSpan.Zero, Delivered: true);

    public static ReferenceOutcome Later(TimeSpan wait) => new(false, wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
}

/// <summary>
/// Delivers the entry one queue reference names — the part the local sender and the Functions queue trigger share. The
/// entry is claimed first (so a duplicate reference, or a second sender, cannot send it twice), sent, and its outcome
/// recorded; only then is the reference done. A claim that finds an earlier one unfinished asks the transport whether
/// that send went out before sending again.
/// </summary>
public sealed partial class QueueDelivery(
    IOutbox outbox,
    IMailTransport transport,
    TimeProvider time,
    IOptions<OutboxQueueOptions> queueOptions,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<QueueDelivery> logger)
{
    public async Task<ReferenceOutcome> HandleAsync(OutboxReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var now = time.GetUtcNow();
        var claim = await outbox.ClaimAsync(reference.TenantId, reference.Key, now, now + queueOptions.Value.VisibilityTimeout, cancellationToken);
        if (!claim.Claimed)
        {
            if (claim.Entry is not { State: DeliveryState.Pending } waiting)
            {
                // Delivered, dead-lettered, or unknown: a duplicate reference, nothing to do.
                if (claim.Entry is null) LogUnknown(reference.TenantId, reference.Key);
                return ReferenceOutcome.Finished;
            }

            // Held by another sender, or waiting for its retry: look again when that is due.
            return ReferenceOutcome.Later(waiting.NextAttemptAt - now);
        }

        var entry = claim.Entry!;
        if (claim.Interrupted && await transport.HasSentAsync(entry.Message, cancellationToken))
        {
            await outbox.MarkDeliveredAsync(reference.TenantId, [reference.Key], time.GetUtcNow(), cancellationToken);
            LogRecovered(reference.Key);
            return ReferenceOutcome.Sent;
        }

        try
        {
            await transport.SendAsync(entry.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await RecordFailureAsync(entry, ex, cancellationToken);
        }

        await outbox.MarkDeliveredAsync(reference.TenantId, [reference.Key], time.GetUtcNow(), cancellationToken);
        LogDelivered(reference.Key, entry.Attempts + 1);
        return ReferenceOutcome.Sent;
    }

    /// <summary>Records a reference that failed too often to be handled at all (poison): its entry is dead-lettered.</summary>
    public async Task DeadLetterAsync(OutboxReference reference, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        try
        {
            await outbox.MarkFailedAsync(reference.TenantId, reference.Key, reason, retryAt: null, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // No such entry: nothing to mark.
        }

        LogPoisoned(reference.Key, reason);
    }

    private async Task<ReferenceOutcome> RecordFailureAsync(OutboxEntry entry, Exception ex, CancellationToken cancellationToken)
    {
        var message = entry.Message;
        var failedAttempts = entry.Attempts + 1;
        var error = OutboxDispatcher.Describe(ex);
        if (OutboxDispatcher.IsFinal(ex, failedAttempts, outboxOptions.Value.MaxAttempts))
        {
            await outbox.MarkFailedAsync(message.TenantId, message.Key, error, retryAt: null, cancellationToken);
            LogDeadLettered(ex, message.Key, failedAttempts);
            return ReferenceOutcome.Finished;
        }

        var wait = OutboxDispatcher.BackoffAfter(failedAttempts);
        await outbox.MarkFailedAsync(message.TenantId, message.Key, error, time.GetUtcNow() + wait, cancellationToken);
        LogRetrying(ex, message.Key, failedAttempts, wait.TotalMinutes);
        return ReferenceOutcome.Later(wait);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Delivered outbox entry {Key} on attempt {Attempt}")]
    private partial void LogDelivered(string key, int attempt);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Outbox entry {Key} failed on attempt {Attempt}; retrying in {Minutes} min")]
    private partial void LogRetrying(Exception exception, string key, int attempt, double minutes);

    [LoggerMessage(EventId = 42, Level = LogLevel.Error, Message = "Outbox entry {Key} failed on attempt {Attempt} and is dead-lettered")]
    private partial void LogDeadLettered(Exception exception, string key, int attempt);

    [LoggerMessage(EventId = 43, Level = LogLevel.Information, Message = "Outbox entry {Key}: an interrupted send had gone out; recorded as delivered without sending again")]
    private partial void LogRecovered(string key);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "A queue reference named outbox entry {Key} of tenant {TenantId}, which does not exist")]
    private partial void LogUnknown(string tenantId, string key);

    [LoggerMessage(EventId = 45, Level = LogLevel.Error, Message = "Outbox entry {Key} went to the poison queue and is dead-lettered: {Reason}")]
    private partial void LogPoisoned(string key, string reason);
}
