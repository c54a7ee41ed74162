using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace Netvaerk.Functions.Tests.Timelines;

/// <summary>
/// Test-only: a real <see cref="TaskOrchestrationContext"/> seen through simulated time, so a year-long timeline runs in
/// seconds on a real Durable engine. Simulated time starts at <paramref name="start"/> and moves only when a timer
/// fires — to that timer's instant, exactly, as the local runner's fake clock does — and each timer waits
/// <paramref name="realPerSimulatedDay"/> of real time per simulated day (at least a few milliseconds). Everything is a
/// function of the history (which timers fired, in order), so replays see the same times. The input travels as a
/// <see cref="SimulatedInput{T}"/> holding the simulated instant, so a <c>ContinueAsNew</c> generation goes on from where
/// the last one stopped.
/// </summary>
internal sealed class SimulatedTimeContext : TaskOrchestrationContext
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly TaskOrchestrationContext inner;
    private readonly TimeSpan realPerSimulatedDay;
    private readonly TimeSpan minimumRealPerTimer;
    private readonly Func<TaskOrchestrationContext, TaskName, Task>? afterActivity;
    private readonly System.Text.Json.JsonElement _input;
    private DateTime _now;

    /// <param name="start">Where simulated time starts for an input that is not a <see cref="SimulatedInput{T}"/> (an
    /// orchestration scheduled by production code, which knows nothing of simulation).</param>
    /// <param name="minimumRealPerTimer">The least real time a timer waits (Azurite's queue visibility is in whole
    /// seconds, so the Azure Storage backend needs more than the in-process engine's few milliseconds).</param>
    /// <param name="afterActivity">Called after each activity with the real context: a later build's extra call, for the
    /// versioning test.</param>
    public SimulatedTimeContext(TaskOrchestrationContext inner, TimeSpan realPerSimulatedDay, DateTime? start = null, TimeSpan? minimumRealPerTimer = null,
        Func<TaskOrchestrationContext, TaskName, Task>? afterActivity = null)
    {
        this.afterActivity = afterActivity;
        this.inner = inner;
        this.realPerSimulatedDay = realPerSimulatedDay;
        this.minimumRealPerTimer = minimumRealPerTimer ?? TimeSpan.FromMilliseconds(5);

        // Registered without an input type, the engine hands the input over as JSON.
        var raw = inner.GetInput<JsonElement>();
        // Any letter case: the envelope may have been written by DurableTask.Core's converter or by the SDK's.
        var names = raw.ValueKind == JsonValueKind.Object
            ? raw.EnumerateObject().Select(p => p.Name.ToUpperInvariant()).Where(n => !n.StartsWith('$')).ToHashSet() // DurableTask.Core adds "$type"
            : [];
        if (names.SetEquals(["NOW", "VALUE"]))
        {
            var envelope = raw.Deserialize<SimulatedInput<JsonElement>>(s_json)!;
            _input = envelope.Value;
            _now = envelope.Now;
        }
        else
        {
            _input = raw;
            _now = start ?? throw new InvalidOperationException("A plain input needs the simulated start.");
        }
    }

    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => inner.IsReplaying;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactoryHolder.Instance;

    public override T? GetInput<T>() where T : default => _input.Deserialize<T>(s_json);

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var result = await inner.CallActivityAsync<TResult>(name, input, options);
        if (afterActivity is not null) await afterActivity(inner, name);
        return result;
    }

    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var simulated = (fireAt.ToUniversalTime() - _now).TotalDays;
        var real = TimeSpan.FromTicks((long)(Math.Max(simulated, 0) * realPerSimulatedDay.Ticks)) + minimumRealPerTimer;
        await inner.CreateTimer(inner.CurrentUtcDateTime + real, cancellationToken);
        if (fireAt.ToUniversalTime() > _now) _now = fireAt.ToUniversalTime();
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(new SimulatedInput<object?>(newInput, _now), preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        inner.ContinueAsNew(new ContinueAsNewOptions
        {
            NewInput = new SimulatedInput<object?>(options.NewInput, _now),
            NewVersion = options.NewVersion,
            PreserveUnprocessedEvents = options.PreserveUnprocessedEvents,
        });
    }

    public override string Version => inner.Version;

    public override Guid NewGuid() => inner.NewGuid();

    private static class NullLoggerFactoryHolder
    {
        public static readonly ILoggerFactory Instance = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
    }
}

/// <summary>An orchestration's input with the simulated instant it starts at.</summary>
internal sealed record SimulatedInput<T>(T Value, DateTime Now);
