using System.Globalization;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Evaluation;

/// <summary>A survey with its responses.</summary>
public sealed record SurveyAnswersOf(Survey Survey, IReadOnlyList<SurveyResponse> Responses);

/// <summary>
/// One network's progress toward its type's first-year target (DOMAIN.md): innovation — at least one proposal for a
/// new welfare service; welfare — citizens and employees experience an improvement; learning — participants have,
/// by their own assessment, improved their competences.
/// </summary>
/// <param name="Type">The network's type, which decides the target.</param>
/// <param name="Measured">The survey the target is read from has been sent.</param>
/// <param name="Respondents">The people the figure rests on (innovation: answers to the count; welfare: to the improvement items; learning: before/after pairs).</param>
/// <param name="Suppressed">Fewer than the anonymity threshold: no figure.</param>
public sealed record TargetProgress(NetworkType Type, bool Measured, int Respondents, bool Suppressed)
{
    /// <summary>Welfare: reporting an improvement; learning: whose self-assessment rose.</summary>
    public int? Positive { get; init; }

    /// <summary>Innovation: the proposals the network reached (the median of the participants' counts).</summary>
    public int? Proposals { get; init; }

    /// <summary>Whether the target is met; null without a figure.</summary>
    public bool? Met { get; init; }

    public double? Share => Positive is { } positive && Respondents > 0 ? (double)positive / Respondents : null;
}

/// <summary>The portfolio's progress toward one type's target, pooled over the networks with a published figure.</summary>
/// <param name="Networks">Networks of the type.</param>
/// <param name="Measured">Of those, with a published figure (measured, not suppressed).</param>
/// <param name="Met">Of those, meeting the target.</param>
public sealed record PortfolioTarget(NetworkType Type, int Networks, int Measured, int Met)
{
    /// <summary>Respondents across the measured networks.</summary>
    public int Respondents { get; init; }

    /// <summary>Welfare and learning: positive respondents across the measured networks.</summary>
    public int? Positive { get; init; }

    /// <summary>Innovation: proposals across the measured networks.</summary>
    public int? Proposals { get; init; }

    public double? Share => Positive is { } positive && Respondents > 0 ? (double)positive / Respondents : null;
}

public static class Targets
{
    /// <summary>
    /// Welfare and learning targets count as met when at least this share of respondents is positive: the strategy
    /// says citizens, employees and participants "say" so, which we read as a majority.
    /// </summary>
    public const double MajorityShare = 0.5;

    /// <summary>A scale answer of 4 (Enig) or 5 (Helt enig).</summary>
    public const int Agrees = 4;

