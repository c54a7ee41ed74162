using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Ports;

/// <summary>
/// Every store works inside one tenant (municipality): the tenant id is the Cosmos partition key, so no query
/// ever crosses partitions.
/// </summary>
public interface IIdeaStore
{
    Task<Versioned<Idea>?> FindAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Versioned<Idea>>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ideas in one status, in the order of <see cref="ListAsync"/>. The local runner asks for the ideas in review every
    /// round, while all ideas ever submitted keep growing: a store with an index answers from it (SQLite); the default
    /// filters the whole list.
    /// </summary>
    async Task<IReadOnlyList<Versioned<Idea>>> ListByStatusAsync(string tenantId, IdeaStatus status, CancellationToken cancellationToken = default) =>
        (await ListAsync(tenantId, cancellationToken)).Where(i => i.Value.Status == status).ToList();

    /// <summary>Stores a new idea; returns its concurrency token.</summary>
    Task<string> AddAsync(string tenantId, Idea idea, CancellationToken cancellationToken = default);

    /// <summary>Replaces the idea if it is unchanged since <paramref name="etag"/>; returns the new token.</summary>
    Task<string> ReplaceAsync(string tenantId, Idea idea, string etag, CancellationToken cancellationToken = default);
}

/// <summary>A network with its timeline (null while it is a draft) as one stored document.</summary>
public sealed record NetworkRecord(Network Network, TimelineState? Timeline)
{
    /// <summary>
    /// When the runner must look at this network next (indexed); null when nothing is pending, and while paused —
    /// a paused timeline waits for a change, and an overdue step must not keep it "due".
    /// </summary>
    public DateTimeOffset? NextDueUtc => Timeline is { Status: not TimelineStatus.Paused } timeline
        ? timeline.NextPending()?.RunAt.ToUniversalTime()
        : null;
}

public interface INetworkStore
{
    Task<Versioned<NetworkRecord>?> FindAsync(string tenantId, string networkId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Versioned<NetworkRecord>>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<string> AddAsync(string tenantId, NetworkRecord network, CancellationToken cancellationToken = default);

    Task<string> ReplaceAsync(string tenantId, NetworkRecord network, string etag, CancellationToken cancellationToken = default);

    /// <summary>Ids of networks with a step due at or before the instant (the local runner's query).</summary>
    Task<IReadOnlyList<string>> DueAsync(string tenantId, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>The earliest due instant of any network, so the runner knows how long it may sleep.</summary>
    Task<DateTimeOffset?> NextDueAsync(string tenantId, CancellationToken cancellationToken = default);
}
