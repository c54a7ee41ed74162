using System.Net;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The contract form: what is missing, refusals next to their fields with the input kept, and the leader it names.</summary>
public sealed class ContractPageTests
{
    [Fact]
    public async Task The_secretariat_completes_the_contract_and_the_named_leader_may_then_change_it()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, secretariat) = await Scenarios.DraftAsync(host);
        var leader = await host.SignInAsync(Scenarios.Leader);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PageAsync($"/netvaerk/{id}/kontrakt")).Status); // not the leader yet

        var page = await secretariat.PageAsync($"/netvaerk/{id}/kontrakt");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Netværksleder mangler.", page.Document.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Frivillighed i Albertslund", page.Document.GetElementById("theme")!.GetAttribute("value"));

        // A stranger as leader and an end before the start: refused next to the fields, the input kept, nothing saved.
        var refused = await secretariat.SubmitAsync(page.Form($"/netvaerk/{id}/kontrakt"), new Dictionary<string, string>
        {
            ["purpose"] = "Flere borgere i frivilligt arbejde.",
            ["leader-name"] = "Ukendt Person", ["leader-email"] = "ukendt@example.dk",
            ["timeFrame-start"] = "2027-04-01", ["timeFrame-end"] = "2027-03-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("kan ikke være netværksleder", refused.FieldError("leader-email"), StringComparison.Ordinal);
        Assert.Equal("Slutdatoen skal ligge efter startdatoen.", refused.FieldError("timeFrame-end"));
        Assert.Equal("Flere borgere i frivilligt arbejde.", refused.Document.GetElementById("purpose")!.TextContent);
        Assert.Equal(2, refused.SummaryErrors.Length);
        Assert.Contains("Formål mangler", (await secretariat.PageAsync($"/netvaerk/{id}")).Text, StringComparison.Ordinal);

        var saved = await secretariat.SubmitAsync(refused.Form($"/netvaerk/{id}/kontrakt"), new Dictionary<string, string>
        {
            ["type"] = "welfare", ["mandate"] = "Kan afprøve nye invitationsformer.", ["expectedOutput"] = "Tre afprøvede invitationsformer.",
            ["expectedOutcome"] = "Bedre samarbejde om frivillighed.", ["leader-name"] = "Mette Holm", ["leader-email"] = Scenarios.Leader,
            ["decidingForum"] = "chefforum", ["timeFrame-start"] = "2027-03-15", ["timeFrame-end"] = "2027-04-12",
            ["involvementPlan"] = "Borgere inviteres til hvert møde.", ["evaluationPlan"] = "Slutevaluering og opfølgning.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var network = await secretariat.PageAsync($"/netvaerk/{id}");
        var missing = network.Document.QuerySelector(".alert-warning")?.TextContent ?? "";
        Assert.DoesNotContain("Formål", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("Netværksleder", missing, StringComparison.Ordinal);
        Assert.Contains("Mette Holm (mette.holm@albertslund.dk)", network.Text, StringComparison.Ordinal);
        Assert.Contains("15. marts 2027 – 12. april 2027", network.Text, StringComparison.Ordinal);

        // Named leader: she now opens the form (a fresh sign-in carries the new role).
        leader = await host.SignInAsync(Scenarios.Leader);
        var hers = await leader.PageAsync($"/netvaerk/{id}/kontrakt");
        Assert.Equal(HttpStatusCode.OK, hers.Status);
        Assert.NotNull(hers.Document.QuerySelector("#type-welfare[checked]"));
    }
}
