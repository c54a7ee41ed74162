using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>Participants from the network's page: a CSV import with a report per line, and removal.</summary>
public sealed class ParticipantPageTests
{
    [Fact]
    public async Task A_CSV_import_adds_the_valid_lines_and_reports_every_line()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, secretariat) = await Scenarios.DraftAsync(host);
        var page = await secretariat.PageAsync($"/netvaerk/{id}");

        // As Danish Excel saves it: BOM, semicolons, CRLF, a quoted name holding the separator and a quoted line break.
        var csv = "\uFEFFnavn;e-mail;type;rolle;samtykke\r\n"
            + "Mette Holm;mette.holm@albertslund.dk;medarbejder;kerne;\r\n"
            + "\"Sørensen; Birthe\";birthe@example.dk;Borger;periferi;\"Borgermøde\n3. marts\"\r\n"
            + "Ole Bager;ole.bager@example;medarbejder;;\r\n"
            + "Firma ApS;firma@example.dk;leverandør;kerne;\r\n"
            + "Mette igen;METTE.HOLM@albertslund.dk;medarbejder;kerne;\r\n"
            + "Lars Ekspert;lars@example.dk;ekspert;periferi;\r\n"
            + ";;;;\r\n";
        var report = await secretariat.UploadAsync(page.Form($"/netvaerk/{id}/deltagere/import"), "deltager-fil", "deltagere.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, report.Status);
        var rows = report.Document.QuerySelectorAll("#import-rapport ~ table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["2", "3", "5", "6", "7", "8"], rows.Select(r => r[0]));
        Assert.StartsWith("Importeret", rows[0][3], StringComparison.Ordinal);
        Assert.Equal("Sørensen; Birthe", rows[1][1]);
        Assert.StartsWith("Importeret", rows[1][3], StringComparison.Ordinal);
        Assert.Contains("gyldig e-mailadresse", rows[2][3], StringComparison.Ordinal);
        Assert.Contains("Ukendt type »leverandør«", rows[3][3], StringComparison.Ordinal);
        Assert.Contains("allerede deltager", rows[4][3], StringComparison.Ordinal);
        Assert.Contains("Ekstern uden samtykke", rows[5][3], StringComparison.Ordinal);
        Assert.Contains("3 af 6 linjer er importeret.", report.Text, StringComparison.Ordinal);

        var participants = (await secretariat.PageAsync($"/netvaerk/{id}")).Document.QuerySelectorAll("#deltagere + table tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["mette.holm@albertslund.dk", "birthe@example.dk", "lars@example.dk"], participants.Select(p => p[1]));
        Assert.Equal("Borgermøde\n3. marts", participants[1][4]);
        Assert.Equal("Mangler – kontaktes ikke", participants[2][4]);

        // The same file again imports nobody twice: every line that went in is now refused by line.
        var again = await secretariat.UploadAsync(page.Form($"/netvaerk/{id}/deltagere/import"), "deltager-fil", "deltagere.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("0 af 6 linjer er importeret.", again.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Vælg en CSV-fil med deltagerne.")]
    [InlineData("navn;e-mail;type;rolle;samtykke\r\n", "Filen indeholder ingen deltagere.")]
    [InlineData("Mette Holm;m\u00e6tte@example.dk;borger;kerne;x\r\n\u00ff", null)]
    public async Task A_file_that_cannot_be_used_is_refused_at_the_field_and_adds_nobody(string content, string? message)
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, secretariat) = await Scenarios.DraftAsync(host);
        var page = await secretariat.PageAsync($"/netvaerk/{id}");
        // The last case is Latin-1, not UTF-8: Excel's plain "CSV" format.
        var bytes = message is null ? Encoding.Latin1.GetBytes(content) : Encoding.UTF8.GetBytes(content);

        var refused = await secretariat.UploadAsync(page.Form($"/netvaerk/{id}/deltagere/import"), "deltager-fil", "deltagere.csv", bytes);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(message ?? "Filen kunne ikke læses som tekst. Gem den som »CSV UTF-8 (kommasepareret)« i Excel, og prøv igen.", refused.FieldError("deltager-fil"));
        Assert.Equal("#deltager-fil", refused.Document.QuerySelector(".alert-error li a")!.GetAttribute("href"));
        Assert.Contains("Deltagere (0)", (await secretariat.PageAsync($"/netvaerk/{id}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_participant_gets_no_more_mail_and_the_last_core_participant_stays()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-15");
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero));
        var leader = await host.SignInAsync(Scenarios.Leader);
        var page = await leader.PageAsync($"/netvaerk/{id}");

        var jonas = page.Document.QuerySelectorAll("#deltagere + table tbody tr").Single(r => r.TextContent.Contains("jonas.berg", StringComparison.Ordinal));
        var removeJonas = page.Form(jonas.QuerySelector("form")!.GetAttribute("action")!);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.SubmitAsync(removeJonas)).Status);

        // The same button again (a second tab) says the participant is gone; the last core participant cannot go.
        var again = await leader.SubmitAsync(removeJonas);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Contains("Deltageren findes ikke i netværket.", again.Text, StringComparison.Ordinal);
        page = await leader.PageAsync($"/netvaerk/{id}");
        Assert.DoesNotContain("jonas.berg@albertslund.dk", page.Text, StringComparison.Ordinal);
        var mette = page.Document.QuerySelectorAll("#deltagere + table tbody tr").Single(r => r.TextContent.Contains("mette.holm", StringComparison.Ordinal));
        var refused = await leader.SubmitAsync(page.Form(mette.QuerySelector("form")!.GetAttribute("action")!));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("ufuldstændig", refused.Document.QuerySelector("#deltagere + .alert-error")!.TextContent, StringComparison.Ordinal);

        // Meeting 2's reminder goes to those still in the network.
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 23, 12, 0, 0, TimeSpan.Zero));
        Assert.Contains(data.MailsTo(Scenarios.Leader), m => m.Title().Contains("netværksmøde 2", StringComparison.Ordinal));
        Assert.DoesNotContain(data.MailsTo("jonas.berg@albertslund.dk"), m => m.Title().Contains("netværksmøde 2", StringComparison.Ordinal));
    }
}