    public static TargetProgress ForNetwork(NetworkType type, IReadOnlyList<SurveyAnswersOf> surveys, int anonymityThreshold = SurveyResults.DefaultAnonymityThreshold)
    {
        ArgumentNullException.ThrowIfNull(surveys);
        ArgumentOutOfRangeException.ThrowIfLessThan(anonymityThreshold, 1);
        SurveyAnswersOf? Of(SurveyKind kind) => surveys.Where(s => s.Survey.Kind == kind).MaxBy(s => s.Survey.SentAt);
        switch (type)
        {
            case NetworkType.Innovation:
            {
                // The end evaluation's count is the result; until it is sent, the mid-term's shows the way.
                if ((Of(SurveyKind.End) ?? Of(SurveyKind.MidTerm)) is not { } survey) return NotMeasured(type);
                var question = SurveyQuestions.For(survey.Survey.Kind, type).FirstOrDefault(q => q.Key == SurveyQuestions.ProposalsCountKey);
                if (question is null) return NotMeasured(type);
                var counts = survey.Responses
                    .Select(r => SurveyAnswers.Number(question, r.Answers.TryGetValue(question.Key, out var v) ? v : null))
                    .OfType<int>().Order().ToArray();
                if (counts.Length < anonymityThreshold) return new TargetProgress(type, true, counts.Length, true);
                var median = counts[(counts.Length - 1) / 2]; // the lower median: a whole number of proposals
                return new TargetProgress(type, true, counts.Length, false) { Proposals = median, Met = median >= 1 };
            }

            case NetworkType.Welfare:
            {
                if (Of(SurveyKind.End) is not { } survey) return NotMeasured(type);
                var answered = survey.Responses
                    .Select(r => SurveyQuestions.ImprovementItems
                        .Select(q => SurveyAnswers.Number(q, r.Answers.TryGetValue(q.Key, out var v) ? v : null)).OfType<int>().ToArray())
                    .Where(values => values.Length > 0)
                    .ToArray();
                return Shared(type, answered.Length, answered.Count(values => values.Any(v => v >= Agrees)), anonymityThreshold);
            }

            case NetworkType.Learning:
            {
                if (Of(SurveyKind.End) is not { } end) return NotMeasured(type);
                var change = Pairing.Compare(SurveyQuestions.CompetenceItems, Of(SurveyKind.Baseline)?.Responses ?? [], end.Responses, anonymityThreshold);
                return Shared(type, change.Pairs, change.Improved ?? 0, anonymityThreshold);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Ukendt netværkstype.");
        }
    }

    /// <summary>
    /// The portfolio's progress per type, in the order innovation, welfare, learning. Only networks whose own figure
    /// is published are pooled, so no pooled figure contains a group that is withheld on its own.
    /// </summary>
    public static IReadOnlyList<PortfolioTarget> ForPortfolio(IReadOnlyList<TargetProgress> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        return [.. new[] { NetworkType.Innovation, NetworkType.Welfare, NetworkType.Learning }.Select(type =>
        {
            var all = networks.Where(n => n.Type == type).ToArray();
            var measured = all.Where(n => n.Measured && !n.Suppressed).ToArray();
            return new PortfolioTarget(type, all.Length, measured.Length, measured.Count(n => n.Met == true))
            {
                Respondents = measured.Sum(n => n.Respondents),
                Positive = type == NetworkType.Innovation ? null : measured.Sum(n => n.Positive ?? 0),
                Proposals = type == NetworkType.Innovation ? measured.Sum(n => n.Proposals ?? 0) : null,
            };
        })];
    }

    /// <summary>
    /// The titles of an innovation network's proposals, from the latest of the end and mid-term evaluations whose titles
    /// question at least the threshold answered (free text below it is withheld everywhere): one per line, each once,
    /// in alphabetical order (a title in several spellings, as most wrote it). Empty for the other types or until then.
    /// </summary>
    public static IReadOnlyList<string> ProposalTitles(NetworkType type, IReadOnlyList<SurveyAnswersOf> surveys, int anonymityThreshold = SurveyResults.DefaultAnonymityThreshold)
    {
        ArgumentNullException.ThrowIfNull(surveys);
        if (type != NetworkType.Innovation) return [];
        const string Key = "proposals.titles";
        foreach (var survey in surveys.Where(s => s.Survey.Kind is SurveyKind.End or SurveyKind.MidTerm).OrderByDescending(s => s.Survey.SentAt))
        {
            var answers = survey.Responses.Select(r => r.Answers.TryGetValue(Key, out var v) ? SurveyAnswers.Clean(v) : null).OfType<string>().ToArray();
            if (answers.Length < anonymityThreshold) continue;
            // The same title written in different case is one proposal, spelt as most wrote it.
            return [.. answers.SelectMany(a => a.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key)
                .Order(StringComparer.Create(Danish, ignoreCase: true))];
        }

        return [];
    }

    /// <summary>The target in Danish, as the strategy puts it.</summary>
    public static string Goal(NetworkType type) => type switch
    {
        NetworkType.Innovation => "Mindst ét forslag til en ny innovativ velfærdsydelse pr. netværk",
        NetworkType.Welfare => "Borgere og medarbejdere oplever en forbedring",
        NetworkType.Learning => "Deltagerne har efter egen vurdering forbedret deres kompetencer",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Ukendt netværkstype."),
    };

    /// <summary>One network's progress in a Danish sentence.</summary>
    public static string Describe(TargetProgress progress, int anonymityThreshold = SurveyResults.DefaultAnonymityThreshold)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!progress.Measured) return "Ikke målt endnu.";
        if (progress.Suppressed) return SurveyResults.SuppressedNote(anonymityThreshold) + ".";
        var met = progress.Met == true ? "Målet er nået." : "Målet er ikke nået endnu.";
        return progress.Type switch
        {
            NetworkType.Innovation => $"{Proposals(progress.Proposals ?? 0)} (ud fra {Number(progress.Respondents)} svar). {met}",
            NetworkType.Welfare => $"{Percent(progress.Share)} af {Number(progress.Respondents)} svarpersoner oplever en forbedring. {met}",
            _ => $"{Percent(progress.Share)} af {Number(progress.Respondents)} deltagere har forbedret deres selvvurdering fra før til efter. {met}",
        };
    }

    /// <summary>The portfolio's progress for one type in a Danish sentence.</summary>
    public static string Describe(PortfolioTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var measured = $"{Number(target.Measured)} af {Number(target.Networks)} netværk har et resultat";
        if (target.Measured == 0) return $"{measured} endnu.";
        return target.Type switch
        {
            NetworkType.Innovation => $"{measured}; {Number(target.Met)} har mindst ét forslag, i alt {Proposals(target.Proposals ?? 0)}.",
            NetworkType.Welfare => $"{measured}; {Percent(target.Share)} af {Number(target.Respondents)} svarpersoner oplever en forbedring, og {Number(target.Met)} netværk har nået målet.",
            _ => $"{measured}; {Percent(target.Share)} af {Number(target.Respondents)} deltagere har forbedret deres selvvurdering, og {Number(target.Met)} netværk har nået målet.",
        };
    }

    private static TargetProgress Shared(NetworkType type, int respondents, int positive, int threshold) => respondents < threshold
        ? new TargetProgress(type, true, respondents, true)
        : new TargetProgress(type, true, respondents, false)
        {
            Positive = positive,
            Met = (double)positive / respondents >= MajorityShare,
        };

    private static TargetProgress NotMeasured(NetworkType type) => new(type, false, 0, true);

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private static string Number(int value) => value.ToString("N0", Danish);

    private static string Proposals(int count) => count == 1 ? "1 forslag" : $"{Number(count)} forslag";

    internal static string Percent(double? share) => share is { } s ? (s * 100).ToString("0", Danish) + " %" : "–";
}
