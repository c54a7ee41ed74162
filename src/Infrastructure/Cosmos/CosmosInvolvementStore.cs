using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>Involvement records: one document each in <c>involvement</c>, id <c>involvement:{id}</c>, with the network id.</summary>
public sealed class CosmosInvolvementStore(CosmosDatabase database) : IInvolvementStore
{
    private readonly CosmosCollection _records = new(database, "involvement");

    public async Task<bool> AddAsync(string tenantId, InvolvementRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.Id);
        var document = CosmosValues.Document(CosmosValues.Id("involvement", record.Id), tenantId, record, w =>
        {
            w.WriteString("networkId", record.NetworkId);
            w.WriteString("seq", $"{record.Date:yyyy-MM-dd}|{CosmosValues.Instant(record.RegisteredAt)}|{record.Id}");
        });
        return await _records.CreateAsync(tenantId, document, cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<InvolvementRecord>> ListAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(networkId);
        var documents = await _records.QueryAsync(tenantId, "c.networkId = @network",
            new Dictionary<string, object?> { ["@network"] = networkId }, cancellationToken);
        return documents.OrderBy(d => d.String("seq"), StringComparer.Ordinal).Select(d => d.Body<InvolvementRecord>()).ToList();
    }
}
