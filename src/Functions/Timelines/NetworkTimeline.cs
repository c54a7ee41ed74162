using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Functions.Timelines;

/// <summary>
/// One network's timeline as a Durable orchestration (../../../shared/TIMELINE-ENGINE.md): it only waits, calls and
/// saves. Every decision — which step, when, what a change does — is <see cref="TimelineState"/>'s, read from the stored
/// record by the activities; the orchestration carries no timeline state of its own, so an event lost around
/// <c>ContinueAsNew</c> (durabletask-dotnet #387) costs at most a wait, never a change: the store already has it.
/// </summary>
public static class NetworkTimeline
{
    /// <summary>The event a stored change raises.</summary>
    public const string ChangedEvent = "TimelineChanged";

    /// <summary>Loop iterations per generation before <c>ContinueAsNew</c>: about 8 history events each, so under 500.</summary>
    public const int IterationsPerGeneration = 50;

    /// <summary>
    /// Infrastructure faults only (a store or queue briefly away): a step's own failure is recorded and retried by the
    /// domain (<see cref="StepRetryPolicy"/>), not thrown.
    /// </summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(15)));

    [Function(nameof(NetworkTimeline))]
    public static Task Run([OrchestrationTrigger] TaskOrchestrationContext context) => RunAsync(context);

    /// <summary>The orchestration itself, callable with any context (the tests compress time with a decorator).</summary>
    public static async Task RunAsync(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<TimelineInput>() ?? throw new InvalidOperationException("The timeline orchestration needs its input.");
        var next = await context.CallActivityAsync<TimelineNext>(nameof(TimelineActivities.NextStep), Ask(input, context), Retry);

        for (var iteration = 0; iteration < IterationsPerGeneration; iteration++)
        {
            switch (next.Kind)
            {
                case TimelineNextKind.Finished:
                    return;

                case TimelineNextKind.Run:
                    next = await context.CallActivityAsync<TimelineNext>(TimelineActivities.For(next.StepKind!.Value),
                        new StepInput(input.TenantId, input.NetworkId, next.StepId!, next.Version, Now(context)), Retry);
                    break;

                default:
                    await WaitAsync(context, next.WakeAt);
                    next = await context.CallActivityAsync<TimelineNext>(nameof(TimelineActivities.NextStep), Ask(input, context), Retry);
                    break;
            }
        }

        // Bounded history; events not yet taken are carried over, and the store has every change anyway.
        context.ContinueAsNew(input with { Generation = input.Generation + 1 });
    }

    /// <summary>Until the instant (none: paused) or a change, whichever is first; the loser is cancelled.</summary>
    private static async Task WaitAsync(TaskOrchestrationContext context, DateTimeOffset? until)
    {
        using var cancel = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<TimelineChanged>(ChangedEvent, cancel.Token);
        if (until is { } instant)
        {
            var timer = context.CreateTimer(instant.UtcDateTime, cancel.Token);
            await Task.WhenAny(timer, changed);
        }
        else
        {
            await changed;
        }

        // Synchronously: CancelAsync would run the loser's cancellation on the thread pool, outside the orchestration's
        // single thread, and its continuation would replay in a different order (non-deterministic history).
#pragma warning disable CA1849 // Call async methods when in an async method
        cancel.Cancel();
#pragma warning restore CA1849
    }

    private static NextInput Ask(TimelineInput input, TaskOrchestrationContext context) => new(input.TenantId, input.NetworkId, Now(context));

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
