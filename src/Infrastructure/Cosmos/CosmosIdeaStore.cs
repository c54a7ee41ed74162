using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>Ideas: one document per idea in <c>ideas</c>, id <c>idea:{guid}</c>, the idea under <c>body</c>.</summary>
public sealed class CosmosIdeaStore(CosmosDatabase database) : IIdeaStore
{
    private readonly CosmosCollection _ideas = new(database, "ideas");

    public async Task<Versioned<Idea>?> FindAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(ideaId);
        if (!Guid.TryParse(ideaId, out var id)) return null;
        return await _ideas.ReadAsync(tenantId, DocumentId(id), cancellationToken) is { } document ? Read(document) : null;
    }

    public async Task<IReadOnlyList<Versioned<Idea>>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var documents = await _ideas.QueryAsync(tenantId, "true", null, cancellationToken);
        return documents
            .OrderBy(d => d.String("submittedUtc"), StringComparer.Ordinal)
            .ThenBy(d => d.String("id"), StringComparer.Ordinal)
            .Select(Read)
            .ToList();
    }

    public async Task<string> AddAsync(string tenantId, Idea idea, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(idea);
        return await _ideas.CreateAsync(tenantId, Document(tenantId, idea), cancellationToken)
            ?? throw new InvalidOperationException($"Idea {idea.Id} already exists in tenant {tenantId}.");
    }

    public Task<string> ReplaceAsync(string tenantId, Idea idea, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(idea);
        ArgumentNullException.ThrowIfNull(etag);
        return _ideas.ReplaceAsync(tenantId, DocumentId(idea.Id), Document(tenantId, idea), etag, cancellationToken);
    }

    private static string DocumentId(Guid id) => $"idea:{id:D}";

    private static byte[] Document(string tenantId, Idea idea) =>
        CosmosValues.Document(DocumentId(idea.Id), tenantId, idea, w => w.WriteString("submittedUtc", CosmosValues.Instant(idea.SubmittedAt)));

    private static Versioned<Idea> Read(StoredDocument document) => new(document.Body<Idea>(), document.ETag);
}
