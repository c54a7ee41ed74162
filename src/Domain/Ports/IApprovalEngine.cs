namespace Netvaerk.Domain.Ports;

/// <summary>
/// Follows up a forum's pending decision (reminder after 10, escalation after 20 working days): an approval orchestration
/// per idea in Azure, the local runner's rounds on one machine. Like <see cref="ITimelineEngine"/> it only waits and calls
/// the domain (<see cref="Workflow.IdeaWorkflow.FollowUpDecisionAsync"/>); the stored idea says what is due.
/// </summary>
public interface IApprovalEngine
{
    /// <summary>The idea was put to a forum (again): begin following it up, or wake the follow-up that runs.</summary>
    Task TrackAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default);

    /// <summary>The idea changed (decided, or sent back for information): the follow-up looks again at once.</summary>
    Task SignalAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default);
}
