using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// The outbox: one row per (tenant, key) with the message's envelope as a JSON document and its delivery state in
/// columns; its bodies and attachments wait in <c>outbox_bodies</c> until it is delivered, when they are deleted (see
/// migration 6). A new message is due at once (its first attempt is at its <see cref="OutboxMessage.CreatedAt"/>).
/// </summary>
/// <remarks>
/// "Oldest first" in <see cref="DueForDeliveryAsync"/> means the entry whose next attempt fell due first (for a
/// message not yet tried, its creation time), then the order of enqueueing; this is what the due index yields.
/// <see cref="MarkDeliveredAsync"/> and <see cref="MarkFailedAsync"/> change only pending entries, so marking twice is
/// harmless; an unknown key throws <see cref="InvalidOperationException"/> (and a batch with one marks none).
/// A recorded period marks the outbox's last sequence number; reads since an instant skip the entries up to the mark of
/// a period recorded a day or more before it (<see cref="MarkMargin"/>), which relies on entries being queued with the
/// clock's instant (<see cref="OutboxMessage.CreatedAt"/>) and on sequence numbers never being reused (no entry is deleted).
/// </remarks>
public sealed class SqliteOutbox(SqliteDatabase database) : IOutbox
{
    private const string EntryColumns = "o.document, o.state, o.attempts, o.next_attempt_utc, o.last_error, o.delivered_utc, b.body, o.key, o.tenant_id";

    private const string BodiesJoin = "LEFT JOIN outbox_bodies b ON b.seq = o.seq";

    private const string Entries = "outbox o " + BodiesJoin;

    private const string Pending = "pending";
    private const string Delivered = "delivered";
    private const string DeadLetter = "dead-letter";

