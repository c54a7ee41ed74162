using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Local.Runner;

/// <summary>
/// On one machine the stored state is the timeline (the change was already applied and saved by the workflow), and
/// every runner round follows up all pending decisions; so driving a timeline or an approval only means waking the runner.
/// </summary>
public sealed class LocalTimelineEngine(RunnerSignal signal) : ITimelineEngine, IApprovalEngine
{
    public Task StartAsync(string tenantId, string networkId, CancellationToken cancellationToken = default) => WakeAsync();

    public Task SignalAsync(string tenantId, string networkId, TimelineChange change, CancellationToken cancellationToken = default) => WakeAsync();

    public Task TrackAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default) => WakeAsync();

    public Task SignalAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default) => WakeAsync();

    private Task WakeAsync()
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
