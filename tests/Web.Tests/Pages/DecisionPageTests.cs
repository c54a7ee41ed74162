using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The secretariat routes an idea from its page; the forum decides from the page the approval e-mail links to.</summary>
public sealed class DecisionPageTests
{
    private const string Chef = "charlotte.chef@albertslund.dk";
    private const string Director = "dorte.direktoer@albertslund.dk";

    [Fact]
    public async Task The_secretariat_routes_and_the_forum_member_decides_from_the_link_in_the_approval_mail()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        (await secretariat.PutAsJsonAsync($"/api/users/{Chef}", new { name = "Charlotte Chef", roles = new[] { "forum-member" }, forum = "chefforum" })).EnsureSuccessStatusCode();
        (await secretariat.PutAsJsonAsync($"/api/users/{Director}", new { name = "Dorte Direktør", roles = new[] { "forum-member" }, forum = "direktoerforum" })).EnsureSuccessStatusCode();
        var author = await host.SignInAsync(PageHost.Employee);
        var id = (await (await author.PostAsJsonAsync("/api/ideas", new { title = "Frivillighed i Albertslund", description = "Flere frivillige.", suggestedType = "welfare" }))
            .ReadAsync()).GetProperty("idea").GetProperty("id").GetString()!;

        // The secretariat sees the idea among the new ones and puts it to Chefforum (preselected: the type's forum).
        var list = await secretariat.PageAsync("/ideer");
        Assert.Contains("Frivillighed i Albertslund", list.Document.QuerySelector("#status-Submitted + table")!.TextContent, StringComparison.Ordinal);
        var page = await secretariat.PageAsync($"/ideer/{id}");
        Assert.NotNull(page.Document.QuerySelector("#forum-Chefforum[checked]"));
        Assert.Empty(page.Document.QuerySelectorAll($"form[action='/ideer/{id}/beslutning']")); // not with a forum yet
        // Only the forums' names count: a number is not a forum.
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.SubmitAsync(page.Form($"/ideer/{id}/forum"), new Dictionary<string, string> { ["forum"] = "1" })).Status);
        Assert.Contains("Indsendt", (await secretariat.PageAsync($"/ideer/{id}")).Document.QuerySelector("main .tag")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitAsync(page.Form($"/ideer/{id}/forum"))).Status);
        await host.SettleAsync();

        // The approval e-mail's link leads the forum member to the idea's page with the decision form.
        var request = Assert.Single(data.MailsTo(Chef));
        var link = Regex.Match(request.Text(), @"https?://[^\s]+/ideer/[0-9a-f-]{36}").Value;
        var chef = await host.SignInAsync(Chef);
        var decisionPage = await chef.PageAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, decisionPage.Status);
        var form = decisionPage.Form($"/ideer/{id}/beslutning");

        // The other forum neither sees the idea nor may decide it.
        var director = await host.SignInAsync(Director);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PageAsync($"/ideer/{id}")).Status);

        // Errors: no decision chosen; a rejection without a reason. Nothing changes.
        var none = await chef.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.Equal("Vælg en beslutning.", none.FieldError("beslutning"));
        var bare = await chef.SubmitAsync(form, new Dictionary<string, string> { ["beslutning"] = "afvis" });
        Assert.Equal("Et afslag skal begrundes.", bare.FieldError("begrundelse"));
        Assert.NotNull(bare.Document.QuerySelector("#beslutning-afvis[checked]"));
        Assert.Contains("Under behandling", (await chef.PageAsync($"/ideer/{id}")).Text, StringComparison.Ordinal);

        // Approved: the idea says so, the network exists as a draft, and the decision form is gone.
        var approved = await chef.SubmitAsync(form, new Dictionary<string, string> { ["beslutning"] = "godkend", ["begrundelse"] = "Et godt tema." });
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        var after = await chef.PageAsync($"/ideer/{id}");
        Assert.Contains("Godkendt: Et godt tema.", after.Text, StringComparison.Ordinal);
        Assert.Empty(after.Document.QuerySelectorAll($"form[action='/ideer/{id}/beslutning']"));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/api/networks/{id}")).StatusCode);

        // Deciding again (a second tab) is refused in Danish.
        var again = await chef.SubmitAsync(form, new Dictionary<string, string> { ["beslutning"] = "afvis", ["begrundelse"] = "Alligevel ikke." });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("Godkendt", (await chef.PageAsync($"/ideer/{id}")).Text, StringComparison.Ordinal);
    }
}
