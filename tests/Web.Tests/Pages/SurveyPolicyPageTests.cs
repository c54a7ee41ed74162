using System.Net;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The leader changes the end evaluation's reminders before it is sent; the mailbox follows.</summary>
public sealed class SurveyPolicyPageTests
{
    [Fact]
    public async Task The_leader_sets_one_reminder_after_five_working_days_and_the_participants_get_just_that()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-15");
        var leader = await host.SignInAsync(Scenarios.Leader);
        var network = await leader.PageAsync($"/netvaerk/{id}");
        var row = network.Document.QuerySelectorAll("#spoergeskemaer tbody tr").Single(r => r.TextContent.Contains("Slutevaluering", StringComparison.Ordinal));
        Assert.Contains("2 påmindelser med 3 arbejdsdages mellemrum", row.TextContent, StringComparison.Ordinal);

        var path = row.QuerySelector("a")!.GetAttribute("href")!;
        var page = await leader.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var refused = await leader.SubmitAsync(page.Form(path), new Dictionary<string, string> { ["antal"] = "6", ["lukker"] = "tre" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Skriv et helt tal.", refused.FieldError("lukker"));
        Assert.Equal("6", refused.Document.GetElementById("antal")!.GetAttribute("value"));
        refused = await leader.SubmitAsync(refused.Form(path), new Dictionary<string, string> { ["antal"] = "6", ["lukker"] = "15" });
        Assert.Equal("Der kan højst sendes 5 påmindelser (0 betyder ingen).", refused.FieldError("antal"));

        var saved = await leader.SubmitAsync(refused.Form(path), new Dictionary<string, string> { ["mellemrum"] = "5", ["antal"] = "1", ["lukker"] = "15" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        network = await leader.PageAsync($"/netvaerk/{id}");
        row = network.Document.QuerySelectorAll("#spoergeskemaer tbody tr").Single(r => r.TextContent.Contains("Slutevaluering", StringComparison.Ordinal));
        Assert.Contains("1 påmindelse efter 5 arbejdsdage", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("3. maj 2027", row.TextContent, StringComparison.Ordinal);

        // Sent on 12 April, one reminder on 19 April to those who have not answered, closed on 3 May.
        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 5, 4), new TimeOnly(12, 0)));
        var reminders = data.MailsTo("jonas.berg@albertslund.dk").Where(m => m.Title().Contains(": evalueringen i", StringComparison.Ordinal)).ToList();
        Assert.Equal("Påmindelse 1: evalueringen i »Frivillighed i Albertslund« lukker mandag den 3. maj", Assert.Single(reminders).Title());
        Assert.Equal(new DateOnly(2027, 4, 19), CopenhagenTime.DateOf(reminders[0].Date));

        // Sent, it keeps its policy: the form is gone.
        leader = await host.SignInAsync(Scenarios.Leader);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.PageAsync(path)).Status);
    }
}
