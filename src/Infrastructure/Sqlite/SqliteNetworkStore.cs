using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// Networks with their timelines. A row of <c>networks</c> holds the row version, <c>next_due_utc</c>
/// (<see cref="NetworkRecord.NextDueUtc"/>, indexed) for the local runner, and the timeline's progress: the steps done
/// since its plan, which <c>timeline_plans</c> holds and which is written only when the plan itself changes (start, a
/// moved meeting, pause). The network itself, a JSON document, is in <c>network_documents</c>, written only when it
/// changes (migration 9). All are written in one transaction under the one version.
/// <see cref="AddAsync"/> of an id that exists throws <see cref="InvalidOperationException"/>;
/// <see cref="ReplaceAsync"/> with a stale token throws <see cref="ConcurrencyException"/> and of an unknown id
/// <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>
/// Timelines are immutable values, so the last one read or written per network is kept with its row version and plan,
/// and reused while the row is unchanged: the runner reads a network right after writing it, and the weekly digest
/// reads them all. The cached plan is also what a replace compares with (<see cref="TimelineState.ProgressSince"/>) to
/// decide whether only the progress needs writing; without it (another process wrote, or the cache was emptied) the
/// plan is simply written again.
/// </remarks>
public sealed class SqliteNetworkStore(SqliteDatabase database) : INetworkStore
{
    private const int MaxCachedTimelines = 20_000;

    // The row without its plan: the plan (~12 KB, overflow pages SQLite reads whenever the column is selected) is fetched
    // only for a version the cache does not hold. A step reads its network, and each digest reads them all.
    private const string Columns = "d.network, n.progress, n.version, n.id";

    private const string WithDocuments = "networks n JOIN network_documents d ON d.tenant_id = n.tenant_id AND d.network_id = n.id";

    private const string PlanOf = "SELECT plan FROM timeline_plans WHERE tenant_id = @tenant AND network_id = @id;";

    private const string UpdateKeepingCreated = """
        UPDATE networks
        SET version = version + 1, next_due_utc = @nextDue, progress = @progress
        WHERE tenant_id = @tenant AND id = @id AND version = @version AND created_utc = @created;
        """;

    private const string UpdateWithCreated = """
        UPDATE networks
        SET version = version + 1, created_utc = @created, next_due_utc = @nextDue, progress = @progress
        WHERE tenant_id = @tenant AND id = @id AND version = @version;
        """;

