using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Ports;

/// <summary>
/// Drives timelines: the Durable orchestrator in Azure, the local runner on one machine. Both only wait, call the
/// domain and save; what happens when is decided by <see cref="TimelineState"/>.
/// </summary>
public interface ITimelineEngine
{
    /// <summary>Begins driving a network whose timeline was just planned and stored.</summary>
    Task StartAsync(string tenantId, string networkId, CancellationToken cancellationToken = default);

    /// <summary>Delivers a leader's change to the running timeline.</summary>
    Task SignalAsync(string tenantId, string networkId, TimelineChange change, CancellationToken cancellationToken = default);
}
