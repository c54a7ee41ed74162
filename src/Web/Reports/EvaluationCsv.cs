using System.Globalization;
using System.Text;
using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Reports;

/// <summary>
/// A network's evaluation as a CSV file that opens correctly in Danish Excel: UTF-8 with a byte-order mark (else æøå
/// break), fields separated by semicolons (the list separator when the decimal separator is a comma), decimal commas,
/// CRLF between rows and quotes around fields holding a separator, quote or line break. It holds exactly the figures
/// the report page shows — the Domain has already withheld what rests on too few respondents.
/// </summary>
public static class EvaluationCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private static readonly string[] Header = ["Undersøgelse", "Spørgsmål", "Nøgle", "Gruppe", "Svar", "Antal", "Andel (%)", "Gennemsnit", "Note"];

    public static byte[] Write(NetworkEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var rows = new List<string?[]> { Header };
        rows.Add(["Mål", Targets.Goal(evaluation.Type), "", "", "", Count(evaluation.Target.Respondents), Share(evaluation.Target.Share),
            "", Targets.Describe(evaluation.Target, evaluation.AnonymityThreshold)]);
        if (evaluation.Change is { } change) rows.AddRange(ChangeRows(evaluation.Type, change, evaluation.AnonymityThreshold));
        foreach (var (survey, summary) in evaluation.Surveys)
        {
            var name = SurveyName(survey.Kind);
            rows.Add([name, "Svarprocent", "", "", "", Count(summary.Answered), Share(summary.ResponseRate), "",
                $"{Count(summary.Answered)} af {Count(summary.Invited)} har svaret"]);
            foreach (var question in summary.Questions) rows.AddRange(QuestionRows(name, question));
        }

        var text = new StringBuilder();
        foreach (var row in rows) text.Append(string.Join(';', row.Select(Field))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string SurveyName(SurveyKind kind) => kind switch
    {
        SurveyKind.Baseline => "Førmåling",
        SurveyKind.MidTerm => "Midtvejsevaluering",
        SurveyKind.End => "Slutevaluering",
        _ => "Opfølgning",
    };

    private static IEnumerable<string?[]> ChangeRows(NetworkType type, PairedChange change, int threshold)
    {
        var what = type == NetworkType.Learning ? "Kompetencer før og efter" : "Relationel koordinering før og efter";
        if (change.Suppressed)
        {
            yield return ["Før og efter", what, "", "", "", Count(change.Pairs), "", "", SurveyResults.SuppressedNote(threshold)];
            yield break;
        }

        yield return ["Før og efter", what, "", "", "Før", Count(change.Pairs), "", Mean(change.MeanBefore), ""];
        yield return ["Før og efter", what, "", "", "Efter", Count(change.Pairs), "", Mean(change.MeanAfter), ""];
        yield return ["Før og efter", what, "", "", "Forbedret", Count(change.Improved ?? 0), Share(change.ShareImproved), "", ""];
        foreach (var item in change.Items)
        {
            if (item.Suppressed)
            {
                yield return ["Før og efter", item.Question.Text, item.Question.Key, "", "", Count(item.Pairs), "", "", SurveyResults.SuppressedNote(threshold)];
                continue;
            }

            yield return ["Før og efter", item.Question.Text, item.Question.Key, "", "Før", Count(item.Pairs), "", Mean(item.MeanBefore), ""];
            yield return ["Før og efter", item.Question.Text, item.Question.Key, "", "Efter", Count(item.Pairs), "", Mean(item.MeanAfter), ""];
        }
    }

    private static IEnumerable<string?[]> QuestionRows(string survey, QuestionSummary question)
    {
        var (text, key) = (question.Question.Text, question.Question.Key);
        if (question.Suppressed)
        {
            yield return [survey, text, key, "", "", Count(question.Respondents), "", "", question.Note];
            yield break;
        }

        switch (question.Question.Type)
        {
            case AnswerType.Scale or AnswerType.Number:
                yield return [survey, text, key, "", "I alt", Count(question.Respondents), "", Mean(question.Mean), ""];
                foreach (var value in question.Distribution ?? [])
                {
                    var label = question.Question.Type == AnswerType.Scale
                        ? $"{value.Value.ToString(Danish)} – {question.Question.ScaleLabels[value.Value - SurveyAnswers.ScaleMin]}"
                        : value.Value.ToString(Danish);
                    yield return [survey, text, key, "", label, Count(value.Count), Share((double)value.Count / question.Respondents), "", ""];
                }

                break;
            case AnswerType.YesNo:
                yield return [survey, text, key, "", "Ja", Count(question.Yes ?? 0), Share((double)(question.Yes ?? 0) / question.Respondents), "", ""];
                yield return [survey, text, key, "", "Nej", Count(question.No ?? 0), Share((double)(question.No ?? 0) / question.Respondents), "", ""];
                break;
            case AnswerType.SingleChoice or AnswerType.MultipleChoice:
                foreach (var option in question.Choices ?? [])
                {
                    yield return [survey, text, key, "", option.Option.Label, Count(option.Count), Share((double)option.Count / question.Respondents), "", ""];
                }

                break;
            default:
                foreach (var answer in question.Texts) yield return [survey, text, key, "", answer, "", "", "", ""];
                break;
        }

        foreach (var group in question.Groups)
        {
            var name = RespondentKeys.DanishName(group.Group);
            yield return group.Suppressed
                ? [survey, text, key, name, "", "", "", "", "Skjult for at beskytte små grupper"]
                : [survey, text, key, name, "", Count(group.Respondents ?? 0), Share(group.ShareYes), Mean(group.Mean), ""];
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", Danish) : "";

    private static string Mean(double? mean) => mean is { } m ? m.ToString("0.00", Danish) : "";

    /// <summary>
    /// Quoted when it holds a separator, quote or line break. A text that Excel would take for a formula (=, +, -, @)
    /// gets a leading apostrophe: respondents' free text must not run as a formula on the secretariat's machine.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, Danish, out _)) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
