using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Workflow;

/// <summary>The leader registers citizen and stakeholder involvement: who, how many, how.</summary>
public sealed class InvolvementWorkflow(IInvolvementStore involvement, INetworkStore networks, WorkflowSettings settings, TimeProvider time)
{
    private string Tenant => settings.TenantId;

    public async Task<InvolvementRecord> RegisterAsync(
        Guid networkId, StakeholderGroup group, string who, int howMany, string how, DateOnly date, string registeredBy,
        CancellationToken cancellationToken = default)
    {
        var network = await networks.FindAsync(Tenant, networkId.ToString(), cancellationToken)
            ?? throw new NotFoundException($"Netværket {networkId} findes ikke.");
        if (network.Value.Timeline is null)
        {
            throw new DomainException("illegal-transition", "Inddragelse kan først registreres, når netværket er startet.");
        }

        var record = new InvolvementRecord(Guid.NewGuid().ToString(), networkId.ToString(), group, who, howMany, how, date,
            time.GetUtcNow(), registeredBy);
        await involvement.AddAsync(Tenant, record, cancellationToken);
        return record;
    }

    public Task<IReadOnlyList<InvolvementRecord>> ListAsync(Guid networkId, CancellationToken cancellationToken = default) =>
        involvement.ListAsync(Tenant, networkId.ToString(), cancellationToken);
}
