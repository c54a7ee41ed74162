using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Netvaerk.Infrastructure.Queues;

namespace Netvaerk.Functions.Mail;

/// <summary>
/// E-mail out of the queue outbox: each queue message is a reference to an outbox entry (decision 007), handled by the
/// same <see cref="QueueDelivery"/> as the local sender — claimed, sent, recorded. A reference that keeps failing is moved
/// by the host to <see cref="PoisonQueue"/> after host.json's <c>maxDequeueCount</c>, where its entry is dead-lettered
/// for the secretariat.
/// </summary>
public sealed partial class MailFunctions(QueueDelivery delivery, OutboxQueueClients queue, ILogger<MailFunctions> logger)
{
    /// <summary>The queue outbox's queue (OutboxQueue:QueueName keeps its default in the Functions host).</summary>
    public const string Queue = "outbox";

    public const string PoisonQueue = Queue + "-poison";

    [Function(nameof(SendMail))]
    public async Task SendMail([QueueTrigger(Queue)] string message, CancellationToken cancellationToken)
    {
        if (OutboxReference.Parse(message) is not { } reference)
        {
            // Not ours: straight to the poison queue for a person to look at, not five more tries.
            await queue.Poison.SendMessageAsync(message, cancellationToken);
            LogUnreadable();
            return;
        }

        var outcome = await delivery.HandleAsync(reference, cancellationToken);
        // Not yet (a retry's backoff, or held by another sender): a fresh reference that wakes then; this one is done.
        if (!outcome.Done) await queue.SendAsync(reference, outcome.RetryIn, cancellationToken);
    }

    [Function(nameof(DeadLetterMail))]
    public async Task DeadLetterMail([QueueTrigger(PoisonQueue)] string message, CancellationToken cancellationToken)
    {
        if (OutboxReference.Parse(message) is { } reference)
        {
            await delivery.DeadLetterAsync(reference, "Giftkø: referencen kunne ikke behandles.", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on the outbox queue is not an outbox reference; moved to the poison queue")]
    private partial void LogUnreadable();
}

/// <summary>Entries whose reference was lost (a crash between the store write and the queue) get a new one.</summary>
public sealed class MailSweep(QueueOutboxSender sender)
{
    [Function(nameof(MailSweep))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) => sender.SweepAsync(cancellationToken);
}
