using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>Involvement registrations as JSON documents, listed per network by date, then registration time.</summary>
public sealed class SqliteInvolvementStore(SqliteDatabase database) : IInvolvementStore
{
    public async Task<bool> AddAsync(string tenantId, InvolvementRecord record, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.Id);
        var document = TimelineJson.Serialize(record);
        return await database.ExecuteAsync("""
            INSERT INTO involvements (tenant_id, id, network_id, date, registered_utc, document)
            VALUES (@tenant, @id, @network, @date, @registered, @document)
            ON CONFLICT (tenant_id, id) DO NOTHING;
            """, command => command
                .With("@tenant", tenantId)
                .With("@id", record.Id)
                .With("@network", record.NetworkId)
                .With("@date", SqliteValues.Date(record.Date))
                .With("@registered", SqliteValues.Instant(record.RegisteredAt))
                .With("@document", document), cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<InvolvementRecord>> ListAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(networkId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT document FROM involvements
            WHERE tenant_id = @tenant AND network_id = @network
            ORDER BY date, registered_utc, id;
            """).With("@tenant", tenantId).With("@network", networkId);
        return await command.ReadAllAsync(reader => reader.Json<InvolvementRecord>(0), cancellationToken);
    }
}
