using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Surveys;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>
/// A welfare network's evaluation on the embedded host, answers arriving over time: relational coordination before
/// (baseline with the workshop invitation) and after (end evaluation), paired per person; the target on the report,
/// in the exports, on the portfolio and in the monthly digest; small groups withheld throughout.
/// </summary>
public sealed class EvaluationEndToEndTests : IDisposable
{
    private static readonly string[] Colleagues = ["anne", "bent", "carla", "dorte", "erik", "frida"];

    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(WelfareScenario.Start);

    private static DateTimeOffset Local(int month, int day, int hour) => CopenhagenTime.At(new DateOnly(2027, month, day), new TimeOnly(hour, 0));

    [Fact]
    public async Task Before_and_after_answers_become_a_paired_change_and_the_welfare_target_everywhere_it_is_reported()
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.ReadyAsync(host);
        var extra = Colleagues.Select(n => new { name = n, email = $"{n}@albertslund.dk", kind = "employee", role = "core" }).ToArray();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/participants", new { participants = extra })).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = "2027-03-01" })).EnsureSuccessStatusCode();

        // 22 February: the baseline goes out with the workshop invitation. Six colleagues and the citizen answer it.
        await host.AdvanceToAsync(Local(2, 22, 12));
        var baseline = Links("Selvevaluering:");
        Assert.Equal(9, baseline.Count);
        foreach (var who in Colleagues) await AnswerAsync(host, baseline[who], coordination: 2, improvement: null);
        await AnswerAsync(host, baseline["birthe.soerensen"], coordination: 3, improvement: null);

        secretariat = await host.SignInAsync(TestHost.Secretariat);
        var evaluation = await (await secretariat.GetAsync($"/api/networks/{id}/evaluation")).ReadAsync();
        Assert.Equal(0, evaluation.GetProperty("change").GetProperty("pairs").GetInt32());
        Assert.False(evaluation.GetProperty("target").GetProperty("measured").GetBoolean());

        // 30 March: the end evaluation. Four colleagues see better coordination and an improvement, two do not; the
        // citizen answers too, but one citizen is a group too small to show.
        await host.AdvanceToAsync(Local(3, 31, 12));
        var end = Links("Evaluering af");
        for (var i = 0; i < Colleagues.Length; i++)
        {
            await AnswerAsync(host, end[Colleagues[i]], coordination: i < 4 ? 4 : 2, improvement: i < 4 ? 4 : 2);
        }

        await AnswerAsync(host, end["birthe.soerensen"], coordination: 5, improvement: 5);

