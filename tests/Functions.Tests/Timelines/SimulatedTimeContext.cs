using Microsoft.DurableTask;

namespace Netvaerk.Functions.Tests.Timelines;

/// <summary>
/// Test-only: a real <see cref="TaskOrchestrationContext"/> seen through compressed time, so a year-long timeline runs
/// in seconds on a real Durable engine. Simulated time moves only when a timer fires — to that timer's instant, exactly,
/// as the local runner's fake clock does — and each timer waits <paramref name="realPerSimulatedDay"/> of real time per
/// simulated day (at least a few milliseconds). Everything is a function of the history (which timers fired, in order),
/// so replays see the same times.
/// </summary>
/// <remarks>
/// A test that acts while the orchestration sleeps races that sleep: on a loaded machine its change can come after a
/// compressed timer has fired, and the step then runs at a later simulated instant than the local runner's. Timers that
/// fire where <c>held</c> says so wait <see cref="HeldRealTime"/> instead, so the test's change wakes the orchestration
/// first; if it did not, the step would still run (late) and the test would see it.
/// </remarks>
internal sealed class SimulatedTimeContext : SimulatedContext
{
    private readonly TimeSpan realPerSimulatedDay;
    private readonly TimeSpan minimumRealPerTimer;
    private readonly Func<TaskOrchestrationContext, TaskName, Task>? afterActivity;
    private readonly Func<SimulatedTimer, bool>? held;

    /// <summary>The real time a held timer waits.</summary>
    public static readonly TimeSpan HeldRealTime = TimeSpan.FromSeconds(30);

    /// <param name="minimumRealPerTimer">The least real time a timer waits (Azurite's queue visibility is in whole
    /// seconds, so the Azure Storage backend needs more than the in-process engine's few milliseconds).</param>
    /// <param name="afterActivity">Called after each activity with the real context: a later build's extra call, for the
    /// versioning test.</param>
    /// <param name="held">Which timers are held: those the test will act before.</param>
    public SimulatedTimeContext(TaskOrchestrationContext inner, TimeSpan realPerSimulatedDay, DateTime? start = null, TimeSpan? minimumRealPerTimer = null,
        Func<TaskOrchestrationContext, TaskName, Task>? afterActivity = null, Func<SimulatedTimer, bool>? held = null)
        : base(inner, start)
    {
        this.afterActivity = afterActivity;
        this.held = held;
        this.realPerSimulatedDay = realPerSimulatedDay;
        this.minimumRealPerTimer = minimumRealPerTimer ?? TimeSpan.FromMilliseconds(5);
    }

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var result = await Inner.CallActivityAsync<TResult>(name, input, options);
        if (afterActivity is not null) await afterActivity(Inner, name);
        return result;
    }

    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var simulated = (fireAt.ToUniversalTime() - Now).TotalDays;
        var real = held?.Invoke(new SimulatedTimer(fireAt.ToUniversalTime(), EventsTaken)) == true
            ? HeldRealTime
            : TimeSpan.FromTicks((long)(Math.Max(simulated, 0) * realPerSimulatedDay.Ticks)) + minimumRealPerTimer;
        await Inner.CreateTimer(Inner.CurrentUtcDateTime + real, cancellationToken);
        if (fireAt.ToUniversalTime() > Now) Now = fireAt.ToUniversalTime();
    }
}

/// <summary>A timer as the orchestration asks for it: the instant it fires at (UTC) and the events taken so far.</summary>
internal readonly record struct SimulatedTimer(DateTime FireAt, int EventsTaken)
{
    /// <summary>
    /// Holds a timer taken before the test's next change (the <c>n</c>-th, n the events taken so far) that would fire after
    /// that change's instant: the sleep the change must interrupt. Without it, a delay of a second or so before a change
    /// (a loaded machine; one CI run) lets the compressed timer fire first, and the step runs at a later simulated instant
    /// than the test meant — tried: each test that uses it then fails.
    /// </summary>
    public static Func<SimulatedTimer, bool> HeldAcross(params DateTimeOffset[] changes) =>
        timer => timer.EventsTaken < changes.Length && timer.FireAt > changes[timer.EventsTaken].UtcDateTime;
}
