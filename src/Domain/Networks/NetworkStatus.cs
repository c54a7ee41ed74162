namespace Netvaerk.Domain.Networks;

/// <summary>
/// Where a network is in its lifecycle: <c>Draft → Running → Evaluating → FollowUp → Closed</c>, with
/// <c>Running ⇄ Paused</c>, and an early close from Running or Paused straight to Evaluating.
/// </summary>
public enum NetworkStatus
{
    /// <summary>Approved; the leader completes the network contract.</summary>
    Draft,

    /// <summary>Meetings and involvement are under way.</summary>
    Running,

    /// <summary>Temporarily on hold; resumes to Running.</summary>
    Paused,

    /// <summary>The activities are over; the end evaluation (output) runs.</summary>
    Evaluating,

    /// <summary>Waiting for the later outcome follow-up in the base organisation.</summary>
    FollowUp,

    /// <summary>Done.</summary>
    Closed,
}

/// <summary>The network lifecycle's legal transitions and Danish status names.</summary>
public static class NetworkStatuses
{
    // Paused → Evaluating is the early close of a paused network (see Network.CloseEarly).
    private static readonly Dictionary<NetworkStatus, NetworkStatus[]> Next = new()
    {
        [NetworkStatus.Draft] = [NetworkStatus.Running],
        [NetworkStatus.Running] = [NetworkStatus.Paused, NetworkStatus.Evaluating],
        [NetworkStatus.Paused] = [NetworkStatus.Running, NetworkStatus.Evaluating],
        [NetworkStatus.Evaluating] = [NetworkStatus.FollowUp],
        [NetworkStatus.FollowUp] = [NetworkStatus.Closed],
        [NetworkStatus.Closed] = [],
    };

    /// <summary>Whether a network may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(NetworkStatus from, NetworkStatus to) =>
        Next.TryGetValue(from, out var targets) && targets.Contains(to);

    public static string DanishName(this NetworkStatus status) => status switch
    {
        NetworkStatus.Draft => "Kladde",
        NetworkStatus.Running => "I gang",
        NetworkStatus.Paused => "Sat på pause",
        NetworkStatus.Evaluating => "Evaluering",
        NetworkStatus.FollowUp => "Opfølgning",
        NetworkStatus.Closed => "Afsluttet",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Ukendt status."),
    };
}

/// <summary>One step in a network's history.</summary>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="At">When it happened.</param>
/// <param name="Reason">The Danish reason, if any (required when closing early).</param>
public sealed record NetworkTransition(NetworkStatus From, NetworkStatus To, DateTimeOffset At, string? Reason);
