using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Infrastructure.Queues;

/// <summary>
/// The local host's sender over the queue (in Azure, the queue trigger does this): receives references, lets
/// <see cref="QueueDelivery"/> deliver each, then deletes the reference, or hides it until its retry is due. A reference
/// whose handling ended without an answer more than <see cref="OutboxQueueOptions.MaxDequeueCount"/> times moves to the
/// poison queue and its entry is dead-lettered. Each drain also re-points entries that lost their reference.
/// </summary>
public sealed partial class QueueOutboxSender(
    OutboxQueueClients queue,
    QueueDelivery delivery,
    IOutbox outbox,
    TimeProvider time,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<QueueOutboxSender> logger) : IOutboxDelivery
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(1);

    /// <summary>Receives and handles references until the queue shows none; returns how many e-mails went out.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        await SweepAsync(cancellationToken);
        var delivered = 0;
        while (true)
        {
            QueueMessage[] messages = (await queue.Queue.ReceiveMessagesAsync(queue.Options.BatchSize, queue.Options.VisibilityTimeout, cancellationToken)).Value;
            if (messages.Length == 0) return delivered;
            // Sends are mostly waiting on the mail service, so a batch is handled several at a time (each has its own claim).
            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = outboxOptions.Value.Parallelism, CancellationToken = cancellationToken },
                async (message, ct) =>
                {
                    if (await HandleAsync(message, ct)) Interlocked.Increment(ref delivered);
                });
        }
    }

    private async Task<bool> HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var reference = OutboxReference.Parse(message.MessageText);
        if (reference is null || message.DequeueCount > queue.Options.MaxDequeueCount)
        {
            await PoisonAsync(message, reference, reference is null ? "not an outbox reference" : $"handled {message.DequeueCount - 1} times without an outcome",
                cancellationToken);
            return false;
        }

        ReferenceOutcome outcome;
        try
        {
            outcome = await delivery.HandleAsync(reference, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store or the transport's check failed: the reference comes back after its visibility timeout, counted.
            LogHandlingFailed(ex, reference.Key, message.DequeueCount);
            return false;
        }

        if (outcome.Done)
        {
            await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            return outcome.Delivered;
        }

        // Hidden until due; updating the message keeps its dequeue count, which only an unanswered handling should raise.
        // At least a second, so one drain never spins on a reference whose entry is not yet due.
        var wait = outcome.RetryIn < MinimumDelay ? MinimumDelay : outcome.RetryIn;
        await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        await queue.SendAsync(reference, wait, cancellationToken);
        return false;
    }

    private async Task PoisonAsync(QueueMessage message, OutboxReference? reference, string reason, CancellationToken cancellationToken)
    {
        await queue.Poison.SendMessageAsync(message.MessageText, cancellationToken);
        if (reference is not null) await delivery.DeadLetterAsync(reference, $"Giftkø: {reason}", cancellationToken);
        await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <summary>Pending entries due longer than <see cref="OutboxQueueOptions.SweepAfter"/> ago lost their reference: queue one.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var stale = await outbox.DueForDeliveryAsync(time.GetUtcNow() - queue.Options.SweepAfter, 500, cancellationToken);
        foreach (var entry in stale)
        {
            await queue.SendAsync(new OutboxReference(entry.Message.TenantId, entry.Message.Key), cancellationToken: cancellationToken);
        }

        if (stale.Count > 0) LogSwept(stale.Count);
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "Handling the reference to {Key} failed (dequeued {DequeueCount} times); it comes back after its visibility timeout")]
    private partial void LogHandlingFailed(Exception exception, string key, long dequeueCount);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "Queued new references for {Count} outbox entries that had lost theirs")]
    private partial void LogSwept(int count);
}
