using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Ideas;

/// <summary>What was decided about an idea.</summary>
public enum IdeaDecisionOutcome
{
    Approved,
    Rejected,
    NeedsInfo,
}

/// <summary>The latest standing decision on an idea.</summary>
/// <param name="Outcome">Approved, rejected, or more information needed.</param>
/// <param name="Reason">The Danish reason (required for rejection and for asking for information).</param>
/// <param name="DecidedAt">When it was decided.</param>
/// <param name="DecidedBy">The forum that approved or rejected; null when the secretariat asked for information.</param>
public sealed record IdeaDecision(IdeaDecisionOutcome Outcome, string? Reason, DateTimeOffset DecidedAt, Forum? DecidedBy);

/// <summary>One step in an idea's history.</summary>
/// <param name="From">The status before.</param>
/// <param name="To">The status after (equal to <paramref name="From"/> when an idea in review is re-routed to another forum).</param>
/// <param name="At">When it happened.</param>
/// <param name="Reason">The reason or note, in Danish, if any.</param>
public sealed record IdeaTransition(IdeaStatus From, IdeaStatus To, DateTimeOffset At, string? Reason);
