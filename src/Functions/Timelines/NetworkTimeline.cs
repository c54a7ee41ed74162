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

    /// <summary>
    /// The orchestration's shape version: host.json's <c>durableTask.defaultVersion</c>, which new instances get. Bump
    /// both when the sequence of calls changes, and keep the old shape's path for instances still on it
    /// (docs/decisions/009-functions-host.md).
    /// </summary>
    public const string CurrentVersion = "1";

    /// <summary>
    /// Infrastructure faults only (a store or queue briefly away): a step's own failure is recorded and retried by the
    /// domain (<see cref="StepRetryPolicy"/>), not thrown.
    /// </summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(15)));

    [Function(nameof(NetworkTimeline))]
    public static Task Run([OrchestrationTrigger] TaskOrchestrationContext context) => RunAsync(context);

    /// <summary>The orchestration itself, callable with any context (the tests compress time with a decorator).</summary>
    public static Task RunAsync(TaskOrchestrationContext context) => RunAsync(context, TimelineGenerations.Default);

    /// <summary>
    /// Version 1's shape, with its generation bound and the version a new generation starts on. A generation is the
    /// unit of upgrade: history is replayed only within one, so the next one may run a newer shape.
    /// </summary>
    public static async Task RunAsync(TaskOrchestrationContext context, TimelineGenerations generations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(generations);
        var input = context.GetInput<TimelineInput>() ?? throw new InvalidOperationException("The timeline orchestration needs its input.");
        var next = await context.CallActivityAsync<TimelineNext>(nameof(TimelineActivities.NextStep), Ask(input, context), Retry);

        for (var iteration = 0; iteration < generations.Iterations; iteration++)
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
                    var onTime = await WaitAsync(context, next.WakeAt);
                    // Woken by its timer, the step named is due now (the activity runs it only if it still is); woken by a
                    // change, the timeline is asked afresh.
                    next = onTime && next is { StepId: { } stepId, StepKind: { } kind }
                        ? await context.CallActivityAsync<TimelineNext>(TimelineActivities.For(kind),
                            new StepInput(input.TenantId, input.NetworkId, stepId, next.Version, Now(context)), Retry)
                        : await context.CallActivityAsync<TimelineNext>(nameof(TimelineActivities.NextStep), Ask(input, context), Retry);
                    break;
            }
        }

        // Bounded history; events not yet taken are carried over, and the store has every change anyway. The next
        // generation runs this build's current shape.
        context.ContinueAsNew(new ContinueAsNewOptions
        {
            NewInput = input with { Generation = input.Generation + 1 },
            NewVersion = generations.ContinueAsVersion,
            PreserveUnprocessedEvents = true,
        });
    }

    /// <summary>
    /// Until the instant (none: paused) or a change, whichever is first; the loser is cancelled. True when the timer won.
    /// </summary>
    private static async Task<bool> WaitAsync(TaskOrchestrationContext context, DateTimeOffset? until)
    {
        using var cancel = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<TimelineChanged>(ChangedEvent, cancel.Token);
        var onTime = false;
        if (until is { } instant)
        {
            var timer = context.CreateTimer(instant.UtcDateTime, cancel.Token);
            onTime = await Task.WhenAny(timer, changed) == timer;
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
        return onTime;
    }

    private static NextInput Ask(TimelineInput input, TaskOrchestrationContext context) => new(input.TenantId, input.NetworkId, Now(context));

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
