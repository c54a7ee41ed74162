using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Tests.Queues;

/// <summary>An outbox that passes every call on; fault tests override the one they break.</summary>
internal abstract class ForwardingOutbox(IOutbox inner) : IOutbox
{
    public virtual Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) => inner.EnqueueAsync(message, cancellationToken);

    public virtual Task<int> EnqueueAllAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default) =>
        inner.EnqueueAllAsync(messages, cancellationToken);

    public virtual Task<bool> EnqueueForPeriodAsync(string tenantId, string period, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.EnqueueForPeriodAsync(tenantId, period, messages, at, cancellationToken);

    public virtual Task<bool> IsPeriodRecordedAsync(string tenantId, string period, CancellationToken cancellationToken = default) =>
        inner.IsPeriodRecordedAsync(tenantId, period, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxEntry>> ListAsync(string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(tenantId, keyPrefix, createdSince, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxSummary>> SummariesAsync(string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
        inner.SummariesAsync(tenantId, keyPrefix, createdSince, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxEntry>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        inner.DueForDeliveryAsync(now, max, cancellationToken);

    public virtual Task MarkDeliveredAsync(string tenantId, IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.MarkDeliveredAsync(tenantId, keys, at, cancellationToken);

    public virtual Task MarkFailedAsync(string tenantId, string key, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        inner.MarkFailedAsync(tenantId, key, failure, retryAt, cancellationToken);

    public virtual Task<OutboxClaim> ClaimAsync(string tenantId, string key, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        inner.ClaimAsync(tenantId, key, now, leaseUntil, cancellationToken);
}
