using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Netvaerk.Functions.Tests.Timelines;

/// <summary>
/// Test-only: a real <see cref="TaskOrchestrationContext"/> whose time is the test's fake clock, moved in lockstep with
/// it. Timers do not wait in real time: they wait for <see cref="Lockstep.TickEvent"/>, which the test raises with the
/// clock's instant each time it moves it, and fire when a tick reaches them — so a step runs at exactly the instant the
/// local runner would run it, and a test can act (answer a survey, register involvement) between two steps. Simulated
/// time is the latest tick taken, a function of the history, so replays see the same times.
/// </summary>
internal sealed class LockstepContext : SimulatedContext
{
    private readonly Lockstep lockstep;
    private readonly List<(DateTime FireAt, TaskCompletionSource Done)> _timers = [];
    private int _activities;

    public LockstepContext(TaskOrchestrationContext inner, Lockstep lockstep)
        : base(inner, lockstep.Start)
    {
        this.lockstep = lockstep;
        _ = TakeTicksAsync();
    }

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        _activities++;
        try
        {
            return await Inner.CallActivityAsync<TResult>(name, input, options);
        }
        finally
        {
            _activities--;
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var at = fireAt.ToUniversalTime();
        if (at <= Now) return Task.CompletedTask;
        var timer = (at, new TaskCompletionSource());
        _timers.Add(timer);
        cancellationToken.Register(() =>
        {
            _timers.Remove(timer);
            timer.Item2.TrySetCanceled(cancellationToken);
        });
        return timer.Item2.Task;
    }

    /// <summary>
    /// For the whole execution: each tick moves simulated time and fires the timers it reaches, then tells the test
    /// whether this instance is at rest — no activity under way and no timer just fired — and when its next timer is.
    /// Ticks are taken between the orchestrator's turns, so that answer is never made halfway through one.
    /// </summary>
    private async Task TakeTicksAsync()
    {
        while (true)
        {
            var tick = await Inner.WaitForExternalEvent<LockstepTick>(Lockstep.TickEvent);
            var at = tick.At.UtcDateTime;
            if (at > Now) Now = at;
            var due = _timers.Where(t => t.FireAt <= Now).ToList();
            foreach (var timer in due)
            {
                _timers.Remove(timer);
                timer.Done.TrySetResult();
            }

            if (!Inner.IsReplaying)
            {
                lockstep.Report(InstanceId, tick.Seq, due.Count == 0 && _activities == 0, _timers.Count == 0 ? null : _timers.Min(t => t.FireAt));
            }
        }
    }
}

/// <summary>The instant the test's clock has reached; <see cref="Seq"/> tells the answers to ticks apart.</summary>
internal sealed record LockstepTick(DateTimeOffset At, long Seq);

/// <summary>
/// The test's side of <see cref="LockstepContext"/>: which orchestrations there are, and how far each has got.
/// <see cref="SettleAsync"/> ticks every live one until it is at rest at the clock's instant.
/// </summary>
internal sealed class Lockstep(DateTime start)
{
    public const string TickEvent = "LockstepTick";

    private readonly ConcurrentDictionary<string, Answer> _answers = new();
    private readonly ConcurrentDictionary<string, bool> _instances = new();
    private readonly ConcurrentDictionary<string, bool> _tracked = new();
    private long _seq;

    /// <summary>Simulated time for an orchestration started by production code with a plain input.</summary>
    public DateTime Start { get; } = start;

    /// <summary>An orchestration scheduled (by the engines): from now on it is ticked until it ends.</summary>
    public void Track(string instanceId)
    {
        _instances.TryAdd(instanceId, true);
        _tracked.TryAdd(instanceId, true);
    }

    /// <summary>Every orchestration tracked, ended or not.</summary>
    public IReadOnlyCollection<string> Tracked => [.. _tracked.Keys];

    public void Report(string instanceId, long seq, bool atRest, DateTime? nextTimer) =>
        _answers.AddOrUpdate(instanceId, new Answer(seq, atRest, nextTimer),
            (_, previous) => previous.Seq > seq ? previous : new Answer(seq, atRest, nextTimer));

    /// <summary>
    /// Every live orchestration ticked with <paramref name="now"/> until it is at rest; returns the earliest timer any of
    /// them then waits for. Events raised before (a leader's change, a decision) are taken before the tick, in order.
    /// </summary>
    public async Task<DateTimeOffset?> SettleAsync(DurableTaskClient client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTime? next = null;
        foreach (var instanceId in _instances.Keys.Order(StringComparer.Ordinal))
        {
            while (true)
            {
                if (await EndedAsync(client, instanceId, cancellationToken))
                {
                    _instances.TryRemove(instanceId, out _);
                    break;
                }

                var seq = Interlocked.Increment(ref _seq);
                await client.RaiseEventAsync(instanceId, TickEvent, new LockstepTick(now, seq), cancellationToken);
                var answer = await AnswerAsync(client, instanceId, seq, cancellationToken);
                if (answer is null) continue; // it ended meanwhile: the next turn sees that
                if (!answer.AtRest)
                {
                    await Task.Delay(5, cancellationToken);
                    continue;
                }

                if (answer.NextTimer is { } timer && (next is null || timer < next)) next = timer;
                break;
            }
        }

        return next is { } instant ? new DateTimeOffset(instant, TimeSpan.Zero) : null;
    }

    private async Task<Answer?> AnswerAsync(DurableTaskClient client, string instanceId, long seq, CancellationToken cancellationToken)
    {
        for (var polls = 1; ; polls++)
        {
            if (_answers.TryGetValue(instanceId, out var answer) && answer.Seq >= seq) return answer;
            if (polls % 20 == 0 && await EndedAsync(client, instanceId, cancellationToken)) return null;
            await Task.Delay(5, cancellationToken);
        }
    }

    private static async Task<bool> EndedAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return instance?.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated => true,
            OrchestrationRuntimeStatus.Failed => throw new InvalidOperationException(
                $"The orchestration {instanceId} failed: {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage}"),
            _ => false,
        };
    }

    private sealed record Answer(long Seq, bool AtRest, DateTime? NextTimer);
}
