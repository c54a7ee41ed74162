namespace Netvaerk.Domain.Ideas;

/// <summary>
/// Where an idea is in its lifecycle: <c>Submitted → InReview → (NeedsInfo ↔ InReview) → Approved | Rejected</c>.
/// </summary>
public enum IdeaStatus
{
    Submitted,
    InReview,
    NeedsInfo,
    Approved,
    Rejected,
}

/// <summary>The idea lifecycle's legal transitions and Danish status names.</summary>
public static class IdeaStatuses
{
    private static readonly Dictionary<IdeaStatus, IdeaStatus[]> Next = new()
    {
        [IdeaStatus.Submitted] = [IdeaStatus.InReview],
        [IdeaStatus.InReview] = [IdeaStatus.NeedsInfo, IdeaStatus.Approved, IdeaStatus.Rejected],
        [IdeaStatus.NeedsInfo] = [IdeaStatus.InReview],
        [IdeaStatus.Approved] = [],
        [IdeaStatus.Rejected] = [],
    };

    /// <summary>Whether an idea may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(IdeaStatus from, IdeaStatus to) =>
        Next.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Approved and rejected ideas are decided for good.</summary>
    public static bool IsFinal(this IdeaStatus status) => status is IdeaStatus.Approved or IdeaStatus.Rejected;

    public static string DanishName(this IdeaStatus status) => status switch
    {
        IdeaStatus.Submitted => "Indsendt",
        IdeaStatus.InReview => "Under behandling",
        IdeaStatus.NeedsInfo => "Afventer flere oplysninger",
        IdeaStatus.Approved => "Godkendt",
        IdeaStatus.Rejected => "Afvist",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Ukendt status."),
    };
}
