using Netvaerk.Domain.Ideas;

namespace Netvaerk.Functions.Approvals;

/// <summary>The approval orchestration's input: which idea.</summary>
public sealed record ApprovalInput(string TenantId, string IdeaId)
{
    /// <summary>One follow-up per idea and tenant, so tracking twice is harmless and events find it.</summary>
    public static string InstanceIdFor(string tenantId, string ideaId) => $"approval:{tenantId}:{ideaId}";
}

/// <summary>Follow the idea up at this instant (the orchestrator's replay-safe one).</summary>
public sealed record FollowUpInput(string TenantId, string IdeaId, DateTimeOffset At);

/// <summary>The event a change to the idea raises (decided, sent back for information, put to the forum again).</summary>
public sealed record IdeaChanged(string IdeaId);

/// <summary><see cref="ApprovalWait"/> for the orchestration's JSON.</summary>
public sealed record ApprovalNext(bool Finished, DateTimeOffset? WakeAt)
{
    public static ApprovalNext From(ApprovalWait wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return new(wait.Finished, wait.WakeAt);
    }
}
