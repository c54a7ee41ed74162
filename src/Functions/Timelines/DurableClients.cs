using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Netvaerk.Functions.Timelines;

/// <summary>
/// The Durable client of the current invocation. In the isolated worker the client is a function binding, not a
/// service, so the function that has it lends it to the engines for the rest of its call (an async-local value).
/// </summary>
public sealed class DurableClients
{
    private readonly AsyncLocal<DurableTaskClient?> _current = new();
    private readonly DurableTaskClient? _fixed;

    public DurableClients()
    {
    }

    /// <summary>One client for every call (tests, tools).</summary>
    public DurableClients(DurableTaskClient client) => _fixed = client;

    public DurableTaskClient Current => _current.Value ?? _fixed
        ?? throw new InvalidOperationException("No Durable client in this call: the function must bind [DurableClient] and lend it with Use.");

    /// <summary>Scheduled, running or suspended: an instance that will still take events.</summary>
    public static bool IsLive(OrchestrationMetadata? instance) => instance?.RuntimeStatus is
        OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    public IDisposable Use(DurableTaskClient client)
    {
        var previous = _current.Value;
        _current.Value = client;
        return new Restore(() => _current.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
