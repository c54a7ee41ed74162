using System.Collections.Concurrent;
using System.Text.Json;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>
/// The outbox in <c>outbox</c>: one document per message (id <c>message:{key}</c>), its delivery state, attempts and
/// times in the envelope and the message under <c>body</c>; one document per recorded period (<c>period:{period}</c>);
/// and a register of the tenants that ever queued mail (partition <see cref="RegistryPartition"/>), so that
/// <see cref="DueForDeliveryAsync"/> asks each tenant's partition instead of querying across partitions.
/// </summary>
/// <remarks>
/// <para>
/// Cosmos DB writes one document atomically, so a period and its messages (one write in SQLite) are written in three
/// steps whose middle one is the decision: the messages are stored <em>held</em> (invisible to every listing and to
/// delivery), then the period document is created — whoever creates it has decided the period — and then its messages
/// are released. A crash before the period document leaves held messages nobody sees, which the next attempt for the
/// period adopts; a crash after it is finished by the next <see cref="IsPeriodRecordedAsync"/> or
/// <see cref="EnqueueForPeriodAsync"/> of that period, which release what the period lists.
/// </para>
/// <para>
/// A state change reads the document and replaces it under its ETag, re-reading on a conflict, so two senders never
/// overwrite each other's marks. Entries no longer pending are left as they are; an unknown key throws
/// <see cref="InvalidOperationException"/> (and a batch with one marks none).
/// </para>
/// </remarks>
public sealed class CosmosOutbox(CosmosDatabase database, TimeProvider time) : IOutbox
{
    /// <summary>The partition of the tenant register: not a tenant id (they never start with '~').</summary>
    public const string RegistryPartition = "~tenants";

    private const string Pending = "pending";
    private const string Delivered = "delivered";
    private const string DeadLetter = "dead-letter";
    private const string Held = "held";

    private readonly CosmosCollection _outbox = new(database, "outbox");
    private readonly ConcurrentDictionary<string, bool> _registered = new(StringComparer.Ordinal);
    private long _sequence;

