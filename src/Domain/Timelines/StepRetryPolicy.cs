namespace Netvaerk.Domain.Timelines;

/// <summary>
/// How often a failing step is tried, and how long to wait between tries, before it is parked
/// (<see cref="StepStatus.Failed"/>) and the secretariat told. One policy for both engines: the local runner records each
/// attempt in the timeline (<see cref="TimelineState.Failed"/>) and wakes at the retry instant, and the Durable
/// orchestrator does the same with a durable timer, so a failing step never holds up the steps after it, nor other networks.
/// </summary>
public sealed record StepRetryPolicy(int MaxAttempts, IReadOnlyList<TimeSpan> Backoff)
{
    /// <summary>Four attempts: at once, after 1 minute, after 10 minutes, after an hour; then parked.</summary>
    public static StepRetryPolicy Default { get; } = new(4, [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)]);

    /// <summary>The wait after the given number of failed attempts (the last entry repeats).</summary>
    public TimeSpan BackoffAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        return Backoff.Count == 0 ? TimeSpan.Zero : Backoff[Math.Min(failedAttempts, Backoff.Count) - 1];
    }
}
