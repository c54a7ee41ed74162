using System.Globalization;

namespace Netvaerk.Domain.Networks;

/// <summary>An answer to one of the guide's questions. Only <see cref="Yes"/> points towards a type.</summary>
public enum GuideAnswer
{
    Unknown,
    No,
    Yes,
}

/// <summary>The answers to the three "Vælg denne type, hvis …" questions of the network type guide.</summary>
/// <param name="SpansManyAreasWithComplexProblems">The theme spans many areas and holds big, complex problems (→ innovation).</param>
/// <param name="CitizenNearBoundedWelfare">The theme is citizen-near and aims to improve welfare in a bounded area (→ welfare).</param>
/// <param name="MissingKnowledgeOrCompetences">The theme is about missing knowledge and competences (→ learning).</param>
public sealed record GuideAnswers(
    GuideAnswer SpansManyAreasWithComplexProblems = GuideAnswer.Unknown,
    GuideAnswer CitizenNearBoundedWelfare = GuideAnswer.Unknown,
    GuideAnswer MissingKnowledgeOrCompetences = GuideAnswer.Unknown)
{
    /// <summary>The answers in the guide's question order (innovation, welfare, learning).</summary>
    internal IReadOnlyList<GuideAnswer> InOrder =>
        [SpansManyAreasWithComplexProblems, CitizenNearBoundedWelfare, MissingKnowledgeOrCompetences];
}

/// <summary>One question of the guide, the type a "yes" points to, and the reason given when it does.</summary>
/// <param name="Key">Stable English key, e.g. "spans-many-areas".</param>
/// <param name="PointsTo">The type a "yes" points to.</param>
/// <param name="Text">The question in Danish.</param>
/// <param name="Reason">The Danish reason shown when the answer is "yes".</param>
public sealed record GuideQuestion(string Key, NetworkType PointsTo, string Text, string Reason);

/// <summary>How the guide's answers came out.</summary>
public enum GuideOutcome
{
    /// <summary>No answer points to a type.</summary>
    NoMatch,

    /// <summary>Exactly one type matches; it is recommended.</summary>
    SingleMatch,

    /// <summary>Several types match; the guide does not pick one.</summary>
    SeveralMatches,
}

/// <summary>The guide's result.</summary>
/// <param name="Outcome">None, one or several matching types.</param>
/// <param name="RecommendedType">The recommended type, only when exactly one type matches.</param>
/// <param name="MatchingTypes">Every type a "yes" pointed to, in the guide's order.</param>
/// <param name="Reasons">One Danish reason per question answered "yes".</param>
/// <param name="Explanation">A Danish explanation of the result as a whole.</param>
public sealed record GuideRecommendation(
    GuideOutcome Outcome,
    NetworkType? RecommendedType,
    IReadOnlyList<NetworkType> MatchingTypes,
    IReadOnlyList<string> Reasons,
    string Explanation)
{
    // Value equality that compares the lists by content, not by reference.
    public bool Equals(GuideRecommendation? other) =>
        other is not null
        && Outcome == other.Outcome
        && RecommendedType == other.RecommendedType
        && MatchingTypes.SequenceEqual(other.MatchingTypes)
        && Reasons.SequenceEqual(other.Reasons)
        && Explanation == other.Explanation;

    public override int GetHashCode() => HashCode.Combine(Outcome, RecommendedType, Explanation);
}

/// <summary>
/// Helps an employee choose a network type from the three "Vælg denne type, hvis …" questions. It recommends a
/// type only when exactly one answer points somewhere; with none or several it says so and does not guess.
/// </summary>
public static class NetworkTypeGuide
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>The three questions, in the order innovation, welfare, learning.</summary>
    public static IReadOnlyList<GuideQuestion> Questions { get; } =
    [
        new("spans-many-areas", NetworkType.Innovation,
            "Spænder dit tema over mange forskellige områder, og indeholder det en eller flere store og komplekse problemstillinger?",
            "Dit tema spænder over mange forskellige områder og indeholder store og komplekse problemstillinger. Det peger på et innovationsnetværk."),
        new("citizen-near-welfare", NetworkType.Welfare,
            "Retter dit tema sig mod et borgernært perspektiv, hvor du vil udvikle og forbedre velfærden på et afgrænset område?",
            "Dit tema retter sig mod et borgernært perspektiv, hvor velfærden skal forbedres på et afgrænset område. Det peger på et velfærdsnetværk."),
        new("missing-knowledge", NetworkType.Learning,
            "Omfatter dit tema manglende viden og kompetencer i eller uden for organisationen?",
            "Dit tema omfatter manglende viden og kompetencer. Det peger på et læringsnetværk."),
    ];

    /// <summary>Recommends a type from <paramref name="answers"/>.</summary>
    public static GuideRecommendation Recommend(GuideAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);

        var matched = Questions
            .Zip(answers.InOrder)
            .Where(pair => pair.Second == GuideAnswer.Yes)
            .Select(pair => pair.First)
            .ToList();
        var types = matched.Select(q => q.PointsTo).Distinct().ToList();
        var reasons = matched.Select(q => q.Reason).ToList();

        switch (types.Count)
        {
            case 0:
                var unanswered = answers.InOrder.Any(a => a == GuideAnswer.Unknown)
                    ? " Du har ikke besvaret alle spørgsmål."
                    : string.Empty;
                return new GuideRecommendation(
                    GuideOutcome.NoMatch,
                    null,
                    types,
                    reasons,
                    "Ingen af dine svar peger på en bestemt netværkstype, så vi kan ikke anbefale en type." + unanswered
                        + " Læs om de tre netværkstyper, eller kontakt Netværkssekretariatet for en snak om dit tema.");

            case 1:
                var profile = NetworkTypeProfiles.For(types[0]);
                return new GuideRecommendation(
                    GuideOutcome.SingleMatch,
                    profile.Type,
                    types,
                    reasons,
                    $"Vi anbefaler et {Lower(profile.DanishName)}. {profile.ChooseIf} "
                        + $"Typisk varighed: {Lower(profile.Duration.Text)}. Besluttes af {profile.DecidingForum.DanishName()}.");

            default:
                var names = DanishList(types.Select(t => Lower(t.DanishName())).ToList());
                return new GuideRecommendation(
                    GuideOutcome.SeveralMatches,
                    null,
                    types,
                    reasons,
                    $"Dine svar peger på flere netværkstyper: {names}. Vi anbefaler derfor ikke én bestemt type. "
                        + "Overvej, hvad der er det vigtigste ved dit tema, eller kontakt Netværkssekretariatet for en snak om det.");
        }
    }

    private static string Lower(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], Danish) + text[1..];

    /// <summary>"a", "a og b", "a, b og c".</summary>
    internal static string DanishList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " og " + items[^1],
    };
}
