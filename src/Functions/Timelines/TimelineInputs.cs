using Netvaerk.Domain.Timelines;

namespace Netvaerk.Functions.Timelines;

/// <summary>The orchestration's input: which network; <see cref="Generation"/> counts its <c>ContinueAsNew</c> restarts.</summary>
public sealed record TimelineInput(string TenantId, string NetworkId, int Generation = 0)
{
    /// <summary>One instance per network and tenant, so a start is idempotent and events find it.</summary>
    public static string InstanceIdFor(string tenantId, string networkId) => $"timeline:{tenantId}:{networkId}";
}

/// <summary>An activity's question: the orchestrator passes its replay-safe instant, activities never read a clock.</summary>
public sealed record NextInput(string TenantId, string NetworkId, DateTimeOffset At);

/// <summary>Run this step (the version the orchestrator saw) at this instant.</summary>
public sealed record StepInput(string TenantId, string NetworkId, string StepId, int Version, DateTimeOffset At);

/// <summary>The event that wakes an orchestration after a leader's change was stored (the payload is only a reason).</summary>
public sealed record TimelineChanged(string Change);

/// <summary>
/// What the timeline asks for next, flattened for the orchestration's JSON. A wake names the step due when it ends, so
/// the orchestration runs it straight after its timer instead of asking again (two history events fewer per step).
/// </summary>
public sealed record TimelineNext(TimelineNextKind Kind, string? StepId = null, StepKind? StepKind = null, int Version = 0, DateTimeOffset? WakeAt = null)
{
    public static TimelineNext From(NextDue next) => next switch
    {
        NextDue.Run run => new(TimelineNextKind.Run, run.Step.Id, run.Step.Kind, run.Step.Version),
        NextDue.WakeAt wake => new(TimelineNextKind.Wake, wake.Step?.Id, wake.Step?.Kind, wake.Step?.Version ?? 0, wake.Instant),
        NextDue.Finished => new(TimelineNextKind.Finished),
        _ => new(TimelineNextKind.WaitForChange),
    };
}

public enum TimelineNextKind
{
    Run,
    Wake,
    WaitForChange,
    Finished,
}

/// <summary>
/// How long a generation of a timeline orchestration runs before <c>ContinueAsNew</c>, and the version the next one
/// starts on.
/// </summary>
public sealed record TimelineGenerations(int Iterations, string ContinueAsVersion)
{
    /// <summary>50 iterations of at most 8 history events each keeps a generation under 400 events.</summary>
    public static TimelineGenerations Default { get; } = new(50, NetworkTimeline.CurrentVersion);
}
