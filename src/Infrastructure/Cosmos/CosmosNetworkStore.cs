using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>
/// Networks with their timelines: one document per network in <c>networks</c>, id <c>network:{guid}</c>; the record
/// (network and timeline) under <c>body</c>, and <c>nextDueUtc</c> (<see cref="NetworkRecord.NextDueUtc"/> as
/// fixed-width UTC text, null when nothing is due) in the envelope for the due queries.
/// </summary>
public sealed class CosmosNetworkStore(CosmosDatabase database) : INetworkStore
{
    private readonly CosmosCollection _networks = new(database, "networks");

    public async Task<Versioned<NetworkRecord>?> FindAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(networkId);
        if (!Guid.TryParse(networkId, out var id)) return null;
        return await _networks.ReadAsync(tenantId, DocumentId(id), cancellationToken) is { } document ? Read(document) : null;
    }

    public async Task<IReadOnlyList<Versioned<NetworkRecord>>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var documents = await _networks.QueryAsync(tenantId, "true", null, cancellationToken);
        return documents
            .OrderBy(d => d.String("createdUtc"), StringComparer.Ordinal)
            .ThenBy(d => d.String("id"), StringComparer.Ordinal)
            .Select(Read)
            .ToList();
    }

    public async Task<string> AddAsync(string tenantId, NetworkRecord network, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(network);
        return await _networks.CreateAsync(tenantId, Document(tenantId, network), cancellationToken)
            ?? throw new InvalidOperationException($"Network {network.Network.Id} already exists in tenant {tenantId}.");
    }

    public Task<string> ReplaceAsync(string tenantId, NetworkRecord network, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(etag);
        return _networks.ReplaceAsync(tenantId, DocumentId(network.Network.Id), Document(tenantId, network), etag, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> DueAsync(string tenantId, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var documents = await _networks.QueryAsync(tenantId, "IS_STRING(c.nextDueUtc) AND c.nextDueUtc <= @until",
            new Dictionary<string, object?> { ["@until"] = CosmosValues.Instant(until) }, cancellationToken, "c.id, c.networkId, c.nextDueUtc");
        return documents
            .OrderBy(d => d.String("nextDueUtc"), StringComparer.Ordinal)
            .ThenBy(d => d.String("networkId"), StringComparer.Ordinal)
            .Select(d => d.String("networkId"))
            .ToList();
    }

    public async Task<DateTimeOffset?> NextDueAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var documents = await _networks.QueryAsync(tenantId, "IS_STRING(c.nextDueUtc)", null, cancellationToken, "c.nextDueUtc");
        return documents.Select(d => d.String("nextDueUtc")).Min(StringComparer.Ordinal) is { } next ? CosmosValues.ParseInstant(next) : null;
    }

    private static string DocumentId(Guid id) => $"network:{id:D}";

    private static byte[] Document(string tenantId, NetworkRecord record) =>
        CosmosValues.Document(DocumentId(record.Network.Id), tenantId, record, w =>
        {
            w.WriteString("networkId", record.Network.Id.ToString("D"));
            w.WriteString("createdUtc", CosmosValues.Instant(record.Network.CreatedAt));
            if (record.NextDueUtc is { } due) w.WriteString("nextDueUtc", CosmosValues.Instant(due));
            else w.WriteNull("nextDueUtc");
        });

    private static Versioned<NetworkRecord> Read(StoredDocument document) => new(document.Body<NetworkRecord>(), document.ETag);
}
