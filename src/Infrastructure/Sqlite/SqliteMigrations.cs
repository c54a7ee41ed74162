using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>One schema change; applied once, in version order, and recorded in <c>schema_version</c>.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);

/// <summary>
/// The schema, as an ordered list of migrations. Never edit a released migration: add a new one at the end.
/// </summary>
/// <remarks>
/// Conventions: every table has <c>tenant_id</c> first in its key, and every query filters by it (the Cosmos adapter
/// partitions by tenant). Aggregates are stored as JSON documents (<c>TimelineJson.Options</c>), which keep the
/// original UTC offsets; instants that SQL compares or orders by are also stored in their own columns as UTC ISO-8601
/// round-trip text (<c>yyyy-MM-ddTHH:mm:ss.fffffff+00:00</c>), which sorts as text in time order.
/// </remarks>
internal static class SqliteMigrations
{
    private const string Initial = """
        CREATE TABLE ideas (
            tenant_id     TEXT    NOT NULL,
            id            TEXT    NOT NULL,
            version       INTEGER NOT NULL,
            submitted_utc TEXT    NOT NULL,
            document      TEXT    NOT NULL,
            PRIMARY KEY (tenant_id, id)
        );

        CREATE TABLE networks (
            tenant_id    TEXT    NOT NULL,
            id           TEXT    NOT NULL,
            version      INTEGER NOT NULL,
            created_utc  TEXT    NOT NULL,
            next_due_utc TEXT    NULL,
            network      TEXT    NOT NULL,
            timeline     TEXT    NULL,
            PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX ix_networks_next_due ON networks (tenant_id, next_due_utc, id) WHERE next_due_utc IS NOT NULL;

        CREATE TABLE outbox (
            seq              INTEGER PRIMARY KEY,
            tenant_id        TEXT    NOT NULL,
            key              TEXT    NOT NULL,
            created_utc      TEXT    NOT NULL,
            state            TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'dead-letter')),
            attempts         INTEGER NOT NULL DEFAULT 0,
            next_attempt_utc TEXT    NOT NULL,
            last_error       TEXT    NULL,
            delivered_utc    TEXT    NULL,
            document         TEXT    NOT NULL,
            UNIQUE (tenant_id, key)
        );
        CREATE INDEX ix_outbox_due ON outbox (next_attempt_utc, seq) WHERE state = 'pending';

        CREATE TABLE surveys (
            tenant_id  TEXT NOT NULL,
            id         TEXT NOT NULL,
            network_id TEXT NOT NULL,
            sent_utc   TEXT NOT NULL,
            document   TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX ix_surveys_network ON surveys (tenant_id, network_id, sent_utc);

        CREATE TABLE survey_invitations (
            tenant_id       TEXT NOT NULL,
            survey_id       TEXT NOT NULL,
            recipient_key   TEXT NOT NULL,
            recipient_email TEXT NOT NULL,
            recipient_name  TEXT NOT NULL,
            token_hash      TEXT NOT NULL,
            expires_utc     TEXT NOT NULL,
            answered_utc    TEXT NULL,
            PRIMARY KEY (tenant_id, token_hash)
        );
        CREATE INDEX ix_survey_invitations_recipient ON survey_invitations (tenant_id, survey_id, recipient_key);

        CREATE TABLE survey_responses (
            seq           INTEGER PRIMARY KEY,
            tenant_id     TEXT NOT NULL,
            survey_id     TEXT NOT NULL,
            submitted_utc TEXT NOT NULL,
            document      TEXT NOT NULL
        );
        CREATE INDEX ix_survey_responses_survey ON survey_responses (tenant_id, survey_id, submitted_utc);

        CREATE TABLE involvements (
            tenant_id      TEXT NOT NULL,
            id             TEXT NOT NULL,
            network_id     TEXT NOT NULL,
            date           TEXT NOT NULL,
            registered_utc TEXT NOT NULL,
            document       TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX ix_involvements_network ON involvements (tenant_id, network_id, date);

        CREATE TABLE staff_users (
            tenant_id TEXT NOT NULL,
            email     TEXT NOT NULL,
            document  TEXT NOT NULL,
            PRIMARY KEY (tenant_id, email)
        );

        CREATE TABLE sign_in_tokens (
            tenant_id   TEXT NOT NULL,
            token_hash  TEXT NOT NULL,
            email       TEXT NOT NULL,
            expires_utc TEXT NOT NULL,
            used_utc    TEXT NULL,
            PRIMARY KEY (tenant_id, token_hash)
        );
        """;

