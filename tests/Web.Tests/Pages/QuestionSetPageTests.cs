using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The secretariat edits a question set: a new version for later surveys, the sent ones keep theirs.</summary>
public sealed class QuestionSetPageTests
{
    [Fact]
    public async Task An_edit_makes_version_2_for_later_surveys_while_a_survey_already_sent_keeps_version_1()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (early, _) = await Scenarios.RunningAsync(host, "2027-03-15");
        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 4, 13), new TimeOnly(12, 0))); // its end evaluation is out
        var earlyLink = Link(data, "jonas.berg@albertslund.dk");

        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        var list = await secretariat.PageAsync("/spoergeskemaer");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(9, list.Document.QuerySelectorAll("tbody tr").Length);
        var page = await secretariat.PageAsync("/spoergeskemaer/welfare/end");
        Assert.Contains("Version 1, standardspørgsmålene.", page.Text, StringComparison.Ordinal);

        // An emptied question and a choice with one option: refused at the fields, everything kept, nothing saved.
        var refused = await secretariat.SubmitAsync(page.Form("/spoergeskemaer/welfare/end"), new Dictionary<string, string>
        {
            ["q1-tekst"] = "", ["ny-tekst"] = "Hvem har I samarbejdet med?", ["ny-type"] = "MultipleChoice", ["ny-muligheder"] = "Skoler",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Skriv teksten til spørgsmål 1, eller vælg at fjerne det.", "Skriv mindst to svarmuligheder, én pr. linje."], refused.SummaryErrors);
        Assert.Equal("Hvem har I samarbejdet med?", refused.Document.GetElementById("ny-tekst")!.TextContent);
        Assert.Equal("Version 1, standardspørgsmålene.", Regex.Match(refused.Text, @"Version 1, standardspørgsmålene\.").Value);

        // Reworded, the last question removed, a multiple choice added: saved as version 2.
        var questions = refused.Document.QuerySelectorAll("form fieldset[id^=q]").Length;
        var saved = await secretariat.SubmitAsync(refused.Form("/spoergeskemaer/welfare/end"), new Dictionary<string, string>
        {
            ["q1-tekst"] = "Netværket nåede det, det skulle.", ["ny-muligheder"] = "Skoler\nDaginstitutioner\nFrivillige", [$"q{questions}-fjern"] = "ja",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        page = await secretariat.PageAsync(saved.Location!.ToString());
        Assert.Contains("Version 2 er gemt og bruges fra næste udsendelse.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Version 1: ", page.Text, StringComparison.Ordinal);
        Assert.Equal(questions, page.Document.QuerySelectorAll("form fieldset[id^=q]").Length); // one removed, one added

        // A network whose end evaluation goes out now gets version 2; the early one still shows version 1.
        var (late, _) = await Scenarios.RunningAsync(host, "2027-04-26");
        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 5, 25), new TimeOnly(12, 0)));
        var lateLink = Link(data, "jonas.berg@albertslund.dk", except: earlyLink);
        var lateForm = await (await host.Client().GetAsync($"/api/surveys/{lateLink}")).ReadAsync();
        var lateQuestions = lateForm.GetProperty("questions").EnumerateArray().ToArray();
        Assert.Equal("Netværket nåede det, det skulle.", lateQuestions[0].GetProperty("text").GetString());
        Assert.Equal(["skoler", "daginstitutioner", "frivillige"], lateQuestions[^1].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));
        Assert.Equal(2, lateForm.GetProperty("survey").GetProperty("questionSetVersion").GetInt32());
        var earlyForm = await (await host.Client().GetAsync($"/api/surveys/{earlyLink}")).ReadAsync();
        Assert.Equal("Netværket har indfriet sit formål.", earlyForm.GetProperty("questions")[0].GetProperty("text").GetString());
        Assert.Equal(1, earlyForm.GetProperty("survey").GetProperty("questionSetVersion").GetInt32());
        Assert.NotEqual(early, late);

        // Staff without the secretariat role may not open it.
        var colleague = await host.SignInAsync("kollega@albertslund.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PageAsync("/spoergeskemaer/welfare/end")).Status);
    }

    private static string Link(DataFolder data, string to, string? except = null) => data.MailsTo(to)
        .Where(m => m.Title().StartsWith("Evaluering af", StringComparison.Ordinal))
        .Select(m => Regex.Match(m.Text(), @"svar/([A-Za-z0-9_\-]+)").Groups[1].Value)
        .Single(l => l != except);
}
