using System.Globalization;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Domain.Surveys;

/// <summary>How many respondents gave one value.</summary>
public sealed record ValueCount(int Value, int Count);

/// <summary>
/// One respondent group's figure for a question: the mean (scales and numbers) or the share saying yes. Withheld
/// (<see cref="Suppressed"/>) when the group, or the group it would be revealed by subtraction from the total with,
/// is below the anonymity threshold.
/// </summary>
public sealed record GroupFigure(Evaluation.RespondentGroup Group, bool Suppressed)
{
    /// <summary>How many in the group answered; null when withheld (the count itself would give it away).</summary>
    public int? Respondents { get; init; }

    public double? Mean { get; init; }

    /// <summary>Yes/no: the share saying yes.</summary>
    public double? ShareYes { get; init; }
}

/// <summary>How many respondents chose one option of a choice question.</summary>
public sealed record OptionCount(ChoiceOption Option, int Count);

/// <summary>
/// The aggregate of one question. <see cref="Respondents"/> (how many answered it) is always shown; everything
/// else is withheld when fewer than the anonymity threshold answered (<see cref="Suppressed"/>, with
/// <see cref="Note"/> saying so).
/// </summary>
/// <param name="Question">The question.</param>
/// <param name="Respondents">How many gave a valid answer to it.</param>
/// <param name="Suppressed">Fewer than the threshold answered: no mean, distribution, yes/no counts or texts.</param>
/// <param name="Note">"Skjult: færre end 5 svar" when suppressed, else null.</param>
public sealed record QuestionSummary(SurveyQuestion Question, int Respondents, bool Suppressed, string? Note)
{
    /// <summary>Scales and numbers: the mean answer.</summary>
    public double? Mean { get; init; }

    /// <summary>Scales: the count of every value 1–5 (zeros included); numbers: the values given, ascending.</summary>
    public IReadOnlyList<ValueCount>? Distribution { get; init; }

    /// <summary>Yes/no: how many said yes.</summary>
    public int? Yes { get; init; }

    /// <summary>Yes/no: how many said no.</summary>
    public int? No { get; init; }

    /// <summary>
    /// Scales, numbers and yes/no: the breakdown by respondent group (employees, citizens, others), for the groups
    /// that answered; empty when the whole is withheld or nobody's group is known.
    /// </summary>
    public IReadOnlyList<GroupFigure> Groups { get; init; } = [];

    /// <summary>Choice questions: how many chose each option, in the question's order (zeros included).</summary>
    public IReadOnlyList<OptionCount>? Choices { get; init; }

    /// <summary>Free text: the answers in alphabetical order (so their order says nothing about who or when).</summary>
    public IReadOnlyList<string> Texts { get; init; } = [];
}

/// <summary>The response rate at the end of a day (Danish time) on which someone answered.</summary>
public sealed record RateOnDay(DateOnly Day, int Answered, double Rate);

/// <summary>A survey's results: response rate and per-question aggregates.</summary>
/// <param name="Invited">Invitations sent.</param>
/// <param name="Answered">Invitations answered.</param>
/// <param name="ResponseRate">Answered / invited, between 0 and 1; 0 when nobody was invited.</param>
/// <param name="Respondents">Responses received.</param>
/// <param name="AnonymityThreshold">The fewest respondents an aggregate may be shown for.</param>
/// <param name="Questions">One summary per question, in the survey's order.</param>
public sealed record SurveySummary(
    int Invited,
    int Answered,
    double ResponseRate,
    int Respondents,
    int AnonymityThreshold,
    IReadOnlyList<QuestionSummary> Questions)
{
    /// <summary>The survey as a whole has too few respondents for any breakdown.</summary>
    public bool Suppressed => Respondents < AnonymityThreshold;

    /// <summary>How the response rate grew: one entry per day with answers, cumulative, in order.</summary>
    public IReadOnlyList<RateOnDay> History { get; init; } = [];
}

/// <summary>
/// Aggregates a survey's responses. Results are only ever shown in aggregate, and an aggregate over fewer than
/// the anonymity threshold (default 5, DOMAIN.md "Surveys") is suppressed.
/// </summary>
public static class SurveyResults
{
    public const int DefaultAnonymityThreshold = 5;

    /// <summary>"Skjult: færre end 5 svar".</summary>
    public static string SuppressedNote(int threshold) =>
        $"Skjult: færre end {threshold.ToString(CultureInfo.InvariantCulture)} svar";

    /// <summary>
    /// The results of one survey. Answers that are missing or invalid for their question are left out of that
    /// question's aggregate. Invitations and responses must all belong to the same survey.
    /// </summary>
    public static SurveySummary Summarise(
        IReadOnlyList<SurveyQuestion> questions,
        IReadOnlyList<SurveyInvitation> invitations,
        IReadOnlyList<SurveyResponse> responses,
        int anonymityThreshold = DefaultAnonymityThreshold)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(invitations);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentOutOfRangeException.ThrowIfLessThan(anonymityThreshold, 1);
        var surveys = invitations.Select(i => i.SurveyId).Concat(responses.Select(r => r.SurveyId)).Distinct(StringComparer.Ordinal).Count();
        if (surveys > 1)
        {
            throw new ArgumentException("Invitations and responses belong to more than one survey.", nameof(responses));
        }