    // A step marks one step done, yet rewrote the whole 15-35 KB timeline with its row. The plan now has a table of its
    // own, written when it changes; the row keeps the steps done since (docs/decisions/004).
    private const string TimelinePlans = """
        CREATE TABLE timeline_plans (
            tenant_id  TEXT NOT NULL,
            network_id TEXT NOT NULL,
            plan       TEXT NOT NULL,
            PRIMARY KEY (tenant_id, network_id)
        );
        INSERT INTO timeline_plans (tenant_id, network_id, plan)
            SELECT tenant_id, id, timeline FROM networks WHERE timeline IS NOT NULL;
        ALTER TABLE networks DROP COLUMN timeline;
        ALTER TABLE networks ADD COLUMN progress TEXT NULL;
        """;

    // Sessions live on the server so that signing out and deactivation end them; a digest period is recorded in the
    // transaction that queues the digest, so a restart never decides the same period again.
    private const string SessionsAndPeriods = """
        CREATE TABLE staff_sessions (
            tenant_id    TEXT NOT NULL,
            session_hash TEXT NOT NULL,
            email        TEXT NOT NULL,
            created_utc  TEXT NOT NULL,
            expires_utc  TEXT NOT NULL,
            revoked_utc  TEXT NULL,
            PRIMARY KEY (tenant_id, session_hash)
        );
        CREATE INDEX ix_staff_sessions_email ON staff_sessions (tenant_id, email) WHERE revoked_utc IS NULL;
        CREATE INDEX ix_sign_in_tokens_email ON sign_in_tokens (tenant_id, email) WHERE used_utc IS NULL;

        CREATE TABLE outbox_periods (
            tenant_id    TEXT NOT NULL,
            period       TEXT NOT NULL,
            recorded_utc TEXT NOT NULL,
            PRIMARY KEY (tenant_id, period)
        );
        """;

    /// <summary>When a sender took the entry and has not yet recorded the outcome (IOutbox.ClaimAsync).</summary>
    private const string OutboxClaims = """
        ALTER TABLE outbox ADD COLUMN claimed_utc TEXT;
        """;

    /// <summary>
    /// A message's bodies and attachments (~4 KB) live apart from its envelope (~350 B) until it is sent, then the row is
    /// deleted: whole pages go back to the free list and the next messages reuse them, where shrinking the outbox row in
    /// place left its pages two-thirds empty (~2 KB of file per delivered e-mail). Pending messages move over.
    /// </summary>
    private const string OutboxBodies = """
        CREATE TABLE outbox_bodies (
            seq  INTEGER PRIMARY KEY,
            body TEXT NOT NULL
        );
        INSERT INTO outbox_bodies (seq, body)
            SELECT seq, json_object('textBody', json_extract(document, '$.message.textBody'),
                                    'htmlBody', json_extract(document, '$.message.htmlBody'),
                                    'attachments', json_extract(document, '$.message.attachments'))
            FROM outbox WHERE state <> 'delivered';
        UPDATE outbox SET document = json_set(document, '$.message.textBody', '', '$.message.htmlBody', '', '$.message.attachments', json('[]'))
            WHERE state <> 'delivered';
        """;

    /// <summary>
    /// The idea's status, read from its document by SQLite itself (a virtual column: nothing more is stored but the index),
    /// so the runner's round finds the ideas in review without reading every idea ever submitted.
    /// </summary>
    private const string IdeasByStatus = """
        ALTER TABLE ideas ADD COLUMN status TEXT GENERATED ALWAYS AS (json_extract(document, '$.status')) VIRTUAL;
        CREATE INDEX ix_ideas_status ON ideas (tenant_id, status, submitted_utc, id);
        """;

