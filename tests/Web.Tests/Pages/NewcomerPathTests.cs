using System.Net;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>
/// README's promise, through the pages alone: an idea goes all the way to a running network, and the invitations arrive
/// in the mailbox — no API call by hand.
/// </summary>
public sealed class NewcomerPathTests
{
    [Fact]
    public async Task An_idea_becomes_a_running_network_through_the_pages_and_the_invitations_arrive()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var employee = await host.SignInAsync(PageHost.Employee);
        var secretariat = await host.SignInAsync(TestHost.Secretariat);

        // The idea.
        var form = await employee.SubmitAsync((await employee.PageAsync("/ideer/ny")).Form("/ideer/ny"), new Dictionary<string, string>
        {
            ["tema"] = "Frivillighed i Albertslund", ["problem"] = "For få borgere er frivillige.", ["resultat"] = "Flere frivillige.",
            ["deltagere"] = "Frivilligcentret og borgere.", ["spaender"] = "nej", ["borgernaer"] = "ja", ["viden"] = "nej",
        }, ("handling", "anbefaling"));
        var sent = await employee.SubmitAsync(form.Form("/ideer/ny"), button: ("handling", "send"));
        var id = sent.Location!.ToString().Split('?')[0].Split('/')[^1];

        // The secretariat puts it to Chefforum and records the forum's approval.
        var idea = await secretariat.PageAsync($"/ideer/{id}");
        await secretariat.SubmitAsync(idea.Form($"/ideer/{id}/forum"));
        idea = await secretariat.PageAsync($"/ideer/{id}");
        await secretariat.SubmitAsync(idea.Form($"/ideer/{id}/beslutning"), new Dictionary<string, string> { ["beslutning"] = "godkend" });

        // The contract, the participants, the start.
        var contract = await secretariat.PageAsync($"/netvaerk/{id}/kontrakt");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitAsync(contract.Form($"/netvaerk/{id}/kontrakt"), new Dictionary<string, string>
        {
            ["purpose"] = "Flere borgere i frivilligt arbejde.", ["mandate"] = "Kan afprøve nye invitationsformer.",
            ["expectedOutput"] = "Tre afprøvede invitationsformer.", ["expectedOutcome"] = "Bedre samarbejde om frivillighed.",
            ["leader-name"] = "Mette Holm", ["leader-email"] = PageHost.Employee, ["decidingForum"] = "chefforum",
            ["timeFrame-start"] = "2027-03-15", ["timeFrame-end"] = "2027-04-12",
            ["involvementPlan"] = "Borgere inviteres til hvert møde.", ["evaluationPlan"] = "Slutevaluering og opfølgning.",
        })).Status);

        // A participant form with a missing type is refused, the input kept.
        var network = await secretariat.PageAsync($"/netvaerk/{id}");
        var noKind = await secretariat.SubmitAsync(network.Form($"/netvaerk/{id}/deltagere"), new Dictionary<string, string>
        {
            ["deltager-navn"] = "Jonas Berg", ["deltager-email"] = "jonas.berg@albertslund.dk",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noKind.Status);
        Assert.Equal("Vælg deltagerens type.", noKind.FieldError("deltager-type"));
        Assert.Equal("Jonas Berg", noKind.Document.GetElementById("deltager-navn")!.GetAttribute("value"));
        foreach (var (name, email, kind, consent) in new[]
        {
            ("Mette Holm", PageHost.Employee, "Employee", ""), ("Jonas Berg", "jonas.berg@albertslund.dk", "Employee", ""),
            ("Birthe Sørensen", "birthe.soerensen@example.dk", "Citizen", "Borgermøde 1. marts"),
            ("Bo Borger", "bo.borger@example.dk", "Citizen", ""),
        })
        {
            network = await secretariat.PageAsync($"/netvaerk/{id}");
            var added = await secretariat.SubmitAsync(network.Form($"/netvaerk/{id}/deltagere"), new Dictionary<string, string>
            {
                ["deltager-navn"] = name, ["deltager-email"] = email, ["deltager-type"] = kind, ["deltager-samtykke"] = consent,
            });
            Assert.Equal(HttpStatusCode.Redirect, added.Status);
        }

        network = await secretariat.PageAsync($"/netvaerk/{id}");
        Assert.Contains("Kontrakten er udfyldt.", network.Text, StringComparison.Ordinal);
        // A citizen without a recorded consent is on the list, marked: the system will not write to him.
        Assert.Contains(network.Document.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Bo Borger", StringComparison.Ordinal)
            && r.TextContent.Contains("Mangler – kontaktes ikke", StringComparison.Ordinal));
        var tooSoon = await secretariat.SubmitAsync(network.Form($"/netvaerk/{id}/start"), new Dictionary<string, string> { ["start-dato"] = "2027-03-02", ["start-sted"] = "Rådhuset" });
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.Status);
        Assert.NotNull(tooSoon.FieldError("start-dato"));
        Assert.Equal("Rådhuset", tooSoon.Document.GetElementById("start-sted")!.GetAttribute("value"));
        var started = await secretariat.SubmitAsync(tooSoon.Form($"/netvaerk/{id}/start"), new Dictionary<string, string> { ["start-dato"] = "2027-03-15" });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal("I gang", (await secretariat.PageAsync($"/netvaerk/{id}")).Document.QuerySelector("main .tag")!.TextContent);

        // A week before the workshop, the invitations are in the mailbox, to the meeting place given.
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 8, 12, 0, 0, TimeSpan.Zero));
        foreach (var participant in new[] { "jonas.berg@albertslund.dk", "birthe.soerensen@example.dk" })
        {
            var invitation = Assert.Single(data.MailsTo(participant), m => m.Title().StartsWith("Invitation", StringComparison.Ordinal));
            Assert.Contains("Rådhuset", invitation.Text(), StringComparison.Ordinal);
        }

        Assert.Empty(data.MailsTo("bo.borger@example.dk"));
    }
}
