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
}

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

    /// <summary>True for "ja", false for "nej" (any case), else null.</summary>
    internal static bool? YesNo(string? value)
    {
        var clean = Clean(value);
        if (string.Equals(clean, Yes, StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(clean, No, StringComparison.OrdinalIgnoreCase)) return false;
        return null;
    }
}