    /// <summary>
    /// The networks in the order they are listed (oldest first), so listing them all — each week's and month's digests do
    /// — walks an index instead of sorting every row with its plan (~14 KB each): SQLite's sorter spilled that to
    /// temporary files, 7 KB written per e-mail over the year at 1,000 networks.
    /// </summary>
    private const string NetworksByCreation = """
        CREATE INDEX ix_networks_created ON networks (tenant_id, created_utc, id);
        """;

    /// <summary>
    /// The network's document in a row of its own, written only when it changes. The row every step rewrites (version,
    /// next due instant, progress) carried the ~1.5 KB document with it: SQLite writes a changed record whole, overflow
    /// pages and all, so a step wrote ~6 pages of 1 KiB where ~3 do (docs/benchmarks.md).
    /// </summary>
    private const string NetworkDocuments = """
        CREATE TABLE network_documents (
            tenant_id  TEXT NOT NULL,
            network_id TEXT NOT NULL,
            network    TEXT NOT NULL,
            PRIMARY KEY (tenant_id, network_id)
        );
        INSERT INTO network_documents (tenant_id, network_id, network) SELECT tenant_id, id, network FROM networks;
        ALTER TABLE networks DROP COLUMN network;
        """;

    /// <summary>
    /// The outbox's last sequence number when a period was recorded: every entry up to it was committed before that
    /// period, so a read of entries created since an instant well after the period skips them by sequence number instead
    /// of reading each row's creation time (SqliteOutbox, "sent last week" in every weekly digest).
    /// </summary>
    private const string PeriodMarks = """
        ALTER TABLE outbox_periods ADD COLUMN outbox_seq INTEGER NULL;
        """;

    /// <summary>Versions of the survey question sets; a version is never replaced.</summary>
    private const string QuestionSets = """
        CREATE TABLE question_sets (
            tenant_id    TEXT NOT NULL,
            network_type TEXT NOT NULL,
            survey_kind  TEXT NOT NULL,
            version      INTEGER NOT NULL,
            document     TEXT NOT NULL,
            PRIMARY KEY (tenant_id, network_type, survey_kind, version)
        );
        """;

    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "Initial schema: ideas, networks, outbox, surveys, involvement, staff access", Initial),
        new(2, "Timeline plans apart from their progress", TimelinePlans),
        new(3, "Server-side sessions, newest sign-in link only, outbox periods", SessionsAndPeriods),
        new(4, "Outbox claims (a sender's hold on an entry while it sends)", OutboxClaims),
        new(5, "Survey question sets, versioned", QuestionSets),
        new(6, "Outbox bodies apart from their envelopes, deleted once sent", OutboxBodies),
        new(7, "Ideas indexed by status", IdeasByStatus),
        new(8, "Networks indexed by creation, the order they are listed in", NetworksByCreation),
        new(9, "Network documents apart from the row each step rewrites", NetworkDocuments),
        new(10, "Outbox periods mark the outbox's sequence number they were recorded at", PeriodMarks),
    ];

    /// <summary>The schema version this build expects.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>
    /// Turns on WAL and applies the migrations the database lacks, all in one immediate (write-locking) transaction,
    /// so two processes starting at once do not both migrate. Returns how many were applied.
    /// </summary>
    public static async Task<int> ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // The page size takes effect only while the file is still empty (before WAL is turned on and the first table
        // exists); an existing database keeps the size it was created with. See SqliteDatabase.PageSize.
        await ExecuteAsync(connection, null, $"PRAGMA page_size = {SqliteDatabase.PageSize};", cancellationToken);

        // journal_mode cannot change inside a transaction; it is persistent, so this is a no-op after the first time.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);

        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                name        TEXT NOT NULL,
                applied_utc TEXT NOT NULL
            );
            """, cancellationToken);

        long current;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            current = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database has schema version {current}, newer than this build's {LatestVersion}. Update the application.");
        }

        var applied = 0;
        foreach (var migration in All.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_utc) VALUES (@version, @name, @applied);";
            record.Parameters.AddWithValue("@version", migration.Version);
            record.Parameters.AddWithValue("@name", migration.Name);
            record.Parameters.AddWithValue("@applied", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied++;
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
