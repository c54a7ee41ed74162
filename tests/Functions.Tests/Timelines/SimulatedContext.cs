using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace Netvaerk.Functions.Tests.Timelines;

/// <summary>
/// Test-only: a real <see cref="TaskOrchestrationContext"/> whose clock is simulated; subclasses decide how timers move
/// it. The input travels as a <see cref="SimulatedInput{T}"/> holding the simulated instant, so a <c>ContinueAsNew</c>
/// generation goes on from where the last one stopped. Everything else is the real context's.
/// </summary>
internal abstract class SimulatedContext : TaskOrchestrationContext
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly JsonElement _input;

    /// <param name="start">Where simulated time starts for an input that is not a <see cref="SimulatedInput{T}"/> (an
    /// orchestration scheduled by production code, which knows nothing of simulation).</param>
    protected SimulatedContext(TaskOrchestrationContext inner, DateTime? start)
    {
        Inner = inner;

        // Registered without an input type, the engine hands the input over as JSON.
        var raw = inner.GetInput<JsonElement>();
        // Any letter case: the envelope may have been written by DurableTask.Core's converter or by the SDK's.
        var names = raw.ValueKind == JsonValueKind.Object
            ? raw.EnumerateObject().Select(p => p.Name.ToUpperInvariant()).Where(n => !n.StartsWith('$')).ToHashSet() // DurableTask.Core adds "$type"
            : [];
        if (names.SetEquals(["NOW", "VALUE"]) || names.SetEquals(["NOW", "VALUE", "EVENTSTAKEN"]))
        {
            var envelope = raw.Deserialize<SimulatedInput<JsonElement>>(s_json)!;
            _input = envelope.Value;
            Now = envelope.Now;
            EventsTaken = envelope.EventsTaken;
        }
        else
        {
            _input = raw;
            Now = start ?? throw new InvalidOperationException("A plain input needs the simulated start.");
        }
    }

    protected TaskOrchestrationContext Inner { get; }

    /// <summary>The simulated instant: a function of the history only, so replays see the same.</summary>
    protected DateTime Now { get; set; }

    /// <summary>External events the orchestration has taken, over its generations: also a function of the history.</summary>
    protected int EventsTaken { get; private set; }

    public override TaskName Name => Inner.Name;

    public override string InstanceId => Inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => Inner.Parent;

    public override DateTime CurrentUtcDateTime => Now;

    public override bool IsReplaying => Inner.IsReplaying;

    public override TaskOrchestrationEntityFeature Entities => Inner.Entities;

    protected override ILoggerFactory LoggerFactory => Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    public override string Version => Inner.Version;

    public override T? GetInput<T>() where T : default => _input.Deserialize<T>(s_json);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        Inner.CallActivityAsync<TResult>(name, input, options);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        CountedAsync(Inner.WaitForExternalEvent<T>(eventName, cancellationToken));

    private async Task<T> CountedAsync<T>(Task<T> taken)
    {
        var value = await taken;
        EventsTaken++;
        return value;
    }

    public override void SendEvent(string instanceId, string eventName, object payload) => Inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => Inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        Inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        Inner.ContinueAsNew(new SimulatedInput<object?>(newInput, Now, EventsTaken), preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Inner.ContinueAsNew(new ContinueAsNewOptions
        {
            NewInput = new SimulatedInput<object?>(options.NewInput, Now, EventsTaken),
            NewVersion = options.NewVersion,
            PreserveUnprocessedEvents = options.PreserveUnprocessedEvents,
        });
    }

    public override Guid NewGuid() => Inner.NewGuid();
}

/// <summary>An orchestration's input with the simulated instant it starts at (and the events its generations before took).</summary>
internal sealed record SimulatedInput<T>(T Value, DateTime Now, int EventsTaken = 0);
