using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Ports;

/// <summary>A leader's registration of citizen or stakeholder involvement: who, how many, how.</summary>
public sealed record InvolvementRecord(
    string Id,
    string NetworkId,
    StakeholderGroup Group,
    string Who,
    int HowMany,
    string How,
    DateOnly Date,
    DateTimeOffset RegisteredAt,
    string RegisteredBy);

public interface IInvolvementStore
{
    /// <summary>Stores the record unless one with its id exists; returns whether it was added.</summary>
    Task<bool> AddAsync(string tenantId, InvolvementRecord record, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InvolvementRecord>> ListAsync(string tenantId, string networkId, CancellationToken cancellationToken = default);
}
