namespace Netvaerk.Domain.Ideas;

/// <summary>
/// What following up one idea's decision waits for next: nothing (decided or gone: the follow-up ends), an instant (the
/// next reminder or escalation), or the idea's next change (with the submitter, or escalated and still undecided).
/// </summary>
public sealed record ApprovalWait(bool Finished, DateTimeOffset? WakeAt)
{
    public static ApprovalWait Done { get; } = new(true, null);

    public static ApprovalWait UntilChange { get; } = new(false, null);

    public static ApprovalWait Until(DateTimeOffset instant) => new(false, instant);
}