    public async Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await EnqueueAllAsync([message], cancellationToken) == 1;
    }

    public async Task<int> EnqueueAllAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        var rows = Rows(messages);
        if (rows.Count == 0) return 0;
        return await database.WriteAsync((connection, transaction, ct) => InsertAsync(connection, transaction, rows, ct), cancellationToken);
    }

    /// <summary>
    /// Checks and serialises the messages before the write lock is taken; then one transaction per call: one step's rows
    /// and their index entries sit side by side, so their pages reach the WAL once, not once per message (docs/benchmarks.md).
    /// </summary>
    private static List<(OutboxMessage Message, string Document, string Body)> Rows(IReadOnlyCollection<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message);
            SqliteValues.RequireTenant(message.TenantId);
            ArgumentException.ThrowIfNullOrEmpty(message.Key);
        }

        return messages.Select(m => (
            Message: m,
            Document: TimelineJson.Serialize(new StoredEnvelope(m.ToAddress, m.ToName, new StoredSubject(m.Message.Subject), m.CreatedAt)),
            Body: TimelineJson.Serialize(new OutboxBody(m.Message.TextBody, m.Message.HtmlBody, m.Message.Attachments)))).ToList();
    }

    /// <summary>
    /// What the row's document keeps of a message: its key and tenant are the row's own columns and its body waits in
    /// <c>outbox_bodies</c>, so neither is repeated here. Each delivered e-mail keeps this row as its record; ~400 B
    /// instead of ~560 B, two to a 1 KiB page (docs/decisions/012). The paths <c>$.toAddress</c> and
    /// <c>$.message.subject</c> are those of the whole message, which documents stored before this shape still are.
    /// </summary>
    private sealed record StoredEnvelope(string ToAddress, string ToName, StoredSubject Message, DateTimeOffset CreatedAt);

    private sealed record StoredSubject(string Subject);

    /// <summary>What a message carries apart from its envelope until it is delivered.</summary>
    private sealed record OutboxBody(string TextBody, string HtmlBody, IReadOnlyList<EmailAttachment> Attachments);

    private static async Task<int> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, List<(OutboxMessage Message, string Document, string Body)> rows, CancellationToken ct)
    {
        await using var command = connection.Command("""
            INSERT INTO outbox (tenant_id, key, created_utc, state, attempts, next_attempt_utc, document)
            VALUES (@tenant, @key, @created, 'pending', 0, @created, @document)
            ON CONFLICT (tenant_id, key) DO NOTHING
            RETURNING seq;
            """, transaction);
        await using var body = connection.Command("INSERT INTO outbox_bodies (seq, body) VALUES (@seq, @body);", transaction);
        var added = 0;
        foreach (var (message, document, text) in rows)
        {
            command.Parameters.Clear();
            command
                .With("@tenant", message.TenantId)
                .With("@key", message.Key)
                .With("@created", SqliteValues.Instant(message.CreatedAt))
                .With("@document", document);
            if (await command.ExecuteScalarAsync(ct) is not long seq) continue; // already queued: the first one stands
            body.Parameters.Clear();
            body.With("@seq", seq).With("@body", text);
            await body.ExecuteNonQueryAsync(ct);
            added++;
        }

        return added;
    }

    public async Task<bool> EnqueueForPeriodAsync(
        string tenantId, string period, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(period);
        var rows = Rows(messages);
        return await database.WriteAsync(async (connection, transaction, ct) =>
        {
            // The mark is taken inside the write: every entry up to it is committed, every later one gets a higher seq.
            await using var record = connection.Command("""
                INSERT INTO outbox_periods (tenant_id, period, recorded_utc, outbox_seq)
                VALUES (@tenant, @period, @at, (SELECT ifnull(max(seq), 0) FROM outbox))
                ON CONFLICT (tenant_id, period) DO NOTHING;
                """, transaction)
                .With("@tenant", tenantId).With("@period", period).With("@at", SqliteValues.Instant(at));
            if (await record.ExecuteNonQueryAsync(ct) == 0) return false;
            await InsertAsync(connection, transaction, rows, ct);
            return true;
        }, cancellationToken);
    }

    public async Task<bool> IsPeriodRecordedAsync(string tenantId, string period, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT 1 FROM outbox_periods WHERE tenant_id = @tenant AND period = @period;")
            .With("@tenant", tenantId).With("@period", period);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
        ReadByPrefixAsync(tenantId, keyPrefix, createdSince, EntryColumns, BodiesJoin, ReadEntry, e => e.Message.CreatedAt, cancellationToken);

    // json_extract reads the two fields inside SQLite; the bodies (HTML, .ics) never cross into .NET.
    public Task<IReadOnlyList<OutboxSummary>> SummariesAsync(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
        ReadByPrefixAsync(tenantId, keyPrefix, createdSince,
            "o.key, json_extract(o.document, '$.toAddress'), json_extract(o.document, '$.message.subject'), o.created_utc, o.state", "",
            reader => new OutboxSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                SqliteValues.ParseInstant(reader.GetString(3)), ParseState(reader.GetString(4))),
            e => e.CreatedAt, cancellationToken);

    /// <summary>
    /// The tenant's entries whose key starts with the prefix (created since the instant, if given), oldest first, then in
    /// the order queued. GLOB is case-sensitive and, with the (tenant_id, key) index, becomes a range scan on the prefix,
    /// whose few rows SQLite sorts. For every key (an empty prefix) the table is read in sequence order instead — the
    /// planner would pick the index for the tenant alone and read each row in key order — and sorted here, stably by
    /// time: SQLite's sorter would spill a week of all networks' entries to a temporary file (its default temp store).
    /// </summary>
    private async Task<IReadOnlyList<T>> ReadByPrefixAsync<T>(
        string tenantId, string keyPrefix, DateTimeOffset? createdSince, string columns, string join,
        Func<SqliteDataReader, T> read, Func<T, DateTimeOffset> createdAt, CancellationToken cancellationToken)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var everyKey = keyPrefix.Length == 0;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"""
            SELECT {columns} FROM outbox o {(everyKey ? "NOT INDEXED" : "")} {join}
            WHERE o.tenant_id = @tenant AND o.key GLOB @pattern AND (@since IS NULL OR o.created_utc >= @since)
              AND o.seq > {SkippedBefore}
            ORDER BY {(everyKey ? "o.seq" : "o.created_utc, o.seq")};
            """)
            .With("@tenant", tenantId)
            .With("@pattern", GlobEscape(keyPrefix) + "*")
            .With("@since", SqliteValues.InstantOrNull(createdSince))
            .With("@markedBefore", SqliteValues.InstantOrNull(MarkedBefore(createdSince)));
        var rows = await command.ReadAllAsync(read, cancellationToken);
        return everyKey ? rows.OrderBy(createdAt).ToList() : rows;
    }

    public async Task<IReadOnlyList<OutboxEntry>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // The one query across tenants (see IOutbox): the sender serves every municipality.
        await using var command = connection.Command($"""
            SELECT {EntryColumns} FROM {Entries}
            WHERE o.state = 'pending' AND o.next_attempt_utc <= @now
            ORDER BY o.next_attempt_utc, o.seq
            LIMIT @max;
            """)
            .With("@now", SqliteValues.Instant(now))
            .With("@max", max);
        return await command.ReadAllAsync(ReadEntry, cancellationToken);
    }

    public async Task MarkDeliveredAsync(string tenantId, IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys) ArgumentException.ThrowIfNullOrEmpty(key);
        if (keys.Count == 0) return;

        // One transaction for the batch: entries queued together share pages, written to the WAL once. The envelope is
        // what a delivered entry keeps; its body goes.
        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command("""
                UPDATE outbox SET state = 'delivered', attempts = attempts + 1, delivered_utc = @at, claimed_utc = NULL
                WHERE tenant_id = @tenant AND key = @key AND state = 'pending'
                RETURNING seq;
                """, transaction);
            await using var dropBody = connection.Command("DELETE FROM outbox_bodies WHERE seq = @seq;", transaction);
            foreach (var key in keys)
            {
                command.Parameters.Clear();
                command.With("@tenant", tenantId).With("@key", key).With("@at", SqliteValues.Instant(at));
                if (await command.ExecuteScalarAsync(ct) is long seq)
                {
                    dropBody.Parameters.Clear();
                    dropBody.With("@seq", seq);
                    await dropBody.ExecuteNonQueryAsync(ct);
                }
                else
                {
                    await EnsureExistsAsync(connection, transaction, tenantId, key, ct);
                }
            }

            return true;
        }, cancellationToken);
    }

    public async Task MarkFailedAsync(string tenantId, string key, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(failure);
        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command("""
                UPDATE outbox
                SET attempts = attempts + 1,
                    last_error = @failure,
                    claimed_utc = NULL,
                    state = CASE WHEN @retryAt IS NULL THEN 'dead-letter' ELSE 'pending' END,
                    next_attempt_utc = COALESCE(@retryAt, next_attempt_utc)
                WHERE tenant_id = @tenant AND key = @key AND state = 'pending';
                """, transaction)
                .With("@tenant", tenantId)
                .With("@key", key)
                .With("@failure", failure)
                .With("@retryAt", SqliteValues.InstantOrNull(retryAt));
            if (await command.ExecuteNonQueryAsync(ct) == 0)
            {
                await EnsureExistsAsync(connection, transaction, tenantId, key, ct);
            }

            return true;
        }, cancellationToken);
    }

    public async Task<OutboxClaim> ClaimAsync(
        string tenantId, string key, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return await database.WriteAsync(async (connection, transaction, ct) =>
        {
            // Read and claim in one write transaction: one writer at a time, so two senders cannot both win.
            OutboxEntry entry;
            bool interrupted;
            await using (var read = connection.Command($"SELECT {EntryColumns}, o.claimed_utc FROM {Entries} WHERE o.tenant_id = @tenant AND o.key = @key;", transaction)
                .With("@tenant", tenantId).With("@key", key))
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct)) return OutboxClaim.Unknown;
                entry = ReadEntry(reader);
                interrupted = !reader.IsDBNull(9);
            }

            if (entry.State != DeliveryState.Pending || entry.NextAttemptAt > now) return new OutboxClaim(entry, false, false);
            await using var claim = connection.Command("""
                UPDATE outbox SET next_attempt_utc = @lease, claimed_utc = @now WHERE tenant_id = @tenant AND key = @key;
                """, transaction)
                .With("@tenant", tenantId).With("@key", key)
                .With("@now", SqliteValues.Instant(now)).With("@lease", SqliteValues.Instant(leaseUntil));
            await claim.ExecuteNonQueryAsync(ct);
            return new OutboxClaim(entry with { NextAttemptAt = leaseUntil }, Claimed: true, interrupted);
        }, cancellationToken);
    }

    private static async Task EnsureExistsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string tenantId, string key, CancellationToken cancellationToken)
    {
        await using var exists = connection.Command("SELECT 1 FROM outbox WHERE tenant_id = @tenant AND key = @key;", transaction)
            .With("@tenant", tenantId).With("@key", key);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new InvalidOperationException($"The outbox has no message with key {key}.");
        }
    }

    private static OutboxEntry ReadEntry(SqliteDataReader reader) => new(
        ReadMessage(reader),
        ParseState(reader.GetString(1)),
        reader.GetInt32(2),
        SqliteValues.ParseInstant(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        SqliteValues.ParseInstantOrNull(reader, 5));

    /// <summary>
    /// The message from the document, the row's key and tenant and, while it waits, its body; a delivered entry has no
    /// body and reads with empty ones.
    /// </summary>
    private static OutboxMessage ReadMessage(SqliteDataReader reader)
    {
        var stored = reader.Json<StoredEnvelope>(0);
        var body = reader.IsDBNull(6) ? null : reader.Json<OutboxBody>(6);
        return new OutboxMessage(reader.GetString(7), reader.GetString(8), stored.ToAddress, stored.ToName,
            new EmailMessage(stored.Message.Subject, body?.TextBody ?? "", body?.HtmlBody ?? "", body?.Attachments ?? []),
            stored.CreatedAt);
    }

    private static DeliveryState ParseState(string state) => state switch
    {
        Pending => DeliveryState.Pending,
        Delivered => DeliveryState.Delivered,
        DeadLetter => DeliveryState.DeadLetter,
        _ => throw new InvalidOperationException($"Unknown outbox state '{state}'."),
    };

    /// <summary>
    /// How far before <c>createdSince</c> a period must have been recorded for its mark to bound a read: an entry's
    /// creation time is its writer's clock before it commits, and a period's is the digest's clock before it composes,
    /// so an entry committed before the period was created at most that composing time after the period's instant.
    /// </summary>
    internal static readonly TimeSpan MarkMargin = TimeSpan.FromDays(1);

    /// <summary>
    /// The highest outbox sequence number recorded with a period at least <see cref="MarkMargin"/> before
    /// <c>@since</c> (0 without one): every entry up to it was created before <c>@since</c>, so a read of entries created
    /// since then starts after it — a week's digest reads the last weeks' rows, not every row the outbox ever held.
    /// </summary>
    private const string SkippedBefore = """
        (SELECT ifnull(max(outbox_seq), 0) FROM outbox_periods WHERE tenant_id = @tenant AND recorded_utc < @markedBefore)
        """;

    private static DateTimeOffset? MarkedBefore(DateTimeOffset? createdSince) =>
        createdSince is { } since && since - DateTimeOffset.MinValue > MarkMargin ? since - MarkMargin : null;

    /// <summary>The prefix as a GLOB pattern that matches it literally: <c>*</c>, <c>?</c> and <c>[</c> become classes.</summary>
    private static string GlobEscape(string text) =>
        text.Replace("[", "[[]", StringComparison.Ordinal)
            .Replace("*", "[*]", StringComparison.Ordinal)
            .Replace("?", "[?]", StringComparison.Ordinal);
}
