using System.Globalization;
using System.Text;
using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Local.Tests.EndToEnd;
using Netvaerk.Web.Reports;

namespace Netvaerk.Web.Tests.Reports;

public class EvaluationCsvTests
{
    private static readonly DateTimeOffset Sent = new(2027, 3, 30, 9, 0, 0, TimeSpan.Zero);

    private static NetworkEvaluation Evaluation(params string[] texts)
    {
        var questions = new[]
        {
            new SurveyQuestion("purpose.achieved", "Netværket har indfriet sit formål.", AnswerType.Scale, true) { LowLabel = "Helt uenig", HighLabel = "Helt enig" },
            new SurveyQuestion("comment", "Er der andet; fx \"citater\"?", AnswerType.FreeText, false),
        };
        var responses = Enumerable.Range(0, 6).Select(i => new SurveyResponse("n/end", Sent, new Dictionary<string, string>
        {
            ["purpose.achieved"] = (i % 2 == 0 ? 4 : 3).ToString(CultureInfo.InvariantCulture),
            ["comment"] = i < texts.Length ? texts[i] : "",
        })).ToArray();
        var invitations = Enumerable.Range(0, 8).Select(i => new SurveyInvitation("n/end", $"p{i}@albertslund.dk", $"P{i}", $"h{i}", Sent.AddDays(14), i < 6 ? Sent : null)).ToArray();
        var survey = new Survey("n/end", "n", "end-evaluation", SurveyKind.End, Sent, Sent.AddDays(14));
        var summary = SurveyResults.Summarise(questions, invitations, responses);
        return new NetworkEvaluation(Guid.NewGuid(), "Frivillighed", NetworkType.Welfare, 5, [new SurveyStatus(survey, summary)], null,
            new TargetProgress(NetworkType.Welfare, true, 6, false) { Positive = 4, Met = true });
    }

    [Fact]
    public void The_file_starts_with_a_byte_order_mark_and_separates_with_semicolons_and_CRLF()
    {
        var bytes = EvaluationCsv.Write(Evaluation());
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Undersøgelse;Spørgsmål;Nøgle;Gruppe;Svar;Antal;Andel (%);Gennemsnit;Note\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_back_as_Danish_Excel_reads_it_the_figures_have_decimal_commas()
    {
        var rows = DanishCsv.Read(EvaluationCsv.Write(Evaluation()));
        Assert.All(rows, r => Assert.Equal(9, r.Length));
        var rate = rows.Single(r => r[1] == "Svarprocent");
        Assert.Equal(("Slutevaluering", "6", "75,0", "6 af 8 har svaret"), (rate[0], rate[5], rate[6], rate[8]));
        var mean = rows.Single(r => r[2] == "purpose.achieved" && r[4] == "I alt");
        Assert.Equal(3.5, double.Parse(mean[7], NumberStyles.Float, CultureInfo.GetCultureInfo("da-DK")));
        Assert.Equal("3,50", mean[7]);
        Assert.Equal(("4 – Enig", "3", "50,0"), rows.Where(r => r[2] == "purpose.achieved").Select(r => (r[4], r[5], r[6])).Single(r => r.Item1.StartsWith('4')));
        Assert.Equal("66,7", rows.Single(r => r[0] == "Mål")[6]);
    }

    [Fact]
    public void Texts_with_separators_quotes_and_line_breaks_come_back_whole()
    {
        string[] texts = ["Første linje\nanden linje", "Med ; semikolon", "Hun sagde \"godt\"", "Æbler, øl og ål", "Slut\r\nher", "Almindelig"];
        var rows = DanishCsv.Read(EvaluationCsv.Write(Evaluation(texts)));
        var answers = rows.Where(r => r[2] == "comment").Select(r => r[4]).ToArray();
        Assert.Equal(texts.Select(t => t.Replace("\r\n", "\n", StringComparison.Ordinal)).Order(StringComparer.Ordinal), answers);
        Assert.Contains(rows, r => r[1] == "Er der andet; fx \"citater\"?");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+45 12 34", "'+45 12 34")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-1,5", "-1,5")]
    [InlineData("Helt almindelig", "Helt almindelig")]
    public void A_text_Excel_would_run_as_a_formula_is_written_as_text(string value, string written) =>
        Assert.Equal(written, EvaluationCsv.Field(value).Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal));

    [Fact]
    public void Withheld_figures_stay_withheld_in_the_file()
    {
        var evaluation = Evaluation() with { Surveys = [], Target = new TargetProgress(NetworkType.Welfare, true, 3, true) };
        var rows = DanishCsv.Read(EvaluationCsv.Write(evaluation));
        var target = rows.Single(r => r[0] == "Mål");
        Assert.Equal("", target[6]);
        Assert.Equal("Skjult: færre end 5 svar.", target[8]);
    }
}
