using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The idea form's two steps, its errors, the receipt, the honeypot, the per-person limit, and the idea's page.</summary>
public sealed class IdeaPageTests
{
    private static readonly Dictionary<string, string> WelfareIdea = new()
    {
        ["tema"] = "Ensomhed blandt ældre i Hedemarken",
        ["problem"] = "Mange ældre i Hedemarken ser næsten ingen i løbet af en uge.\nHjemmeplejen når ikke at tale med dem.",
        ["resultat"] = "Flere ældre deltager i fællesskaber, og hjemmeplejen ved, hvor de kan henvise til.",
        ["deltagere"] = "Hjemmeplejen, Ældre Sagen, biblioteket og borgere fra Hedemarken.",
        ["spaender"] = "nej",
        ["borgernaer"] = "ja",
        ["viden"] = "ved-ikke",
    };

    [Fact]
    public async Task An_employee_fills_in_the_form_sees_the_recommendation_and_gets_a_receipt_page_and_mail()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var browser = await host.SignInAsync(PageHost.Employee);

        // An empty form: every problem summarised at the top, linked to its field, and shown next to the field.
        var form = await browser.PageAsync("/ideer/ny");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var empty = await browser.SubmitAsync(form.Form("/ideer/ny"), button: ("handling", "anbefaling"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(7, empty.SummaryErrors.Length);
        Assert.Equal("Skriv netværkets tema.", empty.FieldError("tema"));
        Assert.Equal("Svar på spørgsmål 2 i typeguiden (ja, nej eller ved ikke).", empty.FieldError("borgernaer"));
        Assert.All(empty.Document.QuerySelectorAll(".alert-error li a"), a => Assert.NotNull(empty.Document.GetElementById(a.GetAttribute("href")![1..])));
        Assert.Equal("true", empty.Document.GetElementById("tema")!.GetAttribute("aria-invalid"));

        // Half filled in: what was written is kept.
        var half = await browser.SubmitAsync(empty.Form("/ideer/ny"), new Dictionary<string, string> { ["tema"] = WelfareIdea["tema"] }, ("handling", "anbefaling"));
        Assert.Equal(WelfareIdea["tema"], half.Document.GetElementById("tema")!.GetAttribute("value"));
        Assert.Null(half.FieldError("tema"));
        Assert.Equal(6, half.SummaryErrors.Length);

        // Filled in: the recommendation and its reason before anything is stored.
        var review = await browser.SubmitAsync(half.Form("/ideer/ny"), WelfareIdea, ("handling", "anbefaling"));
        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.Contains("Vi anbefaler et velfærdsnetværk", review.Text, StringComparison.Ordinal);
        Assert.Contains("Det peger på et velfærdsnetværk", review.Text, StringComparison.Ordinal);
        Assert.True(review.Document.QuerySelector("#type-Welfare")!.HasAttribute("checked"));
        Assert.Empty((await (await browser.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray()); // nothing stored yet

        // Back to change it: the form with every answer in place.
        var back = await browser.SubmitAsync(review.Form("/ideer/ny"), button: ("handling", "ret"));
        Assert.Equal(WelfareIdea["problem"], back.Document.GetElementById("problem")!.TextContent);
        Assert.NotNull(back.Document.QuerySelector("#borgernaer-ja[checked]"));

        // Sent: redirected to the receipt, which survives a reload without a second idea.
        review = await browser.SubmitAsync(back.Form("/ideer/ny"), button: ("handling", "anbefaling"));
        var sent = await browser.SubmitAsync(review.Form("/ideer/ny"), button: ("handling", "send"));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var receipt = await browser.PageAsync(sent.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Contains("Tak – vi har modtaget din idé", receipt.Text, StringComparison.Ordinal);
        Assert.Equal(WelfareIdea["tema"], receipt.Heading);
        Assert.Contains("Velfærdsnetværk", receipt.Text, StringComparison.Ordinal);
        await browser.PageAsync(sent.Location!.ToString());

        var ideas = (await (await browser.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray().ToList();
        var idea = Assert.Single(ideas).GetProperty("idea");
        Assert.Equal("welfare", idea.GetProperty("suggestedType").GetString());
        Assert.Equal($"Problem eller udfordring:\n{WelfareIdea["problem"]}\n\nØnsket resultat:\n{WelfareIdea["resultat"]}\n\nHvem skal deltage:\n{WelfareIdea["deltagere"]}",
            idea.GetProperty("description").GetString());
        Assert.Contains(idea.GetProperty("id").GetString()!, sent.Location.ToString(), StringComparison.Ordinal);

        await host.SettleAsync();
        var mail = Assert.Single(data.MailsTo(PageHost.Employee), m => m.Title().StartsWith("Kvittering", StringComparison.Ordinal));
        Assert.Contains($"/ideer/{idea.GetProperty("id").GetString()}", mail.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filled_in_honeypot_stores_nothing_and_sends_nothing()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var browser = await host.SignInAsync(PageHost.Employee);
        var review = await browser.SubmitAsync((await browser.PageAsync("/ideer/ny")).Form("/ideer/ny"), WelfareIdea, ("handling", "anbefaling"));
        var bot = await browser.SubmitAsync(review.Form("/ideer/ny"), new Dictionary<string, string> { ["hjemmeside"] = "http://spam.example" }, ("handling", "send"));

        Assert.Equal(HttpStatusCode.OK, bot.Status);
        Assert.Empty((await (await browser.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray());
        await host.SettleAsync();
        Assert.DoesNotContain(data.MailsTo(PageHost.Employee), m => m.Title().StartsWith("Kvittering", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sending_past_the_per_person_limit_is_refused_in_Danish_and_stores_nothing_more()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start), ("Access:IdeasPerPersonPerHour", "2"));
        var browser = await host.SignInAsync(PageHost.Employee);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var review = await browser.SubmitAsync((await browser.PageAsync("/ideer/ny")).Form("/ideer/ny"), WelfareIdea, ("handling", "anbefaling"));
            var sent = await browser.SubmitAsync(review.Form("/ideer/ny"), button: ("handling", "send"));
            statuses.Add(sent.Status);
            if (i == 2) Assert.Equal("Du har sendt mange idéer på kort tid", sent.Heading);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, (HttpStatusCode)429], statuses);
        Assert.Equal(2, (await (await browser.GetAsync("/api/ideas")).ReadAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Staff_pages_send_a_stranger_to_sign_in_and_refuse_another_employee_in_Danish()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var stranger = host.Client();
        var toSignIn = await stranger.PageAsync("/ideer/ny");
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.Status);
        Assert.Equal("/log-ind", toSignIn.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/ideas")).StatusCode); // the API still answers 401

        var author = await host.SignInAsync(PageHost.Employee);
        var review = await author.SubmitAsync((await author.PageAsync("/ideer/ny")).Form("/ideer/ny"), WelfareIdea, ("handling", "anbefaling"));
        var location = (await author.SubmitAsync(review.Form("/ideer/ny"), button: ("handling", "send"))).Location!.ToString().Split('?')[0];

        var colleague = await host.SignInAsync("jonas.berg@albertslund.dk");
        var refused = await colleague.PageAsync(location);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("Du har ikke adgang", refused.Heading);
        Assert.DoesNotContain(WelfareIdea["tema"], refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.PageAsync($"/ideer/{Guid.NewGuid()}")).Status);
        Assert.Empty((await colleague.PageAsync("/ideer")).Document.QuerySelectorAll("tbody tr"));
        Assert.Single((await author.PageAsync("/ideer")).Document.QuerySelectorAll("tbody tr"));

        // A secretariat-only API route refuses the employee; a page route the employee lacks the role for says so in Danish.
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task The_submitter_answers_the_forums_question_on_the_ideas_page()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var author = await host.SignInAsync(PageHost.Employee);
        var review = await author.SubmitAsync((await author.PageAsync("/ideer/ny")).Form("/ideer/ny"), WelfareIdea, ("handling", "anbefaling"));
        var path = (await author.SubmitAsync(review.Form("/ideer/ny"), button: ("handling", "send"))).Location!.ToString().Split('?')[0];
        var id = path.Split('/')[^1];
        Assert.Empty((await author.PageAsync(path)).Document.QuerySelectorAll($"form[action='/ideer/{id}/oplysninger']"));

        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/route", new { })).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/decision", new { outcome = "needs-info", reason = "Hvilke bydele?" })).EnsureSuccessStatusCode();

        var page = await author.PageAsync(path);
        Assert.Contains("Forummet skrev: Hvilke bydele?", page.Text, StringComparison.Ordinal);
        var empty = await author.SubmitAsync(page.Form($"/ideer/{id}/oplysninger"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal("Skriv de oplysninger, forummet beder om.", empty.FieldError("oplysninger"));

        var answered = await author.SubmitAsync(empty.Form($"/ideer/{id}/oplysninger"), new Dictionary<string, string> { ["oplysninger"] = "Hedemarken og Galgebakken." });
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        var after = await author.PageAsync(path);
        Assert.Contains("Under behandling", after.Text, StringComparison.Ordinal);
        Assert.Empty(after.Document.QuerySelectorAll($"form[action='/ideer/{id}/oplysninger']"));

        // Answering again is refused and changes nothing.
        var again = await author.SubmitAsync(empty.Form($"/ideer/{id}/oplysninger"), new Dictionary<string, string> { ["oplysninger"] = "Igen." });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }
}
