using System.Collections.Concurrent;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Tests.Mail;

/// <summary>
/// A small <see cref="IOutbox"/> for dispatcher tests; <c>Attempts</c> counts failed attempts. Thread-safe, because the
/// dispatcher marks entries from parallel sends.
/// </summary>
internal sealed class InMemoryOutbox : IOutbox
{
    private readonly ConcurrentDictionary<string, OutboxEntry> _entries = new(StringComparer.Ordinal);

    public OutboxEntry this[string key] => _entries[key];

    public Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        var added = _entries.TryAdd(
            message.Key,
            new OutboxEntry(message, DeliveryState.Pending, 0, message.CreatedAt, null, null));
        return Task.FromResult(added);
    }

    private readonly ConcurrentDictionary<string, bool> _periods = new(StringComparer.Ordinal);

    public async Task<bool> EnqueueForPeriodAsync(
        string tenantId, string period, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!_periods.TryAdd($"{tenantId}/{period}", true)) return false;
        foreach (var message in messages) await EnqueueAsync(message, cancellationToken);
        return true;
    }

    public Task<bool> IsPeriodRecordedAsync(string tenantId, string period, CancellationToken cancellationToken = default) =>
        Task.FromResult(_periods.ContainsKey($"{tenantId}/{period}"));

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>(_entries.Values
            .Where(e => e.Message.TenantId == tenantId && e.Message.Key.StartsWith(keyPrefix, StringComparison.Ordinal))
            .Where(e => createdSince is null || e.Message.CreatedAt >= createdSince)
            .OrderBy(e => e.Message.CreatedAt)
            .ToList());

    public async Task<IReadOnlyList<OutboxSummary>> SummariesAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
        (await ListAsync(tenantId, keyPrefix, createdSince, cancellationToken))
            .Select(e => new OutboxSummary(e.Message.Key, e.Message.ToAddress, e.Message.Message.Subject, e.Message.CreatedAt, e.State))
            .ToList();

    public Task<IReadOnlyList<OutboxEntry>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>(_entries.Values
            .Where(e => e.State == DeliveryState.Pending && e.NextAttemptAt <= now)
            .OrderBy(e => e.Message.CreatedAt)
            .Take(max)
            .ToList());

    public async Task<int> EnqueueAllAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        var added = 0;
        foreach (var message in messages)
        {
            if (await EnqueueAsync(message, cancellationToken)) added++;
        }

        return added;
    }

    public Task MarkDeliveredAsync(string tenantId, IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            var entry = _entries[key];
            _entries[key] = entry with
            {
                Message = entry.Message with { Message = entry.Message.Message with { TextBody = "", HtmlBody = "", Attachments = [] } },
                State = DeliveryState.Delivered,
                DeliveredAt = at,
            };
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(string tenantId, string key, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        var entry = _entries[key];
        _entries[key] = entry with
        {
            State = retryAt is null ? DeliveryState.DeadLetter : DeliveryState.Pending,
            Attempts = entry.Attempts + 1,
            NextAttemptAt = retryAt ?? entry.NextAttemptAt,
            LastError = failure,
        };
        return Task.CompletedTask;
    }

    public Task<OutboxClaim> ClaimAsync(
        string tenantId, string key, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out var entry)) return Task.FromResult(OutboxClaim.Unknown);
            if (entry.State != DeliveryState.Pending || entry.NextAttemptAt > now) return Task.FromResult(new OutboxClaim(entry, false, false));
            _entries[key] = entry with { NextAttemptAt = leaseUntil };
            return Task.FromResult(new OutboxClaim(_entries[key], true, false));
        }
    }
}
