using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Local.Runner;

/// <summary>
/// On one machine the stored state is the timeline (the change was already applied and saved by the workflow),
/// so driving it only means waking the runner.
/// </summary>
public sealed class LocalTimelineEngine(RunnerSignal signal) : ITimelineEngine
{
    public Task StartAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public Task SignalAsync(string tenantId, string networkId, TimelineChange change, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
