using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// Networks with their timelines: the network and the timeline as two JSON documents in one row with one row
/// version, plus <c>next_due_utc</c> (<see cref="NetworkRecord.NextDueUtc"/>, indexed) for the local runner.
/// <see cref="AddAsync"/> of an id that exists throws <see cref="InvalidOperationException"/>;
/// <see cref="ReplaceAsync"/> with a stale token throws <see cref="ConcurrencyException"/> and of an unknown id
/// <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>
/// Timelines are immutable values, so the last one read or written per network is kept with its row version and
/// reused while the row is unchanged: the runner reads a network right after writing it, and the weekly digest
/// reads them all; parsing 15-35 KB of JSON each time was a large share of a simulated year (docs/benchmarks).
/// </remarks>
public sealed class SqliteNetworkStore(SqliteDatabase database) : INetworkStore
{
    private const int MaxCachedTimelines = 20_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tenant, string Id), (long Version, TimelineState? Timeline)> _timelines = new();

    public async Task<Versioned<NetworkRecord>?> FindAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(networkId);
        if (SqliteValues.GuidKey(networkId) is not { } id)
        {
            return null;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT network, timeline, version, id FROM networks WHERE tenant_id = @tenant AND id = @id;")
            .With("@tenant", tenantId).With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(tenantId, reader) : null;
    }

    public async Task<IReadOnlyList<Versioned<NetworkRecord>>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT network, timeline, version, id FROM networks WHERE tenant_id = @tenant ORDER BY created_utc, id;")
            .With("@tenant", tenantId);
        return await command.ReadAllAsync(reader => Read(tenantId, reader), cancellationToken);
    }

    public async Task<string> AddAsync(string tenantId, NetworkRecord network, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(network);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Bind(connection.Command("""
            INSERT INTO networks (tenant_id, id, version, created_utc, next_due_utc, network, timeline)
            VALUES (@tenant, @id, 1, @created, @nextDue, @network, @timeline)
            ON CONFLICT (tenant_id, id) DO NOTHING;
            """), tenantId, network);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"Network {network.Network.Id} already exists in tenant {tenantId}.");
        }

        Remember(tenantId, SqliteValues.Key(network.Network.Id), 1, network.Timeline);
        return SqliteValues.ETag(1);
    }

    public async Task<string> ReplaceAsync(string tenantId, NetworkRecord network, string etag, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(etag);
        var version = SqliteValues.ParseETag(etag);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Bind(connection.Command("""
            UPDATE networks
            SET version = version + 1, created_utc = @created, next_due_utc = @nextDue, network = @network, timeline = @timeline
            WHERE tenant_id = @tenant AND id = @id AND version = @version;
            """), tenantId, network).With("@version", version);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            Remember(tenantId, SqliteValues.Key(network.Network.Id), version + 1, network.Timeline);
            return SqliteValues.ETag(version + 1);
        }

        await using var exists = connection.Command("SELECT 1 FROM networks WHERE tenant_id = @tenant AND id = @id;")
            .With("@tenant", tenantId).With("@id", SqliteValues.Key(network.Network.Id));
        throw await exists.ExecuteScalarAsync(cancellationToken) is null
            ? new InvalidOperationException($"Network {network.Network.Id} does not exist in tenant {tenantId}; add it first.")
            : new ConcurrencyException();
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

    private static SqliteCommand Bind(SqliteCommand command, string tenantId, NetworkRecord record) =>
        command
            .With("@tenant", tenantId)
            .With("@id", SqliteValues.Key(record.Network.Id))
            .With("@created", SqliteValues.Instant(record.Network.CreatedAt))
            .With("@nextDue", SqliteValues.InstantOrNull(record.NextDueUtc))
            .With("@network", TimelineJson.Serialize(record.Network))
            .With("@timeline", record.Timeline is null ? null : TimelineJson.Serialize(record.Timeline));

    private Versioned<NetworkRecord> Read(string tenantId, SqliteDataReader reader)
    {
        // The network is a mutable aggregate, so it is always read fresh; the immutable timeline may be shared.
        var network = TimelineJson.Deserialize<Network>(reader.GetString(0));
        var version = reader.GetInt64(2);
        var id = reader.GetString(3);
        TimelineState? timeline;
        if (_timelines.TryGetValue((tenantId, id), out var cached) && cached.Version == version)
        {
            timeline = cached.Timeline;
        }
        else
        {
            timeline = reader.IsDBNull(1) ? null : TimelineJson.Deserialize<TimelineState>(reader.GetString(1));
            Remember(tenantId, id, version, timeline);
        }

        return new Versioned<NetworkRecord>(new NetworkRecord(network, timeline), SqliteValues.ETag(version));
    }

    private void Remember(string tenantId, string id, long version, TimelineState? timeline)
    {
        if (_timelines.Count >= MaxCachedTimelines) _timelines.Clear();
        _timelines[(tenantId, id)] = (version, timeline);
    }
}