    public async Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await EnqueueAllAsync([message], cancellationToken) == 1;
    }

    public async Task<int> EnqueueAllAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        Check(messages);
        var added = 0;
        foreach (var tenant in messages.Select(m => m.TenantId).Distinct(StringComparer.Ordinal))
        {
            await RegisterAsync(tenant, cancellationToken);
        }

        foreach (var message in messages)
        {
            if (await _outbox.CreateAsync(message.TenantId, MessageDocument(message, Pending, period: null), cancellationToken) is not null) added++;
        }

        return added;
    }

    public async Task<bool> EnqueueForPeriodAsync(
        string tenantId, string period, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(period);
        Check(messages);
        if (messages.Any(m => m.TenantId != tenantId)) throw new ArgumentException("Every message of a period belongs to its tenant.", nameof(messages));

        if (await _outbox.ReadAsync(tenantId, PeriodId(period), cancellationToken) is { } recorded)
        {
            await ReleaseAsync(tenantId, recorded, cancellationToken);
            return false;
        }

        await RegisterAsync(tenantId, cancellationToken);

        // Held first: created now, or adopted from an attempt that crashed before it recorded the period.
        foreach (var message in messages)
        {
            await _outbox.CreateAsync(tenantId, MessageDocument(message, Held, period), cancellationToken);
        }

        var keys = messages.Select(m => m.Key).ToList();
        var document = CosmosValues.Document(PeriodId(period), tenantId, keys, w =>
        {
            w.WriteString("docType", "period");
            w.WriteString("recordedUtc", CosmosValues.Instant(at));
            w.WriteBoolean("released", false);
        });
        if (await _outbox.CreateAsync(tenantId, document, cancellationToken) is not { } etag)
        {
            // Someone else decided the period first; what they listed is theirs to release, and ours stays held, unseen.
            if (await _outbox.ReadAsync(tenantId, PeriodId(period), cancellationToken) is { } theirs)
            {
                await ReleaseAsync(tenantId, theirs, cancellationToken);
            }

            return false;
        }

        await ReleaseAsync(tenantId, new StoredDocument(JsonDocument.Parse(document).RootElement.Clone(), etag), cancellationToken);
        return true;
    }

    public async Task<bool> IsPeriodRecordedAsync(string tenantId, string period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(period);
        if (await _outbox.ReadAsync(tenantId, PeriodId(period), cancellationToken) is not { } recorded) return false;
        await ReleaseAsync(tenantId, recorded, cancellationToken);
        return true;
    }

    /// <summary>Makes a recorded period's held messages pending, then marks the period released (a no-op when it is).</summary>
    private async Task ReleaseAsync(string tenantId, StoredDocument period, CancellationToken cancellationToken)
    {
        if (period.Root.GetProperty("released").GetBoolean()) return;
        foreach (var key in period.Body<List<string>>())
        {
            // Every listed message was stored before the period was; one gone since (deleted by hand) is simply skipped.
            if (await _outbox.ReadAsync(tenantId, MessageId(key), cancellationToken) is not { } held) continue;
            await ChangeAsync(tenantId, key, document => document.String("state") == Held ? With(document, Pending) : null, cancellationToken, held);
        }

        var released = CosmosValues.Document(period.String("id"), tenantId, period.Body<List<string>>(), w =>
        {
            w.WriteString("docType", "period");
            w.WriteString("recordedUtc", period.String("recordedUtc"));
            w.WriteBoolean("released", true);
        });
        try
        {
            await _outbox.ReplaceAsync(tenantId, period.String("id"), released, period.ETag, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // Released by another caller meanwhile: the messages are pending either way.
        }
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default)
    {
        var documents = await SelectAsync(tenantId, keyPrefix, createdSince, "*", cancellationToken);
        return documents.Select(ReadEntry).ToList();
    }

    public async Task<IReadOnlyList<OutboxSummary>> SummariesAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default)
    {
        // The envelope holds what a summary needs; the bodies (HTML, .ics) never leave the server.
        var documents = await SelectAsync(tenantId, keyPrefix, createdSince,
            "c.key, c.toAddress, c.subject, c.createdAt, c.createdUtc, c.state, c.seq", cancellationToken);
        return documents.Select(d => new OutboxSummary(d.String("key"), d.String("toAddress"), d.String("subject"),
            DateTimeOffset.Parse(d.String("createdAt"), System.Globalization.CultureInfo.InvariantCulture), ParseState(d.String("state")))).ToList();
    }

    private async Task<IEnumerable<StoredDocument>> SelectAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince, string select, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var documents = await _outbox.QueryAsync(tenantId,
            "c.docType = 'message' AND c.state != 'held' AND STARTSWITH(c.key, @prefix) AND (IS_NULL(@since) OR c.createdUtc >= @since)",
            new Dictionary<string, object?> { ["@prefix"] = keyPrefix, ["@since"] = CosmosValues.InstantOrNull(createdSince) },
            cancellationToken, select);

        // STARTSWITH is case-sensitive in Cosmos DB; checked again here so no server's leniency can widen a prefix.
        return documents.Where(d => d.String("key").StartsWith(keyPrefix, StringComparison.Ordinal))
            .OrderBy(d => d.String("seq"), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<OutboxEntry>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0) return [];
        var due = new List<(string Tenant, string Id, string NextAttempt, string Order)>();
        var tenants = await _outbox.QueryAsync(RegistryPartition, "c.docType = 'tenant'", null, cancellationToken, "c.registered");
        foreach (var tenant in tenants.Select(t => t.String("registered")))
        {
            // Only the sort keys come back; the bodies of the few taken are then read by id.
            var found = await _outbox.QueryAsync(tenant, "c.docType = 'message' AND c.state = 'pending' AND c.nextAttemptUtc <= @now",
                new Dictionary<string, object?> { ["@now"] = CosmosValues.Instant(now) }, cancellationToken, "c.id, c.nextAttemptUtc, c.seq");
            due.AddRange(found.Select(d => (tenant, d.String("id"), d.String("nextAttemptUtc"), d.String("seq"))));
        }

        var entries = new List<OutboxEntry>();
        foreach (var (tenant, id, _, _) in due.OrderBy(d => d.NextAttempt, StringComparer.Ordinal).ThenBy(d => d.Order, StringComparer.Ordinal).Take(max))
        {
            if (await _outbox.ReadAsync(tenant, id, cancellationToken) is { } document && document.String("state") == Pending)
            {
                entries.Add(ReadEntry(document));
            }
        }

        return entries;
    }

    public async Task MarkDeliveredAsync(string tenantId, IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys) ArgumentException.ThrowIfNullOrEmpty(key);

        // Every key must exist before any is marked, as SQLite's one transaction would have it; what is read is then the
        // first version each change works on.
        var read = new List<(string Key, StoredDocument Document)>(keys.Count);
        foreach (var key in keys)
        {
            read.Add((key, await _outbox.ReadAsync(tenantId, MessageId(key), cancellationToken) ?? throw Unknown(key)));
        }

        foreach (var (key, document) in read)
        {
            await ChangeAsync(tenantId, key, d => d.String("state") != Pending ? null : Delivery(d, at), cancellationToken, document);
        }
    }

    public async Task MarkFailedAsync(string tenantId, string key, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(failure);
        await ChangeAsync(tenantId, key, document => document.String("state") != Pending ? null : Rewrite(document, document.Body<OutboxMessage>(), w =>
        {
            w.WriteString("state", retryAt is null ? DeadLetter : Pending);
            w.WriteNumber("attempts", document.Root.GetProperty("attempts").GetInt32() + 1);
            w.WriteString("nextAttemptUtc", retryAt is { } retry ? CosmosValues.Instant(retry) : document.String("nextAttemptUtc"));
            w.WriteString("lastError", failure);
            w.WriteNull("deliveredUtc");
        }), cancellationToken);
    }

    public async Task<OutboxClaim> ClaimAsync(
        string tenantId, string key, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        for (var attempt = 1; ; attempt++)
        {
            if (await _outbox.ReadAsync(tenantId, MessageId(key), cancellationToken) is not { } document) return OutboxClaim.Unknown;
            var entry = ReadEntry(document);
            if (document.String("state") != Pending || entry.NextAttemptAt > now) return new OutboxClaim(entry, false, false);
            var claimed = Rewrite(document, entry.Message, w =>
            {
                w.WriteString("state", Pending);
                w.WriteNumber("attempts", entry.Attempts);
                w.WriteString("nextAttemptUtc", CosmosValues.Instant(leaseUntil));
                if (entry.LastError is { } error) w.WriteString("lastError", error);
                else w.WriteNull("lastError");
                w.WriteNull("deliveredUtc");
                w.WriteString("claimedUtc", CosmosValues.Instant(now));
            });
            try
            {
                // The ETag makes this the one claim: a sender that read the same version gets 412 and looks again.
                await _outbox.ReplaceAsync(tenantId, MessageId(key), claimed, document.ETag, cancellationToken);
                return new OutboxClaim(entry with { NextAttemptAt = leaseUntil }, true, document.StringOrNull("claimedUtc") is not null);
            }
            catch (ConcurrencyException) when (attempt < 10)
            {
            }
        }
    }

    /// <summary>
    /// Reads the entry and replaces it with what <paramref name="change"/> makes of it (nothing when it returns null),
    /// under the ETag it read; on a conflict it reads again and decides again.
    /// </summary>
    private async Task ChangeAsync(
        string tenantId, string key, Func<StoredDocument, byte[]?> change, CancellationToken cancellationToken, StoredDocument? read = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = (attempt == 1 ? read : null) ?? await _outbox.ReadAsync(tenantId, MessageId(key), cancellationToken) ?? throw Unknown(key);
            if (change(document) is not { } replacement) return;
            try
            {
                await _outbox.ReplaceAsync(tenantId, MessageId(key), replacement, document.ETag, cancellationToken);
                return;
            }
            catch (ConcurrencyException) when (attempt < 10)
            {
                // Changed between our read and write: decide again on what is there now.
            }
        }
    }

    private static InvalidOperationException Unknown(string key) => new($"The outbox has no message with key {key}.");

    private static byte[] Delivery(StoredDocument document, DateTimeOffset at)
    {
        // Delivered: the body goes (the mail service holds what was sent); the summary stays.
        var message = document.Body<OutboxMessage>();
        var stripped = message with { Message = message.Message with { TextBody = "", HtmlBody = "", Attachments = [] } };
        return Rewrite(document, stripped, w =>
        {
            w.WriteString("state", Delivered);
            w.WriteNumber("attempts", document.Root.GetProperty("attempts").GetInt32() + 1);
            w.WriteString("nextAttemptUtc", document.String("nextAttemptUtc"));
            if (document.StringOrNull("lastError") is { } error) w.WriteString("lastError", error);
            else w.WriteNull("lastError");
            w.WriteString("deliveredUtc", CosmosValues.Instant(at));
        });
    }

    private static byte[] With(StoredDocument document, string state) => Rewrite(document, document.Body<OutboxMessage>(), w =>
    {
        w.WriteString("state", state);
        w.WriteNumber("attempts", document.Root.GetProperty("attempts").GetInt32());
        w.WriteString("nextAttemptUtc", document.String("nextAttemptUtc"));
        w.WriteNull("lastError");
        w.WriteNull("deliveredUtc");
    });

    /// <summary>The entry's document with its identity and summary kept and the delivery fields written anew.</summary>
    private static byte[] Rewrite(StoredDocument document, OutboxMessage message, Action<Utf8JsonWriter> delivery) =>
        CosmosValues.Document(document.String("id"), message.TenantId, message, w =>
        {
            WriteSummary(w, message, document.String("seq"));
            if (document.StringOrNull("period") is { } period) w.WriteString("period", period);
            delivery(w);
        });

    private byte[] MessageDocument(OutboxMessage message, string state, string? period)
    {
        var order = $"{CosmosValues.Instant(message.CreatedAt)}|{time.GetUtcNow().UtcTicks:D19}|{Interlocked.Increment(ref _sequence):D12}";
        return CosmosValues.Document(MessageId(message.Key), message.TenantId, message, w =>
        {
            WriteSummary(w, message, order);
            if (period is not null) w.WriteString("period", period);
            w.WriteString("state", state);
            w.WriteNumber("attempts", 0);
            w.WriteString("nextAttemptUtc", CosmosValues.Instant(message.CreatedAt));
            w.WriteNull("lastError");
            w.WriteNull("deliveredUtc");
        });
    }

    private static void WriteSummary(Utf8JsonWriter w, OutboxMessage message, string order)
    {
        w.WriteString("docType", "message");
        w.WriteString("key", message.Key);
        w.WriteString("toAddress", message.ToAddress);
        w.WriteString("subject", message.Message.Subject);
        w.WriteString("createdAt", message.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("createdUtc", CosmosValues.Instant(message.CreatedAt));
        w.WriteString("seq", order);
    }

    private async Task RegisterAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (_registered.ContainsKey(tenantId)) return;
        var document = CosmosValues.Document(CosmosValues.Id("tenant", tenantId), RegistryPartition, tenantId, w =>
        {
            w.WriteString("docType", "tenant");
            w.WriteString("registered", tenantId);
        });
        await _outbox.CreateAsync(RegistryPartition, document, cancellationToken); // 409: registered before
        _registered[tenantId] = true;
    }

    private static OutboxEntry ReadEntry(StoredDocument document) => new(
        document.Body<OutboxMessage>(),
        ParseState(document.String("state")),
        document.Root.GetProperty("attempts").GetInt32(),
        CosmosValues.ParseInstant(document.String("nextAttemptUtc")),
        document.StringOrNull("lastError"),
        CosmosValues.ParseInstantOrNull(document.StringOrNull("deliveredUtc")));

    private static DeliveryState ParseState(string state) => state switch
    {
        Pending => DeliveryState.Pending,
        Delivered => DeliveryState.Delivered,
        DeadLetter => DeliveryState.DeadLetter,
        _ => throw new InvalidOperationException($"Unknown outbox state '{state}'."),
    };

    private static void Check(IReadOnlyCollection<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message);
            ArgumentException.ThrowIfNullOrWhiteSpace(message.TenantId);
            ArgumentException.ThrowIfNullOrEmpty(message.Key);
        }
    }

    private static string MessageId(string key) => CosmosValues.Id("message", key);

    private static string PeriodId(string period) => CosmosValues.Id("period", period);
}
