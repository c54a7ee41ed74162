using Microsoft.Azure.Functions.Worker;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Functions.Approvals;

/// <summary>The approval orchestration's one activity: the domain's follow-up of one idea, at the orchestrator's instant.</summary>
public sealed class ApprovalActivities(IdeaWorkflow ideas)
{
    [Function(nameof(FollowUpDecision))]
    public async Task<ApprovalNext> FollowUpDecision([ActivityTrigger] FollowUpInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ApprovalNext.From(await ideas.FollowUpDecisionAsync(Guid.Parse(input.IdeaId), input.At, cancellationToken));
    }
}
