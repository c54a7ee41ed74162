using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>Registering involvement from the network's page, and the evaluation's results with small groups withheld.</summary>
public sealed class InvolvementAndEvaluationPageTests
{
    [Fact]
    public async Task The_leader_registers_involvement_after_a_refusal_that_keeps_the_input()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-15");
        var leader = await host.SignInAsync(Scenarios.Leader);
        var page = await leader.PageAsync($"/netvaerk/{id}");
        Assert.Contains("Der er ikke registreret inddragelse endnu.", page.Text, StringComparison.Ordinal);

        var refused = await leader.SubmitAsync(page.Form($"/netvaerk/{id}/inddragelse"),
            new Dictionary<string, string> { ["inddragelse-hvem"] = "Beboere i Hyldespjældet", ["inddragelse-antal"] = "tolv" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Vælg, hvem der blev inddraget.", refused.FieldError("inddragelse-gruppe"));
        Assert.Equal("Skriv antallet som et helt tal mellem 1 og 100.000.", refused.FieldError("inddragelse-antal"));
        Assert.NotNull(refused.FieldError("inddragelse-hvordan"));
        Assert.NotNull(refused.FieldError("inddragelse-dato"));
        Assert.Equal("Beboere i Hyldespjældet", refused.Document.GetElementById("inddragelse-hvem")!.GetAttribute("value"));

        var saved = await leader.SubmitAsync(refused.Form($"/netvaerk/{id}/inddragelse"), new Dictionary<string, string>
        {
            ["inddragelse-gruppe"] = "Citizens", ["inddragelse-antal"] = "12", ["inddragelse-hvordan"] = "Dialogmøde i beboerhuset",
            ["inddragelse-dato"] = "2027-03-05",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var row = (await leader.PageAsync($"/netvaerk/{id}")).Document.QuerySelector("#inddragelse + table tbody tr")!.TextContent;
        Assert.Contains("5. marts 2027", row, StringComparison.Ordinal);
        Assert.Contains("Beboere i Hyldespjældet (borgere)", row, StringComparison.Ordinal);
        Assert.Contains("Dialogmøde i beboerhuset", row, StringComparison.Ordinal);

        // The same record through the API: one store, two doors.
        var listed = await (await leader.GetAsync($"/api/networks/{id}/involvement")).ReadAsync();
        Assert.Equal(12, listed[0].GetProperty("howMany").GetInt32());
    }

    [Fact]
    public async Task The_results_show_the_response_rate_and_charts_only_from_five_respondents_up()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, secretariat) = await Scenarios.ReadyAsync(host);
        var extra = Enumerable.Range(1, 4).Select(i => new { name = $"Medarbejder {i}", email = $"medarbejder{i}@albertslund.dk", kind = "employee", role = "core" }).ToArray();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/participants", new { participants = extra })).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = "2027-03-15" })).EnsureSuccessStatusCode();
        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 4, 13), new TimeOnly(12, 0)));
        var links = data.Mails().Where(m => m.Title().StartsWith("Evaluering af", StringComparison.Ordinal))
            .Select(m => Regex.Match(m.Text(), @"svar/([A-Za-z0-9_\-]+)").Groups[1].Value).ToList();
        Assert.Equal(7, links.Count);

        // Four answer: the rate shows, the answers do not.
        for (var i = 0; i < 4; i++) await AnswerAsync(host, links[i], scale: (i % 2) + 3);
        secretariat = await host.SignInAsync(TestHost.Secretariat);
        var page = await secretariat.PageAsync($"/netvaerk/{id}/evaluering");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Svarprocent: 57 % (4 af 7 har svaret)", page.Text, StringComparison.Ordinal);
        Assert.Contains("når mindst 5 har svaret", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("svg"));
        Assert.DoesNotContain("gennemsnit", page.Text, StringComparison.Ordinal);

        // The fifth answer opens the results: a chart per scale, its figures in words for screen readers.
        await AnswerAsync(host, links[4], scale: 5);
        page = await secretariat.PageAsync($"/netvaerk/{id}/evaluering");
        Assert.Contains("Svarprocent: 71 % (5 af 7 har svaret)", page.Text, StringComparison.Ordinal);
        var chart = page.Document.QuerySelector("svg[role=img]")!;
        var description = page.Document.GetElementById(chart.GetAttribute("aria-labelledby")!.Split(' ')[1])!.TextContent;
        Assert.Equal("1 – Helt uenig: 0 svar; 2 – Uenig: 0 svar; 3 – Hverken enig eller uenig: 2 svar; 4 – Enig: 2 svar; 5 – Helt enig: 1 svar.", description);
        Assert.Equal(5, chart.QuerySelectorAll("rect").Length);
        Assert.Contains("5 har svaret, gennemsnit 3,8.", page.Text, StringComparison.Ordinal);

        // A colleague outside the network may not read them.
        var colleague = await host.SignInAsync("kollega@albertslund.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PageAsync($"/netvaerk/{id}/evaluering")).Status);
    }

    private static async Task AnswerAsync(TestHost host, string token, int scale)
    {
        var form = await (await host.Client().GetAsync($"/api/surveys/{token}")).ReadAsync();
        var answers = form.GetProperty("questions").EnumerateArray()
            .Where(q => q.GetProperty("required").GetBoolean())
            .ToDictionary(q => q.GetProperty("key").GetString()!, q => q.GetProperty("type").GetString() switch
            {
                "scale" => scale.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "yes-no" => "ja",
                "number" => "2",
                _ => "Bedre samarbejde.",
            });
        (await host.Client().PostAsJsonAsync($"/api/surveys/{token}/answers", new { answers })).EnsureSuccessStatusCode();
    }
}
