namespace Netvaerk.Domain.Surveys;

/// <summary>How a question is answered.</summary>
public enum AnswerType
{
    /// <summary>A whole number from 1 (<see cref="SurveyQuestion.LowLabel"/>) to 5 (<see cref="SurveyQuestion.HighLabel"/>).</summary>
    Scale,

    /// <summary>"ja" or "nej" (<see cref="SurveyAnswers.Yes"/>, <see cref="SurveyAnswers.No"/>).</summary>
    YesNo,

    /// <summary>Free text of at most <see cref="SurveyAnswers.MaxTextLength"/> characters.</summary>
    FreeText,

    /// <summary>A whole number from 0 to <see cref="SurveyAnswers.MaxNumber"/> (e.g. how many proposals).</summary>
    Number,

    /// <summary>One of <see cref="SurveyQuestion.Options"/>, by its value.</summary>
    SingleChoice,

    /// <summary>Any of <see cref="SurveyQuestion.Options"/>, their values separated by commas.</summary>
    MultipleChoice,
}

/// <summary>One choice of a choice question: a stable value (what is stored) and its Danish label.</summary>
public sealed record ChoiceOption(string Value, string Label);

/// <summary>
/// One question of a survey. <see cref="Key"/> is stable across versions and surveys: the same key in the baseline
/// and the end evaluation is the same question, so answers can be compared.
/// </summary>
/// <param name="Key">Stable key, e.g. "competence.knowledge"; the answer's key in <c>SurveyResponse.Answers</c>.</param>
/// <param name="Text">The Danish question or statement.</param>
/// <param name="Type">How it is answered.</param>
/// <param name="Required">Whether an answer is required.</param>
public sealed record SurveyQuestion(string Key, string Text, AnswerType Type, bool Required)
{
    /// <summary>For scales: what 1 means.</summary>
    public string? LowLabel { get; init; }

    /// <summary>For scales: what 5 means.</summary>
    public string? HighLabel { get; init; }

    /// <summary>Optional guidance shown under the question.</summary>
    public string? Help { get; init; }

    /// <summary>A few words naming the question where the whole text does not fit (a chart's row); else the text.</summary>
    public string? ShortText { get; init; }

    /// <summary>Choice questions: the options, in the order shown. Values are stable like keys and hold no comma.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    /// <summary>
    /// Scales: the Danish label of every point 1–5, the ends from <see cref="LowLabel"/> and <see cref="HighLabel"/>
    /// and the middle from the agreement scale (so a respondent never has to guess what 2, 3 or 4 mean).
    /// </summary>
    public IReadOnlyList<string> ScaleLabels => Type == AnswerType.Scale
        ? [LowLabel ?? SurveyAnswers.AgreementLabels[0], .. SurveyAnswers.AgreementLabels.Skip(1).Take(3), HighLabel ?? SurveyAnswers.AgreementLabels[4]]
        : [];

    /// <summary>The label of a choice value, or the value itself if the question has no such option.</summary>
    public string OptionLabel(string value) => Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;

    /// <summary>The smallest allowed number (scales and numbers), else null.</summary>
    public int? Min => Type switch
    {
        AnswerType.Scale => SurveyAnswers.ScaleMin,
        AnswerType.Number => 0,
        _ => null,
    };

    /// <summary>The largest allowed number (scales and numbers), else null.</summary>
    public int? Max => Type switch
    {
        AnswerType.Scale => SurveyAnswers.ScaleMax,
        AnswerType.Number => SurveyAnswers.MaxNumber,
        _ => null,
    };
}

/// <summary>The wire form of answers: what a form posts and what <c>SurveyResponse.Answers</c> stores.</summary>
public static class SurveyAnswers
{
    public const string Yes = "ja";

    public const string No = "nej";

    public const int ScaleMin = 1;

    public const int ScaleMax = 5;

    public const int MaxNumber = 99;

    public const int MaxTextLength = 2000;

    /// <summary>The five points of the agreement scale, 1 to 5.</summary>
    public static IReadOnlyList<string> AgreementLabels { get; } = ["Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"];

    /// <summary>Trims and unifies line breaks (a browser posts CRLF); null for a blank answer.</summary>
    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
    }

    /// <summary>A whole number within the question's range, or null.</summary>
    internal static int? Number(SurveyQuestion question, string? value)
    {
        var clean = Clean(value);
        return clean is not null
            && int.TryParse(clean, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= question.Min && number <= question.Max
            ? number
            : null;
    }

    /// <summary>
    /// The chosen option values in the question's order, or null if any is not an option, a value repeats, or a
    /// single choice holds more than one. Values are separated by commas (a form posting several is joined so).
    /// </summary>
    internal static IReadOnlyList<string>? Choices(SurveyQuestion question, string? value)
    {
        var clean = Clean(value);
        if (clean is null) return null;
        var chosen = clean.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (chosen.Length == 0 || chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Length) return null;
        if (question.Type == AnswerType.SingleChoice && chosen.Length != 1) return null;
        if (chosen.Any(c => question.Options.All(o => o.Value != c))) return null;
        return [.. question.Options.Select(o => o.Value).Where(chosen.Contains)];
    }

    /// <summary>True for "ja", false for "nej" (any case), else null.</summary>
    internal static bool? YesNo(string? value)
    {
        var clean = Clean(value);
        if (string.Equals(clean, Yes, StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(clean, No, StringComparison.OrdinalIgnoreCase)) return false;
        return null;
    }
}