    // Most steps leave the document as it was; SQLite compares the texts and writes nothing then.
    private const string UpdateDocument = """
        UPDATE network_documents SET network = @network
        WHERE tenant_id = @tenant AND network_id = @id AND network IS NOT @network;
        """;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tenant, string Id), Cached> _timelines = new();

    public async Task<Versioned<NetworkRecord>?> FindAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(networkId);
        if (SqliteValues.GuidKey(networkId) is not { } id)
        {
            return null;
        }

        // One statement, so the row and its plan come from one snapshot; the plan's subquery runs only when the row's
        // version is not the one cached (versions start at 1).
        var known = _timelines.GetValueOrDefault((tenantId, id));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"""
            SELECT {Columns}, CASE WHEN n.version = @known THEN NULL ELSE
                (SELECT p.plan FROM timeline_plans p WHERE p.tenant_id = n.tenant_id AND p.network_id = n.id) END
            FROM {WithDocuments} WHERE n.tenant_id = @tenant AND n.id = @id;
            """)
            .With("@tenant", tenantId).With("@id", id).With("@known", known?.Version ?? 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        // The plan is NULL on a cache hit (and for a network without a timeline).
        return Read(tenantId, RowRead.From(reader, known), reader.IsDBNull(4) ? null : reader.Json<TimelineState>(4));
    }

    public async Task<IReadOnlyList<Versioned<NetworkRecord>>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One read transaction: the rows and the plans fetched after them are one snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        IReadOnlyList<RowRead> rows;
        await using (var command = connection.Command($"SELECT {Columns} FROM {WithDocuments} WHERE n.tenant_id = @tenant ORDER BY n.created_utc, n.id;", transaction)
            .With("@tenant", tenantId))
        {
            rows = await command.ReadAllAsync(
                reader => RowRead.From(reader, _timelines.GetValueOrDefault((tenantId, reader.GetString(3)))),
                cancellationToken);
        }

        var networks = new List<Versioned<NetworkRecord>>(rows.Count);
        await using var plan = connection.Command(PlanOf, transaction).With("@tenant", tenantId).With("@id", null);
        foreach (var row in rows)
        {
            TimelineState? planned = null;
            if (!row.CacheHit)
            {
                plan.Parameters["@id"].Value = row.Id;
                await using var reader = await plan.ExecuteReaderAsync(cancellationToken);
                planned = await reader.ReadAsync(cancellationToken) ? reader.Json<TimelineState>(0) : null;
            }

            networks.Add(Read(tenantId, row, planned));
        }

        await transaction.CommitAsync(cancellationToken);
        return networks;
    }

    public async Task<string> AddAsync(string tenantId, NetworkRecord network, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(network);
        var id = SqliteValues.Key(network.Network.Id);
        var row = Row.Of(network);
        var plan = network.Timeline is { } timeline ? TimelineJson.Serialize(timeline) : null;
        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await using (var command = row.Bind(connection.Command("""
                INSERT INTO networks (tenant_id, id, version, created_utc, next_due_utc, progress)
                VALUES (@tenant, @id, 1, @created, @nextDue, NULL)
                ON CONFLICT (tenant_id, id) DO NOTHING;
                """, transaction), tenantId, id))
            {
                if (await command.ExecuteNonQueryAsync(ct) == 0)
                {
                    throw new InvalidOperationException($"Network {network.Network.Id} already exists in tenant {tenantId}.");
                }
            }

            await using (var document = row.Bind(connection.Command("""
                INSERT INTO network_documents (tenant_id, network_id, network) VALUES (@tenant, @id, @network);
                """, transaction), tenantId, id))
            {
                await document.ExecuteNonQueryAsync(ct);
            }

            await WritePlanAsync(connection, transaction, tenantId, id, plan, ct);
            return true;
        }, cancellationToken);
        Remember(tenantId, id, new Cached(1, network.Timeline, network.Timeline, row.Network));
        return SqliteValues.ETag(1);
    }

    public async Task<string> ReplaceAsync(string tenantId, NetworkRecord network, string etag, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(etag);
        var version = SqliteValues.ParseETag(etag);
        var id = SqliteValues.Key(network.Network.Id);

        // Only steps done since the plan this row was written with: a few hundred bytes instead of the whole timeline.
        var known = _timelines.TryGetValue((tenantId, id), out var cached) && cached.Version == version ? cached : null;
        var plan = known?.Plan;
        var progress = plan is not null && network.Timeline is { } timeline ? timeline.ProgressSince(plan) : null;
        var row = Row.Of(network);
        var progressJson = progress is { Count: > 0 } ? TimelineJson.Serialize(progress) : null;
        var planJson = progress is null && network.Timeline is { } newPlan ? TimelineJson.Serialize(newPlan) : null;

        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            // SQLite rewrites an index entry whenever one of its columns is SET, even to the value it has: created_utc
            // (ix_networks_created) cost 1.3 more WAL pages per update that way. So the update leaves it out where the row
            // already has it, and only a record with another creation time (none the domain makes) takes the second one.
            var updated = 0;
            foreach (var sql in new[] { UpdateKeepingCreated, UpdateWithCreated })
            {
                await using var command = row.Bind(connection.Command(sql, transaction), tenantId, id).With("@version", version).With("@progress", progressJson);
                if ((updated = await command.ExecuteNonQueryAsync(ct)) == 1) break;
            }

            if (updated != 1)
            {
                await using var exists = connection.Command("SELECT 1 FROM networks WHERE tenant_id = @tenant AND id = @id;", transaction)
                    .With("@tenant", tenantId).With("@id", id);
                throw await exists.ExecuteScalarAsync(ct) is null
                    ? new InvalidOperationException($"Network {network.Network.Id} does not exist in tenant {tenantId}; add it first.")
                    : new ConcurrencyException();
            }

            // Every change of the document changes the version with it, so the document this store wrote at the version
            // the update matched is the one stored: unchanged, it needs no statement at all.
            if (known?.Document != row.Network)
            {
                await using var document = row.Bind(connection.Command(UpdateDocument, transaction), tenantId, id);
                await document.ExecuteNonQueryAsync(ct);
            }

            if (progress is null) await WritePlanAsync(connection, transaction, tenantId, id, planJson, ct);
            return true;
        }, cancellationToken);

        Remember(tenantId, id, new Cached(version + 1, network.Timeline, progress is null ? network.Timeline : plan, row.Network));
        return SqliteValues.ETag(version + 1);
    }

    public async Task<IReadOnlyList<string>> DueAsync(string tenantId, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT id FROM networks
            WHERE tenant_id = @tenant AND next_due_utc IS NOT NULL AND next_due_utc <= @until
            ORDER BY next_due_utc, id;
            """)
            .With("@tenant", tenantId).With("@until", SqliteValues.Instant(until));
        return await command.ReadAllAsync(reader => reader.GetString(0), cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT next_due_utc FROM networks
            WHERE tenant_id = @tenant AND next_due_utc IS NOT NULL
            ORDER BY next_due_utc
            LIMIT 1;
            """).With("@tenant", tenantId);
        return await command.ExecuteScalarAsync(cancellationToken) is string next ? SqliteValues.ParseInstant(next) : null;
    }

    private static async Task WritePlanAsync(
        SqliteConnection connection, SqliteTransaction transaction, string tenantId, string id, string? plan, CancellationToken cancellationToken)
    {
        await using var command = plan is null
            ? connection.Command("DELETE FROM timeline_plans WHERE tenant_id = @tenant AND network_id = @id;", transaction)
            : connection.Command("""
                INSERT INTO timeline_plans (tenant_id, network_id, plan) VALUES (@tenant, @id, @plan)
                ON CONFLICT (tenant_id, network_id) DO UPDATE SET plan = excluded.plan;
                """, transaction).With("@plan", plan);
        await command.With("@tenant", tenantId).With("@id", id).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The network is a mutable aggregate, so it is always read fresh; the immutable timeline may be shared. The plan is
    /// only read (and parsed) when the cache's entry as the row was read (<see cref="RowRead.Known"/>) is another version;
    /// otherwise <paramref name="plan"/> is null and unused.
    /// </summary>
    private Versioned<NetworkRecord> Read(string tenantId, RowRead row, TimelineState? plan)
    {
        var cached = row.CacheHit ? row.Known : null;
        if (cached is null)
        {
            var progress = row.Progress is null ? [] : TimelineJson.Deserialize<IReadOnlyList<StepDone>>(row.Progress);
            cached = new Cached(row.Version, plan?.WithProgress(progress), plan);
            Remember(tenantId, row.Id, cached);
        }

        return new Versioned<NetworkRecord>(new NetworkRecord(row.Network, cached.Timeline), SqliteValues.ETag(row.Version));
    }

    private void Remember(string tenantId, string id, Cached entry)
    {
        if (_timelines.Count >= MaxCachedTimelines) _timelines.Clear();
        _timelines[(tenantId, id)] = entry;
    }

    /// <summary>
    /// A row version's timeline and the plan it was stored as (the timeline is the plan plus steps done), and the
    /// network's document as this store wrote it at that version (null when the version was read, not written here).
    /// </summary>
    private sealed record Cached(long Version, TimelineState? Timeline, TimelineState? Plan, string? Document = null);

    /// <summary>
    /// A network's row as read, without its plan, and the cache's entry for it at that moment; the progress is only
    /// taken when that entry is another version (a cache hit needs neither).
    /// </summary>
    private sealed record RowRead(Network Network, byte[]? Progress, long Version, string Id, Cached? Known)
    {
        public bool CacheHit => Known?.Version == Version;

        public static RowRead From(SqliteDataReader reader, Cached? known)
        {
            var version = reader.GetInt64(2);
            var progress = known?.Version == version || reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
            return new(reader.Json<Network>(0), progress, version, reader.GetString(3), known);
        }
    }

    /// <summary>The row's columns, prepared before the write lock is taken.</summary>
    private sealed record Row(string Created, object NextDue, string Network)
    {
        public static Row Of(NetworkRecord record) => new(
            SqliteValues.Instant(record.Network.CreatedAt), SqliteValues.InstantOrNull(record.NextDueUtc), TimelineJson.Serialize(record.Network));

        public SqliteCommand Bind(SqliteCommand command, string tenantId, string id) => command
            .With("@tenant", tenantId).With("@id", id).With("@created", Created).With("@nextDue", NextDue).With("@network", Network);
    }
}
