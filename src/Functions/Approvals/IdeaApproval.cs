using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Netvaerk.Functions.Approvals;

/// <summary>
/// A forum's pending decision as a Durable orchestration (the human-interaction pattern): the request has gone out with
/// the routing; this waits for the decision event, raced against a timer to the reminder (10 working days) and then the
/// escalation (20), on the Danish calendar of <see cref="Domain.Ideas.ApprovalSchedule"/>. A decision wins the race and
/// cancels the pending timer; a request for information waits for the answer, whose new routing instant restarts the
/// clock (decision 005). What is due is read from the stored idea by the activity each time.
/// </summary>
public static class IdeaApproval
{
    public const string ChangedEvent = "IdeaChanged";

    /// <summary>More iterations than a routing can need (request, reminder, escalation, a few rounds of information).</summary>
    public const int IterationsPerGeneration = 20;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(15)));

    [Function(nameof(IdeaApproval))]
    public static Task Run([OrchestrationTrigger] TaskOrchestrationContext context) => RunAsync(context);

    public static async Task RunAsync(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ApprovalInput>() ?? throw new InvalidOperationException("The approval orchestration needs its input.");
        for (var iteration = 0; iteration < IterationsPerGeneration; iteration++)
        {
            var next = await context.CallActivityAsync<ApprovalNext>(nameof(ApprovalActivities.FollowUpDecision),
                new FollowUpInput(input.TenantId, input.IdeaId, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)), Retry);
            if (next.Finished) return;
            await WaitAsync(context, next.WakeAt);
        }

        context.ContinueAsNew(input);
    }

    private static async Task WaitAsync(TaskOrchestrationContext context, DateTimeOffset? until)
    {
        using var cancel = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<IdeaChanged>(ChangedEvent, cancel.Token);
        if (until is { } instant)
        {
            await Task.WhenAny(context.CreateTimer(instant.UtcDateTime, cancel.Token), changed);
        }
        else
        {
            await changed;
        }

        // Synchronously, as in NetworkTimeline: the loser's cancellation must run on the orchestration's thread.
#pragma warning disable CA1849 // Call async methods when in an async method
        cancel.Cancel();
#pragma warning restore CA1849
    }
}
