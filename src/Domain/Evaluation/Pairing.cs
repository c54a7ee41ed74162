using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;

namespace Netvaerk.Domain.Evaluation;

/// <summary>One item's mean before and after, over the people who answered it both times.</summary>
public sealed record ItemChange(SurveyQuestion Question, int Pairs, bool Suppressed, double? MeanBefore, double? MeanAfter)
{
    public double? Change => MeanAfter - MeanBefore;
}

/// <summary>
/// A before/after comparison of a set of scale items, paired per person through the respondent key: each person's
/// score is the mean of the items they answered, and the change is theirs. Only the aggregate is kept, and only
/// when at least the anonymity threshold of people answered both times.
/// </summary>
/// <param name="Pairs">People who answered both surveys (at least one item each time).</param>
/// <param name="Suppressed">Fewer pairs than the threshold: no figure is given.</param>
public sealed record PairedChange(int Pairs, bool Suppressed, IReadOnlyList<ItemChange> Items)
{
    public double? MeanBefore { get; init; }

    public double? MeanAfter { get; init; }

    /// <summary>People whose score rose.</summary>
    public int? Improved { get; init; }

    public int? Unchanged { get; init; }

    /// <summary>People whose score fell.</summary>
    public int? Worsened { get; init; }

    public double? Change => MeanAfter - MeanBefore;

    /// <summary>The share of the pairs whose score rose, between 0 and 1.</summary>
    public double? ShareImproved => Improved is { } improved && Pairs > 0 ? (double)improved / Pairs : null;
}

public static class Pairing
{
    /// <summary>
    /// Compares the items between the before and after responses of one network. Responses without a respondent key
    /// (stored before pairing existed) cannot be paired and are left out; so are items not answered both times.
    /// </summary>
    public static PairedChange Compare(
        IReadOnlyList<SurveyQuestion> items,
        IReadOnlyList<SurveyResponse> before,
        IReadOnlyList<SurveyResponse> after,
        int anonymityThreshold = SurveyResults.DefaultAnonymityThreshold)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(anonymityThreshold, 1);
        var scales = items.Where(q => q.Type == AnswerType.Scale).ToArray();
        var then = ByPerson(before);
        var now = ByPerson(after);

        var scores = new List<(double Before, double After)>();
        foreach (var (key, first) in then)
        {
            if (!now.TryGetValue(key, out var second)) continue;
            if (Score(scales, first) is { } a && Score(scales, second) is { } b) scores.Add((a, b));
        }

        var itemChanges = scales.Select(q =>
        {
            var pairs = then.Where(p => now.ContainsKey(p.Key))
                .Select(p => (Before: Value(q, p.Value), After: Value(q, now[p.Key])))
                .Where(p => p.Before is not null && p.After is not null)
                .Select(p => (Before: p.Before!.Value, After: p.After!.Value))
                .ToArray();
            return pairs.Length < anonymityThreshold
                ? new ItemChange(q, pairs.Length, true, null, null)
                : new ItemChange(q, pairs.Length, false, pairs.Average(p => p.Before), pairs.Average(p => p.After));
        }).ToArray();

        if (scores.Count < anonymityThreshold) return new PairedChange(scores.Count, true, itemChanges);
        const double Epsilon = 1e-9; // means of whole numbers: anything smaller is no change
        return new PairedChange(scores.Count, false, itemChanges)
        {
            MeanBefore = scores.Average(s => s.Before),
            MeanAfter = scores.Average(s => s.After),
            Improved = scores.Count(s => s.After - s.Before > Epsilon),
            Unchanged = scores.Count(s => Math.Abs(s.After - s.Before) <= Epsilon),
            Worsened = scores.Count(s => s.Before - s.After > Epsilon),
        };
    }

    /// <summary>One response per person: the latest, should a store ever hold two.</summary>
    private static Dictionary<string, SurveyResponse> ByPerson(IReadOnlyList<SurveyResponse> responses) => responses
        .Where(r => !string.IsNullOrEmpty(r.RespondentKey))
        .GroupBy(r => r.RespondentKey!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.MaxBy(r => r.SubmittedAt)!, StringComparer.Ordinal);

    private static double? Score(SurveyQuestion[] items, SurveyResponse response)
    {
        var values = items.Select(q => Value(q, response)).OfType<int>().ToArray();
        return values.Length == 0 ? null : values.Average();
    }

    private static int? Value(SurveyQuestion question, SurveyResponse response) =>
        SurveyAnswers.Number(question, response.Answers.TryGetValue(question.Key, out var v) ? v : null);
}
