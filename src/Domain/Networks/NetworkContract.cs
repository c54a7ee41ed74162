using System.Globalization;
using System.Text.Json.Serialization;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Networks;

/// <summary>
/// The network contract ("netværkskontrakt") the leader completes before the network starts. It is filled in
/// bit by bit, so every part may be empty; <see cref="Check"/> says what is still missing or invalid.
/// Whitespace-only text counts as missing.
/// </summary>
public sealed record NetworkContract
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public string? Theme { get; init; }

    public string? Purpose { get; init; }

    public NetworkType? Type { get; init; }

    /// <summary>What the network may decide or propose.</summary>
    public string? Mandate { get; init; }

    /// <summary>What the network will have produced right after its activities.</summary>
    public string? ExpectedOutput { get; init; }

    /// <summary>The difference it is expected to make later in the base organisation.</summary>
    public string? ExpectedOutcome { get; init; }

    public Person? Leader { get; init; }

    public Forum? DecidingForum { get; init; }

    /// <summary>The participants known when the contract is made; at least one must be core.</summary>
    public IReadOnlyList<Participant> Participants { get; init; } = [];

    public TimeFrame? TimeFrame { get; init; }

    /// <summary>How citizens and other stakeholders will be involved.</summary>
    public string? InvolvementPlan { get; init; }

    public string? EvaluationPlan { get; init; }

    /// <summary>The core (kerne) participants.</summary>
    [JsonIgnore]
    public IReadOnlyList<Participant> CoreParticipants =>
        Participants.Where(p => p.Role == ParticipantRole.Core).ToList();

    /// <summary>An empty contract for <paramref name="type"/>, with the type's default deciding forum.</summary>
    public static NetworkContract ForType(NetworkType type) =>
        new() { Type = type, DecidingForum = type.DefaultDecidingForum() };

    /// <summary>Every missing or invalid part, in contract order.</summary>
    public ContractCheck Check()
    {
        var problems = new List<ContractProblem>();

        void MissingIf(bool missing, ContractPart part, string? message = null)
        {
            if (missing)
            {
                problems.Add(new ContractProblem(part.Key, part.Label, ContractProblemKind.Missing, message ?? $"{part.Label} mangler."));
            }
        }

        MissingIf(string.IsNullOrWhiteSpace(Theme), ContractPart.Theme);
        MissingIf(string.IsNullOrWhiteSpace(Purpose), ContractPart.Purpose);
        MissingIf(Type is null, ContractPart.Type);
        MissingIf(string.IsNullOrWhiteSpace(Mandate), ContractPart.Mandate);
        MissingIf(string.IsNullOrWhiteSpace(ExpectedOutput), ContractPart.ExpectedOutput);
        MissingIf(string.IsNullOrWhiteSpace(ExpectedOutcome), ContractPart.ExpectedOutcome);
        MissingIf(Leader is null, ContractPart.Leader);
        MissingIf(DecidingForum is null, ContractPart.DecidingForum);
        MissingIf(!Participants.Any(p => p.Role == ParticipantRole.Core), ContractPart.CoreParticipants, "Der er ingen kernedeltagere.");
        MissingIf(TimeFrame is null, ContractPart.TimeFrame);
        if (TimeFrame is { IsValid: false } frame)
        {
            var part = ContractPart.TimeFrame;
            problems.Add(new ContractProblem(part.Key, part.Label, ContractProblemKind.Invalid,
                $"Slutdatoen {frame.End.ToString("d. MMMM yyyy", Danish)} ligger før startdatoen {frame.Start.ToString("d. MMMM yyyy", Danish)}."));
        }

        else if (TimeFrame is { } planned && Type is { } type && DurationProblem(planned, type) is { } mismatch)
        {
            var part = ContractPart.TimeFrame;
            problems.Add(new ContractProblem(part.Key, part.Label, ContractProblemKind.Invalid, mismatch));
        }

        MissingIf(string.IsNullOrWhiteSpace(InvolvementPlan), ContractPart.InvolvementPlan);
        MissingIf(string.IsNullOrWhiteSpace(EvaluationPlan), ContractPart.EvaluationPlan);

        return new ContractCheck(problems);
    }

    /// <summary>
    /// A time frame contradicts the type when it is under three quarters or over twice the type's typical length: a
    /// four-week welfare network planned for a year is a different network, and its timeline would not match the contract.
    /// </summary>
    private static string? DurationProblem(TimeFrame frame, NetworkType type)
    {
        var profile = NetworkTypeProfiles.For(type);
        var typicalDays = profile.Duration.AddTo(frame.Start).DayNumber - frame.Start.DayNumber;
        var shortest = frame.Start.AddDays((int)Math.Ceiling(typicalDays * 0.75));
        var longest = frame.Start.AddDays(typicalDays * 2);
        if (frame.End >= shortest && frame.End <= longest) return null;
        return $"Tidsrammen {frame.Start.ToString("d. MMMM yyyy", Danish)}–{frame.End.ToString("d. MMMM yyyy", Danish)} passer ikke til "
            + $"et {Messages.DanishText.TypeIndefinite(type)}, der varer {profile.Duration.Text.ToLower(Danish)}: vælg en slutdato mellem "
            + $"{shortest.ToString("d. MMMM yyyy", Danish)} og {longest.ToString("d. MMMM yyyy", Danish)}.";
    }

    // Value equality that compares the participant list by content, not by reference.
    public bool Equals(NetworkContract? other) =>
        other is not null
        && Theme == other.Theme
        && Purpose == other.Purpose
        && Type == other.Type
        && Mandate == other.Mandate
        && ExpectedOutput == other.ExpectedOutput
        && ExpectedOutcome == other.ExpectedOutcome
        && Equals(Leader, other.Leader)
        && DecidingForum == other.DecidingForum
        && Participants.SequenceEqual(other.Participants)
        && Equals(TimeFrame, other.TimeFrame)
        && InvolvementPlan == other.InvolvementPlan
        && EvaluationPlan == other.EvaluationPlan;

    public override int GetHashCode() => HashCode.Combine(Theme, Purpose, Type, Leader, TimeFrame, Participants.Count);
}
