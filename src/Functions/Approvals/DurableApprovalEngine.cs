using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Netvaerk.Domain.Ports;
using Netvaerk.Functions.Timelines;

namespace Netvaerk.Functions.Approvals;

/// <summary><see cref="IApprovalEngine"/> on Durable Functions: one <see cref="IdeaApproval"/> instance per idea.</summary>
public sealed class DurableApprovalEngine(DurableClients clients) : IApprovalEngine
{
    public async Task TrackAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default)
    {
        var instanceId = ApprovalInput.InstanceIdFor(tenantId, ideaId);
        if (DurableClients.IsLive(await clients.Current.GetInstanceAsync(instanceId, cancellationToken)))
        {
            await clients.Current.RaiseEventAsync(instanceId, IdeaApproval.ChangedEvent, new IdeaChanged(ideaId), cancellationToken);
            return;
        }

        await clients.Current.ScheduleNewOrchestrationInstanceAsync(nameof(IdeaApproval), new ApprovalInput(tenantId, ideaId),
            new StartOrchestrationOptions(instanceId), cancellationToken);
    }

    public async Task SignalAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default)
    {
        // An idea never routed has no follow-up to wake.
        var instanceId = ApprovalInput.InstanceIdFor(tenantId, ideaId);
        if (!DurableClients.IsLive(await clients.Current.GetInstanceAsync(instanceId, cancellationToken))) return;
        await clients.Current.RaiseEventAsync(instanceId, IdeaApproval.ChangedEvent, new IdeaChanged(ideaId), cancellationToken);
    }
}
