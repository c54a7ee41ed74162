using Netvaerk.Domain.Ports;

namespace Netvaerk.Local.Runner;

/// <summary>On one machine every runner round follows up all pending decisions, so a change only wakes the runner.</summary>
public sealed class LocalApprovalEngine(RunnerSignal signal) : IApprovalEngine
{
    public Task TrackAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public Task SignalAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
