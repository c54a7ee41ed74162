namespace Netvaerk.Local.Runner;

/// <summary>Wakes the runner early when something changed (a leader's change, a new e-mail), so it never polls.</summary>
public sealed class RunnerSignal : IDisposable
{
    // Task.Delay takes at most ~49 days; a longer sleep is taken in daily naps, which re-check the plan anyway.
    private static readonly TimeSpan LongestNap = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every change since.
        }
    }

    /// <summary>Sleeps until <paramref name="until"/> (or a day at most), or until <see cref="Notify"/>.</summary>
    public async Task WaitAsync(DateTimeOffset? until, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var delay = until is { } u ? u - time.GetUtcNow() : LongestNap;
        if (delay <= TimeSpan.Zero) return;
        if (delay > LongestNap) delay = LongestNap;

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, time, cts.Token);
        var signal = _signal.WaitAsync(cts.Token);
        await Task.WhenAny(timer, signal);
        await cts.CancelAsync();
        await Task.WhenAll(timer, signal).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _signal.Dispose();
}
