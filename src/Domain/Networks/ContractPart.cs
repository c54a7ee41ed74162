namespace Netvaerk.Domain.Networks;

/// <summary>One part of the network contract: a stable English key and its Danish label.</summary>
/// <param name="Key">Stable key for APIs and tests, e.g. "theme".</param>
/// <param name="Label">Danish label shown to people, e.g. "Tema".</param>
public sealed record ContractPart(string Key, string Label)
{
    public static ContractPart Theme { get; } = new("theme", "Tema");

    public static ContractPart Purpose { get; } = new("purpose", "Formål");

    public static ContractPart Type { get; } = new("type", "Netværkstype");

    public static ContractPart Mandate { get; } = new("mandate", "Mandat");

    public static ContractPart ExpectedOutput { get; } = new("expected-output", "Forventet output");

    public static ContractPart ExpectedOutcome { get; } = new("expected-outcome", "Forventet outcome");

    public static ContractPart Leader { get; } = new("leader", "Netværksleder");

    public static ContractPart DecidingForum { get; } = new("deciding-forum", "Beslutningsforum");

    public static ContractPart CoreParticipants { get; } = new("core-participants", "Kernedeltagere");

    public static ContractPart TimeFrame { get; } = new("time-frame", "Tidsramme");

    public static ContractPart InvolvementPlan { get; } = new("involvement-plan", "Plan for borger- og interessentinddragelse");

    public static ContractPart EvaluationPlan { get; } = new("evaluation-plan", "Evalueringsplan");

    /// <summary>All parts in the contract's order; also the leader's onboarding checklist.</summary>
    public static IReadOnlyList<ContractPart> All { get; } =
    [
        Theme, Purpose, Type, Mandate, ExpectedOutput, ExpectedOutcome, Leader, DecidingForum, CoreParticipants,
        TimeFrame, InvolvementPlan, EvaluationPlan,
    ];
}
