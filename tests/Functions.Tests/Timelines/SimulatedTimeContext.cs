using Microsoft.DurableTask;

namespace Netvaerk.Functions.Tests.Timelines;

/// <summary>
/// Test-only: a real <see cref="TaskOrchestrationContext"/> seen through compressed time, so a year-long timeline runs
/// in seconds on a real Durable engine. Simulated time moves only when a timer fires — to that timer's instant, exactly,
/// as the local runner's fake clock does — and each timer waits <paramref name="realPerSimulatedDay"/> of real time per
/// simulated day (at least a few milliseconds). Everything is a function of the history (which timers fired, in order),
/// so replays see the same times.
/// </summary>
internal sealed class SimulatedTimeContext : SimulatedContext
{
    private readonly TimeSpan realPerSimulatedDay;
    private readonly TimeSpan minimumRealPerTimer;
    private readonly Func<TaskOrchestrationContext, TaskName, Task>? afterActivity;

    /// <param name="minimumRealPerTimer">The least real time a timer waits (Azurite's queue visibility is in whole
    /// seconds, so the Azure Storage backend needs more than the in-process engine's few milliseconds).</param>
    /// <param name="afterActivity">Called after each activity with the real context: a later build's extra call, for the
    /// versioning test.</param>
    public SimulatedTimeContext(TaskOrchestrationContext inner, TimeSpan realPerSimulatedDay, DateTime? start = null, TimeSpan? minimumRealPerTimer = null,
        Func<TaskOrchestrationContext, TaskName, Task>? afterActivity = null)
        : base(inner, start)
    {
        this.afterActivity = afterActivity;
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
        var real = TimeSpan.FromTicks((long)(Math.Max(simulated, 0) * realPerSimulatedDay.Ticks)) + minimumRealPerTimer;
        await Inner.CreateTimer(Inner.CurrentUtcDateTime + real, cancellationToken);
        if (fireAt.ToUniversalTime() > Now) Now = fireAt.ToUniversalTime();
    }
}