        secretariat = await host.SignInAsync(TestHost.Secretariat);
        evaluation = await (await secretariat.GetAsync($"/api/networks/{id}/evaluation")).ReadAsync();
        var change = evaluation.GetProperty("change");
        Assert.Equal(7, change.GetProperty("pairs").GetInt32());
        Assert.Equal((5, 2, 0), (change.GetProperty("improved").GetInt32(), change.GetProperty("unchanged").GetInt32(), change.GetProperty("worsened").GetInt32()));
        var target = evaluation.GetProperty("target");
        Assert.Equal((7, 5, true), (target.GetProperty("respondents").GetInt32(), target.GetProperty("positive").GetInt32(), target.GetProperty("met").GetBoolean()));
        // Six employees and one citizen: the citizen is withheld, and so the employees (total minus one) are too.
        var endSurvey = evaluation.GetProperty("surveys").EnumerateArray().Single(s => s.GetProperty("survey").GetProperty("kind").GetString() == "end");
        var citizens = endSurvey.GetProperty("summary").GetProperty("questions").EnumerateArray()
            .Single(q => q.GetProperty("question").GetProperty("key").GetString() == "improvement.citizens");
        Assert.Equal(7, citizens.GetProperty("respondents").GetInt32());
        Assert.All(citizens.GetProperty("groups").EnumerateArray(), g => Assert.True(g.GetProperty("suppressed").GetBoolean()));
        Assert.DoesNotContain("\"respondentKey\"", evaluation.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // The report page says the same in words and charts.
        var page = await (await secretariat.GetAsync($"/netvaerk/{id}/evaluering")).Content.ReadAsStringAsync();
        Assert.Contains("71 % af 7 svarpersoner oplever en forbedring. Målet er nået.", page, StringComparison.Ordinal);
        Assert.Contains("7 har svaret både før og efter. Gennemsnit før 2,1, efter 3,6.", page, StringComparison.Ordinal);
        Assert.Contains("Gensidig respekt: før 2,1, efter 3,6", page, StringComparison.Ordinal);
        Assert.Contains("Skjult for at beskytte små grupper", page, StringComparison.Ordinal);

        // The CSV opens in Danish Excel: BOM, semicolons, decimal commas; the same figures.
        var csv = await secretariat.GetAsync($"/api/networks/{id}/evaluation.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = DanishCsv.Read(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("Undersøgelse", rows[0][0]);
        var before = rows.Single(r => r[0] == "Før og efter" && r[2] == "" && r[4] == "Før");
        Assert.Equal(2.14, double.Parse(before[7], NumberStyles.Float, CultureInfo.GetCultureInfo("da-DK")), 2);
        Assert.Equal("71,4", rows.Single(r => r[0] == "Mål")[6]);

        // The end evaluation's own report, and its exports narrowed to it.
        var endPage = await secretariat.GetAsync($"/netvaerk/{id}/evaluering/end-evaluation");
        var endText = await endPage.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Slutevaluering: Frivillighed i Albertslund</h1>", endText, StringComparison.Ordinal);
        Assert.DoesNotContain("Førmåling", endText, StringComparison.Ordinal);
        var endRows = DanishCsv.Read(await (await secretariat.GetAsync($"/api/networks/{id}/evaluation.csv?survey=end-evaluation")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(endRows, r => r[0] == "Førmåling");
        Assert.Contains(endRows, r => r[0] == "Slutevaluering");
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"/netvaerk/{id}/evaluering/no-such-survey")).StatusCode);

        // The secretariat's portfolio and the monthly digest of 1 April carry the target.
        var portfolio = await (await secretariat.GetAsync("/portefolje")).Content.ReadAsStringAsync();
        Assert.Contains("1 af 1 netværk har et resultat; 71 % af 7 svarpersoner oplever en forbedring, og 1 netværk har nået målet.", portfolio, StringComparison.Ordinal);
        await host.AdvanceToAsync(Local(4, 1, 9));
        var digest = host.MailsTo(TestHost.Secretariat).Single(m => m.Title().StartsWith("Månedligt overblik over netværkene, april", StringComparison.Ordinal));
        Assert.Contains("Resultat: 1 af 1 netværk har et resultat; 71 % af 7 svarpersoner oplever en forbedring, og 1 netværk har nået målet.",
            digest.Text(), StringComparison.Ordinal);

        // The closing report: contract, the course of the network, the involvement, the evaluation and the target.
        secretariat = await host.SignInAsync(TestHost.Secretariat);
        var report = await secretariat.GetAsync($"/netvaerk/{id}/afslutningsrapport");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = await report.Content.ReadAsStringAsync();
        Assert.Contains("Flere borgere i frivilligt arbejde.", text, StringComparison.Ordinal);
        Assert.Contains("5 af 5 møder er holdt.", text, StringComparison.Ordinal);
        Assert.Contains("Der er ikke registreret inddragelse.", text, StringComparison.Ordinal);
        Assert.Contains("71 % af 7 svarpersoner oplever en forbedring", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_innovation_networks_mid_term_proposals_reach_the_target_and_the_political_status()
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.ReadyAsync(host, "innovation");
        var extra = Colleagues.Take(3).Select(n => new { name = n, email = $"{n}@albertslund.dk", kind = "employee", role = "core" }).ToArray();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/participants", new { participants = extra })).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = "2027-03-01" })).EnsureSuccessStatusCode();

        // The mid-term evaluation after the sixth meeting: five of six answer, naming two proposals between them.
        await host.AdvanceToAsync(Local(9, 3, 12));
        var mid = Links("Midtvejsevaluering af");
        string[] answering = ["mette.holm", "jonas.berg", .. Colleagues.Take(3)];
        for (var i = 0; i < answering.Length; i++)
        {
            await Respondents.AnswerAsync(host, mid[answering[i]], coordination: 3, improvement: null, new Dictionary<string, string>
            {
                [SurveyQuestions.ProposalsCountKey] = i < 3 ? "2" : "1",
                ["proposals.titles"] = i < 3 ? "Frivilligbank\nDigital nabohjælp" : "frivilligbank",
                ["perspectives.brought"] = "borgere,virksomheder",
            });
        }

        secretariat = await host.SignInAsync(TestHost.Secretariat);
        var target = (await (await secretariat.GetAsync($"/api/networks/{id}/evaluation")).ReadAsync()).GetProperty("target");
        Assert.Equal((5, 2, true), (target.GetProperty("respondents").GetInt32(), target.GetProperty("proposals").GetInt32(), target.GetProperty("met").GetBoolean()));

        // The quarterly status of December to the §17,4 liaison names them; so does the leader's weekly digest.
        await host.AdvanceToAsync(Local(12, 6, 12));
        var status = host.MailsTo("udvalg17-4@albertslund.dk").Single(m => m.Title().StartsWith("Kvartalsstatus", StringComparison.Ordinal) && m.Title().EndsWith("december 2027", StringComparison.Ordinal));
        Assert.Contains("Forslag til nye velfærdsydelser: 2", status.Text(), StringComparison.Ordinal);
        Assert.Contains("Forslag til nye velfærdsydelser indtil nu:\n\n- Digital nabohjælp\n- Frivilligbank\n", status.Text(), StringComparison.Ordinal);
        var digest = host.MailsTo(Scenarios.Leader).Last(m => m.Title().StartsWith("Ugens overblik", StringComparison.Ordinal));
        Assert.Contains("Frivilligbank", digest.Text(), StringComparison.Ordinal);
    }

    private Dictionary<string, string> Links(string subject) => Respondents.Links(_data, subject);

    private static Task AnswerAsync(TestHost host, string token, int coordination, int? improvement) =>
        Respondents.AnswerAsync(host, token, coordination, improvement);

    public void Dispose() => _data.Dispose();
}
