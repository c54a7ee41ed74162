using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Mail;

/// <summary>Delivers what is due in the outbox: by polling the store (<see cref="OutboxDispatcher"/>) or by draining the queue.</summary>
public interface IOutboxDelivery
{
    /// <summary>Delivers what is due now; returns how many were delivered.</summary>
    Task<int> DeliverDueAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Delivers what is due in the outbox through the mail transport. A failed send is retried with exponential
/// backoff (1 min, 5 min, 30 min, 2 h, 6 h, then daily) and dead-lettered after <see cref="OutboxOptions.MaxAttempts"/>
/// failed attempts, or at once when the transport says the failure is permanent.
/// </summary>
public sealed partial class OutboxDispatcher : IOutboxDelivery
{
    private const int MaxErrorLength = 2000;

    private static readonly TimeSpan[] s_backoff =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(24),
    ];

    private readonly IOutbox _outbox;
    private readonly IMailTransport _transport;
    private readonly TimeProvider _time;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(
        IOutbox outbox,
        IMailTransport transport,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options.Value;
    }

    /// <summary>The wait before the next attempt after the given number of failed attempts (1 → 1 min, 2 → 5 min, …).</summary>
    public static TimeSpan BackoffAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        return s_backoff[Math.Min(failedAttempts, s_backoff.Length) - 1];
    }

    /// <summary>
    /// Sends every due entry (up to the batch size) and records the outcome; returns how many were delivered. Sends
    /// run <see cref="OutboxOptions.Parallelism"/> at a time — a disk or an HTTP API answers several requests in flight
    /// far faster than one after another — and the outcomes are then recorded: failures one by one, deliveries in one
    /// call per tenant, because the store takes one writer at a time. A crash in between only means a resend, which the
    /// entry's key makes harmless.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var due = await _outbox.DueForDeliveryAsync(_time.GetUtcNow(), _options.BatchSize, cancellationToken);
        var failures = new Exception?[due.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, due.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    await _transport.SendAsync(due[i].Message, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failures[i] = ex;
                }
            });

        var delivered = new List<OutboxEntry>(due.Count);
        for (var i = 0; i < due.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                await RecordFailureAsync(due[i], failure, cancellationToken);
            }
            else
            {
                delivered.Add(due[i]);
            }
        }

        // One call per tenant marks the whole batch, in one write.
        var at = _time.GetUtcNow();
        foreach (var tenant in delivered.GroupBy(e => e.Message.TenantId, StringComparer.Ordinal))
        {
            await _outbox.MarkDeliveredAsync(tenant.Key, tenant.Select(e => e.Message.Key).ToList(), at, cancellationToken);
        }

        foreach (var entry in delivered)
        {
            LogDelivered(entry.Message.Key, entry.Attempts + 1);
        }

        return delivered.Count;
    }

    /// <summary>The failure as the outbox records it: its type and message, shortened.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = $"{exception.GetType().Name}: {exception.Message}";
        return error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }

    /// <summary>Whether a failed attempt dead-letters the entry: the last allowed, or one the transport calls permanent.</summary>
    public static bool IsFinal(Exception exception, int failedAttempts, int maxAttempts) =>
        exception is PermanentDeliveryException || failedAttempts >= maxAttempts;

    private async Task RecordFailureAsync(OutboxEntry entry, Exception ex, CancellationToken cancellationToken)
    {
        var key = entry.Message.Key;
        var failedAttempts = entry.Attempts + 1;
        var error = Describe(ex);
        if (IsFinal(ex, failedAttempts, _options.MaxAttempts))
        {
            await _outbox.MarkFailedAsync(entry.Message.TenantId, key, error, retryAt: null, cancellationToken);
            LogDeadLettered(ex, key, failedAttempts);
            return;
        }

        var retryAt = _time.GetUtcNow() + BackoffAfter(failedAttempts);
        await _outbox.MarkFailedAsync(entry.Message.TenantId, key, error, retryAt, cancellationToken);
        LogRetrying(ex, key, failedAttempts, retryAt);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Delivered outbox entry {Key} on attempt {Attempt}")]
    private partial void LogDelivered(string key, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Outbox entry {Key} failed on attempt {Attempt}; retrying at {RetryAt}")]
    private partial void LogRetrying(Exception exception, string key, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Outbox entry {Key} failed on attempt {Attempt} and is dead-lettered")]
    private partial void LogDeadLettered(Exception exception, string key, int attempt);
}
