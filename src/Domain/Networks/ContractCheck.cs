namespace Netvaerk.Domain.Networks;

/// <summary>Whether a contract part is missing or filled in but invalid.</summary>
public enum ContractProblemKind
{
    Missing,
    Invalid,
}

/// <summary>A problem with one part of the network contract.</summary>
/// <param name="Key">The part's stable key, e.g. "theme" (see <see cref="ContractPart"/>).</param>
/// <param name="Label">The part's Danish label, e.g. "Tema".</param>
/// <param name="Kind">Missing or invalid.</param>
/// <param name="Message">A Danish sentence saying what is wrong.</param>
public sealed record ContractProblem(string Key, string Label, ContractProblemKind Kind, string Message);

/// <summary>The result of <see cref="NetworkContract.Check"/>: every missing or invalid part, in contract order.</summary>
public sealed record ContractCheck(IReadOnlyList<ContractProblem> Problems)
{
    /// <summary>Nothing is missing or invalid; the network may start.</summary>
    public bool IsComplete => Problems.Count == 0;

    /// <summary>The keys of all problem parts, e.g. ["theme", "time-frame"].</summary>
    public IReadOnlyList<string> Keys => Problems.Select(p => p.Key).ToList();

    /// <summary>
    /// A Danish summary, e.g. "Netværkskontrakten mangler: Tema og Formål. Tidsramme: Slutdatoen … ligger før startdatoen …".
    /// Empty when the contract is complete.
    /// </summary>
    public string DanishSummary
    {
        get
        {
            var missing = Problems.Where(p => p.Kind == ContractProblemKind.Missing).Select(p => p.Label).ToList();
            var invalid = Problems.Where(p => p.Kind == ContractProblemKind.Invalid).Select(p => $"{p.Label}: {p.Message}");
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"Netværkskontrakten mangler: {NetworkTypeGuide.DanishList(missing)}.");
            }

            parts.AddRange(invalid);
            return string.Join(" ", parts);
        }
    }

    // Value equality that compares the problems by content, not by reference.
    public bool Equals(ContractCheck? other) =>
        other is not null && Problems.SequenceEqual(other.Problems);

    public override int GetHashCode() => Problems.Count;
}
