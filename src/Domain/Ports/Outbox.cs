using Netvaerk.Domain.Messages;

namespace Netvaerk.Domain.Ports;

/// <summary>
/// One e-mail to one recipient. <see cref="Key"/> is deterministic — <c>{network}/{stepId}/{version}/{recipient}</c>
/// for timeline steps — so executing a step twice enqueues it once. <see cref="CreatedAt"/> is the clock's instant when
/// the message is composed, before it is queued (a store may rely on that to read by time, see SqliteOutbox).
/// </summary>
public sealed record OutboxMessage(
    string Key,
    string TenantId,
    string ToAddress,
    string ToName,
    EmailMessage Message,
    DateTimeOffset CreatedAt)
{
    public static string StepKey(string networkId, string stepId, int version, string recipientEmail) =>
        $"{networkId}/{stepId}/{version}/{recipientEmail.Trim().ToLowerInvariant()}";
}

public enum DeliveryState
{
    Pending,
    Delivered,

    /// <summary>Failed too many times; kept for the secretariat to see, never retried automatically.</summary>
    DeadLetter,
}

/// <summary>What a listing needs of an outbox entry, without the message body (digests, "already queued?" checks).</summary>
public sealed record OutboxSummary(string Key, string ToAddress, string Subject, DateTimeOffset CreatedAt, DeliveryState State);

public sealed record OutboxEntry(
    OutboxMessage Message, DeliveryState State, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? DeliveredAt);

public interface IOutbox
{
    /// <summary>Adds the message unless one with the same key exists; returns whether it was added.</summary>
    Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="EnqueueAsync(OutboxMessage, CancellationToken)"/> for several messages (one step's e-mails); returns how
    /// many were added. Each message stands alone: after a crash part-way, calling again adds the rest.
    /// </summary>
    Task<int> EnqueueAllAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues the messages and records the period (e.g. <c>digest/weekly/2027-W11</c>) in one atomic write, unless the
    /// period is recorded already — then nothing is queued and the answer is false. This is what makes a digest go out
    /// once per period whatever happens around it: the decision what to send is taken once, and a restart finds it taken.
    /// A period with nothing to send is recorded too (with no messages).
    /// </summary>
    Task<bool> EnqueueForPeriodAsync(
        string tenantId, string period, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Whether <see cref="EnqueueForPeriodAsync"/> has recorded the period.</summary>
    Task<bool> IsPeriodRecordedAsync(string tenantId, string period, CancellationToken cancellationToken = default);

    /// <summary>
    /// Entries of a tenant whose key starts with the prefix (e.g. <c>{networkId}/</c>), oldest first; with
    /// <paramref name="createdSince"/>, only those created at or after it.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ListAsync"/>, but only the summaries: cheap enough to ask for every step and every digest.</summary>
    Task<IReadOnlyList<OutboxSummary>> SummariesAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default);

    /// <summary>Pending entries of every tenant whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the delivery of the tenant's entries with these keys and drops their message bodies (text, HTML,
    /// attachments): the outbox is a delivery queue, not an archive; the mailbox or the mail service holds what was
    /// sent. The summary (recipient, subject, times) stays. Entries no longer pending are left as they are.
    /// </summary>
    Task MarkDeliveredAsync(string tenantId, IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt: retried at <paramref name="retryAt"/>, or dead-lettered when that is null.</summary>
    Task MarkFailedAsync(string tenantId, string key, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the entry for one send, atomically: if it is pending and due at <paramref name="now"/>, its next attempt moves to
    /// <paramref name="leaseUntil"/> (so no other sender takes it meanwhile, and it is due again if this one dies) and it
    /// is returned. <see cref="MarkDeliveredAsync"/> and <see cref="MarkFailedAsync"/> end the claim. Otherwise the answer
    /// says why not: gone, no longer pending, or not due until when.
    /// </summary>
    Task<OutboxClaim> ClaimAsync(string tenantId, string key, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);
}

/// <summary>The answer to <see cref="IOutbox.ClaimAsync"/>.</summary>
/// <param name="Entry">The claimed entry (with its body), or the entry as it is when it could not be claimed (null if unknown).</param>
/// <param name="Claimed">Whether this caller now holds the entry.</param>
/// <param name="Interrupted">
/// An earlier claim ended with neither a delivery nor a failure recorded: its sender died, perhaps after the mail service
/// accepted the message. The new holder asks the transport (<see cref="IMailTransport.HasSentAsync"/>) before sending.
/// </param>
public sealed record OutboxClaim(OutboxEntry? Entry, bool Claimed, bool Interrupted)
{
    public static OutboxClaim Unknown { get; } = new(null, false, false);
}

public static class OutboxExtensions
{
    /// <summary>The keys of the tenant's entries that start with the prefix: what is queued already, in any state.</summary>
    public static async Task<IReadOnlySet<string>> QueuedKeysAsync(
        this IOutbox outbox, string tenantId, string keyPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return (await outbox.SummariesAsync(tenantId, keyPrefix, cancellationToken: cancellationToken))
            .Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>Delivers one e-mail: the local mailbox folder on one machine, SendGrid in Azure.</summary>
/// <remarks>
/// A failure the transport knows to be final for this recipient (an address the mail service refuses) is a
/// <see cref="PermanentDeliveryException"/>: the entry is dead-lettered at once instead of retried.
/// </remarks>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the transport knows it accepted a message with this key before: asked only after an interrupted send
    /// (<see cref="OutboxClaim.Interrupted"/>), so that a sender killed between the service's acceptance and the outbox's
    /// record does not send twice. A transport that cannot tell answers false.
    /// </summary>
    Task<bool> HasSentAsync(OutboxMessage message, CancellationToken cancellationToken = default) => Task.FromResult(false);
}

/// <summary>The mail service refused the message for good (e.g. an address it will not deliver to); retrying cannot help.</summary>
public sealed class PermanentDeliveryException : Exception
{
    public PermanentDeliveryException() : base("The mail service refused the message for good.") { }

    public PermanentDeliveryException(string message) : base(message) { }

    public PermanentDeliveryException(string message, Exception innerException) : base(message, innerException) { }
}
