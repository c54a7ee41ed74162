using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Functions.Timelines;

/// <summary>
/// <see cref="ITimelineEngine"/> on Durable Functions: starting a network schedules its orchestration (once: the instance
/// id is the network's), and a stored change wakes it with the <see cref="NetworkTimeline.ChangedEvent"/> event. The
/// change itself is already in the store when this is called; the event carries only its name.
/// </summary>
public sealed class DurableTimelineEngine(DurableClients clients) : ITimelineEngine
{
    public async Task StartAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        var instanceId = TimelineInput.InstanceIdFor(tenantId, networkId);

        // A start repeated (a retried request) must not create a second run beside a running one.
        if (DurableClients.IsLive(await clients.Current.GetInstanceAsync(instanceId, cancellationToken))) return;
        await clients.Current.ScheduleNewOrchestrationInstanceAsync(nameof(NetworkTimeline), new TimelineInput(tenantId, networkId),
            new StartOrchestrationOptions(instanceId), cancellationToken);
    }

    public Task SignalAsync(string tenantId, string networkId, TimelineChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return clients.Current.RaiseEventAsync(TimelineInput.InstanceIdFor(tenantId, networkId), NetworkTimeline.ChangedEvent,
            new TimelineChanged(change.GetType().Name), cancellationToken);
    }
}