        var invited = invitations.Count;
        var answered = invitations.Count(i => i.AnsweredAt is not null);
        var rate = invited == 0 ? 0 : Math.Min(1.0, (double)answered / invited);
        var summaries = questions.Select(q => Summarise(q, responses, anonymityThreshold)).ToArray();
        var cumulative = 0;
        var history = invitations.Where(i => i.AnsweredAt is not null)
            .GroupBy(i => Calendar.CopenhagenTime.DateOf(i.AnsweredAt!.Value))
            .OrderBy(g => g.Key)
            .Select(g => { cumulative += g.Count(); return new RateOnDay(g.Key, cumulative, Math.Min(1.0, (double)cumulative / invited)); })
            .ToArray();
        return new SurveySummary(invited, answered, rate, responses.Count, anonymityThreshold, summaries) { History = history };
    }

    private static QuestionSummary Summarise(SurveyQuestion question, IReadOnlyList<SurveyResponse> responses, int threshold)
    {
        var values = responses
            .Select(r => r.Answers.TryGetValue(question.Key, out var value) ? value : null)
            .ToArray();
        switch (question.Type)
        {
            case AnswerType.Scale or AnswerType.Number:
            {
                var numbers = values.Select(v => SurveyAnswers.Number(question, v)).OfType<int>().ToArray();
                if (numbers.Length < threshold) return Hidden(question, numbers.Length, threshold);
                var distribution = question.Type == AnswerType.Scale
                    ? Enumerable.Range(SurveyAnswers.ScaleMin, SurveyAnswers.ScaleMax - SurveyAnswers.ScaleMin + 1)
                        .Select(v => new ValueCount(v, numbers.Count(n => n == v)))
                    : numbers.GroupBy(n => n).OrderBy(g => g.Key).Select(g => new ValueCount(g.Key, g.Count()));
                return new QuestionSummary(question, numbers.Length, false, null)
                {
                    Mean = numbers.Average(),
                    Distribution = [.. distribution],
                    Groups = Breakdown(question, responses, threshold, values => values.Average(), static _ => null),
                };
            }

            case AnswerType.YesNo:
            {
                var answers = values.Select(SurveyAnswers.YesNo).OfType<bool>().ToArray();
                if (answers.Length < threshold) return Hidden(question, answers.Length, threshold);
                var yes = answers.Count(a => a);
                return new QuestionSummary(question, answers.Length, false, null)
                {
                    Yes = yes,
                    No = answers.Length - yes,
                    Groups = Breakdown(question, responses, threshold, static _ => null, values => values.Average()),
                };
            }

            case AnswerType.SingleChoice or AnswerType.MultipleChoice:
            {
                var chosen = values.Select(v => SurveyAnswers.Choices(question, v)).OfType<IReadOnlyList<string>>().ToArray();
                if (chosen.Length < threshold) return Hidden(question, chosen.Length, threshold);
                return new QuestionSummary(question, chosen.Length, false, null)
                {
                    Choices = [.. question.Options.Select(o => new OptionCount(o, chosen.Count(c => c.Contains(o.Value))))],
                };
            }

            default:
            {
                var texts = values.Select(SurveyAnswers.Clean).OfType<string>().ToArray();
                if (texts.Length < threshold) return Hidden(question, texts.Length, threshold);
                return new QuestionSummary(question, texts.Length, false, null) { Texts = [.. texts.Order(StringComparer.Ordinal)] };
            }
        }
    }

    /// <summary>
    /// The question's figures per respondent group. Groups are cells of one table with a published total, so
    /// <see cref="Evaluation.Suppression"/> withholds small groups and, with them, enough others that no withheld
    /// group can be recovered by subtraction.
    /// </summary>
    private static GroupFigure[] Breakdown(
        SurveyQuestion question, IReadOnlyList<SurveyResponse> responses, int threshold, Func<int[], double?> mean, Func<int[], double?> shareYes)
    {
        if (responses.All(r => r.Group is null)) return [];
        var groups = Enum.GetValues<Evaluation.RespondentGroup>();
        var cells = groups.Select(g => responses
            .Where(r => (r.Group ?? Evaluation.RespondentGroup.Other) == g)
            .Select(r => r.Answers.TryGetValue(question.Key, out var v) ? v : null)
            .Select(v => question.Type == AnswerType.YesNo
                ? SurveyAnswers.YesNo(v) is { } yes ? (yes ? 1 : 0) : (int?)null
                : SurveyAnswers.Number(question, v))
            .OfType<int>().ToArray()).ToArray();
        var publishable = Evaluation.Suppression.Publishable([.. cells.Select(c => c.Length)], threshold);
        return [.. groups.Select((group, i) => (group, i)).Where(x => cells[x.i].Length > 0).Select(x => publishable.Contains(x.i)
            ? new GroupFigure(x.group, false) { Respondents = cells[x.i].Length, Mean = mean(cells[x.i]), ShareYes = shareYes(cells[x.i]) }
            : new GroupFigure(x.group, true))];
    }

    private static QuestionSummary Hidden(SurveyQuestion question, int respondents, int threshold) =>
        new(question, respondents, true, SuppressedNote(threshold));
}
