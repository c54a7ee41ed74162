using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Queues;

/// <summary>
/// The store's outbox, with a queue reference sent for every message it is given: the entry is written first, so a
/// reference never points at nothing. A message queued again (a step re-run after a crash) gets another reference; the
/// sender's claim on the entry makes that harmless. A crash between the store and the queue leaves an entry without
/// a reference, which the sender's sweep finds (<see cref="OutboxQueueOptions.SweepAfter"/>).
/// </summary>
public sealed class QueuedOutbox(IOutbox store, OutboxQueueClients queue) : IOutbox
{
    public async Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await EnqueueAllAsync([message], cancellationToken) == 1;
    }

    public async Task<int> EnqueueAllAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        var added = await store.EnqueueAllAsync(messages, cancellationToken);
        await PointAsync(messages, cancellationToken);
        return added;
    }

    public async Task<bool> EnqueueForPeriodAsync(
        string tenantId, string period, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!await store.EnqueueForPeriodAsync(tenantId, period, messages, at, cancellationToken)) return false;
        await PointAsync(messages, cancellationToken);
        return true;
    }

    private async Task PointAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await queue.SendAsync(new OutboxReference(message.TenantId, message.Key), cancellationToken: cancellationToken);
        }
    }

    public Task<bool> IsPeriodRecordedAsync(string tenantId, string period, CancellationToken cancellationToken = default) =>
        store.IsPeriodRecordedAsync(tenantId, period, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
        store.ListAsync(tenantId, keyPrefix, createdSince, cancellationToken);

    public Task<IReadOnlyList<OutboxSummary>> SummariesAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
        store.SummariesAsync(tenantId, keyPrefix, createdSince, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        store.DueForDeliveryAsync(now, max, cancellationToken);

    public Task MarkDeliveredAsync(string tenantId, IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        store.MarkDeliveredAsync(tenantId, keys, at, cancellationToken);

    public Task MarkFailedAsync(string tenantId, string key, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        store.MarkFailedAsync(tenantId, key, failure, retryAt, cancellationToken);

    public Task<OutboxClaim> ClaimAsync(string tenantId, string key, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        store.ClaimAsync(tenantId, key, now, leaseUntil, cancellationToken);
}
