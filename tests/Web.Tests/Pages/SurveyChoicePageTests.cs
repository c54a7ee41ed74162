using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The innovation mid-term evaluation's page: every scale point labelled, and a multiple choice as checkboxes.</summary>
public sealed class SurveyChoicePageTests
{
    [Fact]
    public async Task A_multiple_choice_is_checkboxes_whose_choices_survive_a_refusal_and_are_stored()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        await Scenarios.RunningAsync(host, "2027-03-15", "innovation");
        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 9, 20), new TimeOnly(12, 0)));
        var mail = data.MailsTo("jonas.berg@albertslund.dk").Single(m => m.Title().StartsWith("Midtvejsevaluering af", StringComparison.Ordinal));
        var path = Regex.Match(mail.Text(), @"/svar/[A-Za-z0-9_\-]+").Value;

        var browser = host.Client(); // one cookie jar: the antiforgery cookie goes with the form
        var page = await browser.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // Every point of a scale says what it means.
        var scale = page.Document.QuerySelector("fieldset")!;
        Assert.Equal(["1 – Helt uenig", "2 – Uenig", "3 – Hverken enig eller uenig", "4 – Enig", "5 – Helt enig"],
            scale.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        var boxes = page.Document.QuerySelectorAll("input[type=checkbox][name='perspectives.brought']").Cast<IHtmlInputElement>().ToArray();
        Assert.Equal(7, boxes.Length);
        Assert.Equal("Borgere", page.Document.QuerySelector($"label[for='{boxes[0].Id}']")!.TextContent.Trim());

        // Two ticked, the required questions left: refused, and both stay ticked.
        var form = page.Form(path);
        foreach (var box in form.QuerySelectorAll("input[type=checkbox]").Cast<IHtmlInputElement>().Where(b => b.Value is "borgere" or "eksperter")) box.IsChecked = true;
        var refused = await browser.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["borgere", "eksperter"], refused.Document.QuerySelectorAll("input[type=checkbox]:checked").Cast<IHtmlInputElement>().Select(b => b.Value));

        // Answered in full: stored.
        form = refused.Form(path);
        foreach (var fieldset in form.QuerySelectorAll("fieldset"))
        {
            if (fieldset.QuerySelector("input[type=radio]") is IHtmlInputElement first) first.IsChecked = true;
        }

        var values = form.QuerySelectorAll("input[type=number]").Cast<IHtmlInputElement>().ToDictionary(n => n.Name!, _ => "2");
        var thanks = await browser.SubmitAsync(form, values);
        Assert.Equal(HttpStatusCode.OK, thanks.Status);
        Assert.Equal("Tak for dine svar", thanks.Heading);
    }
}
