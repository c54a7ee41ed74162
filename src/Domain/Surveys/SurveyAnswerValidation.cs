using System.Globalization;

namespace Netvaerk.Domain.Surveys;

/// <summary>What is wrong with one answer, for the form: the question's key and a Danish message.</summary>
public sealed record SurveyProblem(string Key, string Message);

/// <summary>Checks submitted answers against a survey's questions before they are stored.</summary>
public static class SurveyAnswerValidation
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>
    /// The problems with the answers, in question order, then unknown keys in key order: an answer to a question
    /// the survey does not have, a required question left blank, a number outside its range, a yes/no that is
    /// neither, a choice that is not an option, or a text over <see cref="SurveyAnswers.MaxTextLength"/> characters. Blank optional answers are fine.
    /// </summary>
    public static IReadOnlyList<SurveyProblem> Validate(
        IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<SurveyProblem>();
        foreach (var question in questions)
        {
            answers.TryGetValue(question.Key, out var raw);
            var value = SurveyAnswers.Clean(raw);
            if (value is null)
            {
                if (question.Required) problems.Add(new(question.Key, "Spørgsmålet skal besvares."));
                continue;
            }

            var message = question.Type switch
            {
                AnswerType.Scale or AnswerType.Number when SurveyAnswers.Number(question, value) is null =>
                    $"Svaret skal være et helt tal fra {question.Min!.Value.ToString(Danish)} til {question.Max!.Value.ToString(Danish)}.",
                AnswerType.YesNo when SurveyAnswers.YesNo(value) is null =>
                    "Svar ja eller nej.",
                AnswerType.SingleChoice when SurveyAnswers.Choices(question, value) is null =>
                    "Vælg én af mulighederne.",
                AnswerType.MultipleChoice when SurveyAnswers.Choices(question, value) is null =>
                    "Vælg blandt de viste muligheder.",
                AnswerType.FreeText when value.Length > SurveyAnswers.MaxTextLength =>
                    $"Svaret må højst være på {SurveyAnswers.MaxTextLength.ToString("N0", Danish)} tegn; det er på {value.Length.ToString("N0", Danish)}.",
                _ => null,
            };
            if (message is not null) problems.Add(new(question.Key, message));
        }

        var known = questions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(answers.Keys
            .Where(key => !known.Contains(key))
            .Order(StringComparer.Ordinal)
            .Select(key => new SurveyProblem(key, "Spørgsmålet findes ikke i denne undersøgelse.")));
        return problems;
    }

    /// <summary>
    /// The answers as they are stored, once <see cref="Validate"/> finds no problems: trimmed, line breaks unified,
    /// blank answers left out, numbers without leading zeros and yes/no in lower case.
    /// </summary>
    /// <exception cref="ArgumentException">The answers have problems.</exception>
    public static IReadOnlyDictionary<string, string> Normalise(
        IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, string> answers)
    {
        var problems = Validate(questions, answers);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"The answers have {problems.Count} problem(s), first '{problems[0].Key}': {problems[0].Message}", nameof(answers));
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            answers.TryGetValue(question.Key, out var raw);
            if (SurveyAnswers.Clean(raw) is not { } value) continue;
            result[question.Key] = question.Type switch
            {
                AnswerType.Scale or AnswerType.Number => SurveyAnswers.Number(question, value)!.Value.ToString(CultureInfo.InvariantCulture),
                AnswerType.YesNo => SurveyAnswers.YesNo(value)!.Value ? SurveyAnswers.Yes : SurveyAnswers.No,
                AnswerType.SingleChoice or AnswerType.MultipleChoice => string.Join(',', SurveyAnswers.Choices(question, value)!),
                _ => value,
            };
        }

        return result;
    }
}
