using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// Networks with their timelines. A row of <c>networks</c> holds the network as a JSON document, the row version,
/// <c>next_due_utc</c> (<see cref="NetworkRecord.NextDueUtc"/>, indexed) for the local runner, and the timeline's
/// progress: the steps done since its plan, which <c>timeline_plans</c> holds and which is written only when the
/// plan itself changes (start, a moved meeting, pause). Both are written in one transaction under the one version.
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

    private const string Columns = """
        n.network, p.plan, n.progress, n.version, n.id
        FROM networks n LEFT JOIN timeline_plans p ON p.tenant_id = n.tenant_id AND p.network_id = n.id
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

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} WHERE n.tenant_id = @tenant AND n.id = @id;")
            .With("@tenant", tenantId).With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(tenantId, reader) : null;
    }

    public async Task<IReadOnlyList<Versioned<NetworkRecord>>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} WHERE n.tenant_id = @tenant ORDER BY n.created_utc, n.id;")
            .With("@tenant", tenantId);
        return await command.ReadAllAsync(reader => Read(tenantId, reader), cancellationToken);
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
                INSERT INTO networks (tenant_id, id, version, created_utc, next_due_utc, network, progress)
                VALUES (@tenant, @id, 1, @created, @nextDue, @network, NULL)
                ON CONFLICT (tenant_id, id) DO NOTHING;
                """, transaction), tenantId, id))
            {
                if (await command.ExecuteNonQueryAsync(ct) == 0)
                {
                    throw new InvalidOperationException($"Network {network.Network.Id} already exists in tenant {tenantId}.");
                }
            }

            await WritePlanAsync(connection, transaction, tenantId, id, plan, ct);
            return true;
        }, cancellationToken);
        Remember(tenantId, id, new Cached(1, network.Timeline, network.Timeline));
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
        var plan = _timelines.TryGetValue((tenantId, id), out var cached) && cached.Version == version ? cached.Plan : null;
        var progress = plan is not null && network.Timeline is { } timeline ? timeline.ProgressSince(plan) : null;
        var row = Row.Of(network);
        var progressJson = progress is { Count: > 0 } ? TimelineJson.Serialize(progress) : null;
        var planJson = progress is null && network.Timeline is { } newPlan ? TimelineJson.Serialize(newPlan) : null;

        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await using (var command = row.Bind(connection.Command("""
                UPDATE networks
                SET version = version + 1, created_utc = @created, next_due_utc = @nextDue, network = @network, progress = @progress
                WHERE tenant_id = @tenant AND id = @id AND version = @version;
                """, transaction), tenantId, id).With("@version", version).With("@progress", progressJson))
            {
                if (await command.ExecuteNonQueryAsync(ct) != 1)
                {
                    await using var exists = connection.Command("SELECT 1 FROM networks WHERE tenant_id = @tenant AND id = @id;", transaction)
                        .With("@tenant", tenantId).With("@id", id);
                    throw await exists.ExecuteScalarAsync(ct) is null
                        ? new InvalidOperationException($"Network {network.Network.Id} does not exist in tenant {tenantId}; add it first.")
                        : new ConcurrencyException();
                }
            }

            if (progress is null) await WritePlanAsync(connection, transaction, tenantId, id, planJson, ct);
            return true;
        }, cancellationToken);

        Remember(tenantId, id, new Cached(version + 1, network.Timeline, progress is null ? network.Timeline : plan));
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

    private Versioned<NetworkRecord> Read(string tenantId, SqliteDataReader reader)
    {
        // The network is a mutable aggregate, so it is always read fresh; the immutable timeline may be shared. The plan
        // is only fetched from the row (and parsed) when the cache does not have this version.
        var network = reader.Json<Network>(0);
        var version = reader.GetInt64(3);
        var id = reader.GetString(4);
        if (!_timelines.TryGetValue((tenantId, id), out var cached) || cached.Version != version)
        {
            var plan = reader.IsDBNull(1) ? null : reader.Json<TimelineState>(1);
            var progress = reader.IsDBNull(2) ? [] : reader.Json<IReadOnlyList<StepDone>>(2);
            cached = new Cached(version, plan?.WithProgress(progress), plan);
            Remember(tenantId, id, cached);
        }

        return new Versioned<NetworkRecord>(new NetworkRecord(network, cached.Timeline), SqliteValues.ETag(version));
    }

    private void Remember(string tenantId, string id, Cached entry)
    {
        if (_timelines.Count >= MaxCachedTimelines) _timelines.Clear();
        _timelines[(tenantId, id)] = entry;
    }

    /// <summary>A row version's timeline and the plan it was stored as (the timeline is the plan plus steps done).</summary>
    private sealed record Cached(long Version, TimelineState? Timeline, TimelineState? Plan);

    /// <summary>The row's columns, prepared before the write lock is taken.</summary>
    private sealed record Row(string Created, object NextDue, string Network)
    {
        public static Row Of(NetworkRecord record) => new(
            SqliteValues.Instant(record.Network.CreatedAt), SqliteValues.InstantOrNull(record.NextDueUtc), TimelineJson.Serialize(record.Network));

        public SqliteCommand Bind(SqliteCommand command, string tenantId, string id) => command
            .With("@tenant", tenantId).With("@id", id).With("@created", Created).With("@nextDue", NextDue).With("@network", Network);
    }
}
