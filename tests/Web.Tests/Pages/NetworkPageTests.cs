using System.Net;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The network's page (contract checklist, participants, agenda; pause, resume, close) and the portfolio.</summary>
public sealed class NetworkPageTests
{
    [Fact]
    public async Task A_draft_shows_what_the_contract_lacks_and_has_no_timeline_yet()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, secretariat) = await Scenarios.DraftAsync(host);

        var page = await secretariat.PageAsync($"/netvaerk/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var missing = page.Document.QuerySelectorAll(".alert-warning li").Select(li => li.TextContent).ToList();
        Assert.Contains("Netværksleder mangler.", missing);
        Assert.DoesNotContain(missing, m => m.StartsWith("Tema", StringComparison.Ordinal)); // the idea's title is the theme
        Assert.Contains("Netværket er ikke startet endnu", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.GetElementById("tidslinje"));

        var portfolio = await secretariat.PageAsync("/portefolje");
        Assert.Contains("Kontrakten mangler dele", portfolio.Text, StringComparison.Ordinal);
        Assert.Equal($"/netvaerk/{id}", portfolio.Document.QuerySelector("tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_leader_reads_the_agenda_in_Danish_time_and_pauses_resumes_and_closes_the_network()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-15");
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero)); // the invitation has gone out
        var leader = await host.SignInAsync(Scenarios.Leader);

        var page = await leader.PageAsync($"/netvaerk/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Kontrakten er udfyldt.", page.Text, StringComparison.Ordinal);
        Assert.Equal(3, page.Document.QuerySelectorAll("h2 + table tbody tr").Length - page.Document.QuerySelectorAll("#tidslinje tbody tr").Length);
        var agenda = page.Document.QuerySelectorAll("#tidslinje tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(agenda, r => r.Contains("Udført", StringComparison.Ordinal));
        Assert.Contains(agenda, r => r.Contains("Kommende", StringComparison.Ordinal));
        Assert.Contains(agenda, r => r.Contains("15. marts 2027 kl. 09.00", StringComparison.Ordinal) && r.Contains("Møde", StringComparison.Ordinal));

        // Another employee may not see it.
        var colleague = await host.SignInAsync("jonas.berg@albertslund.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PageAsync($"/netvaerk/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PageAsync("/portefolje")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await leader.SubmitAsync(page.Form($"/netvaerk/{id}/pause"))).Status);
        page = await leader.PageAsync($"/netvaerk/{id}");
        Assert.Equal("Sat på pause", page.Document.QuerySelector("main .tag")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.SubmitAsync(page.Form($"/netvaerk/{id}/genoptag"))).Status);
        page = await leader.PageAsync($"/netvaerk/{id}");
        Assert.Equal("I gang", page.Document.QuerySelector("main .tag")!.TextContent);

        var bare = await leader.SubmitAsync(page.Form($"/netvaerk/{id}/luk"));
        Assert.Equal(HttpStatusCode.BadRequest, bare.Status);
        Assert.Equal("Skriv, hvorfor netværket lukkes før tid.", bare.FieldError("luk-begrundelse"));
        Assert.Equal("I gang", (await leader.PageAsync($"/netvaerk/{id}")).Document.QuerySelector("main .tag")!.TextContent);

        var closed = await leader.SubmitAsync(bare.Form($"/netvaerk/{id}/luk"), new Dictionary<string, string> { ["luk-begrundelse"] = "Målet er nået før tid." });
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        page = await leader.PageAsync($"/netvaerk/{id}");
        Assert.NotEqual("I gang", page.Document.QuerySelector("main .tag")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll($"form[action='/netvaerk/{id}/luk']"));
    }
}
