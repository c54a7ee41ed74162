using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Netvaerk.Domain.Calendar;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>
/// A welfare network from idea to follow-up survey, through the HTTP API only, asserting what lands in the mailbox
/// along the way. Any host may run it — the embedded one, the Azure adapters, the Durable orchestrators — on a fake
/// clock set to <see cref="Start"/>.
/// </summary>
internal static class WelfareScenario
{
    private const string Chef = "charlotte.chef@albertslund.dk";
    private const string Mette = "mette.holm@albertslund.dk";
    private const string Jonas = "jonas.berg@albertslund.dk";
    private const string Aisha = "aisha.karim@albertslund.dk";
    private const string Birthe = "birthe.soerensen@example.dk";
    private const string Ole = "ole.madsen@example.dk";

    public static readonly DateTimeOffset Start = Local(2027, 2, 1, 8);

    private static DateTimeOffset Local(int y, int m, int d, int h, int min = 0) => CopenhagenTime.At(new DateOnly(y, m, d), new TimeOnly(h, min));

    private static string Subjects(IEnumerable<MimeMessage> mails) => string.Join(" | ", mails.Select(m => m.Title()));

    /// <summary>The scenario, with its assertions; returns having checked the whole mailbox.</summary>
    public static async Task RunAsync(TestHost host)
    {
        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        (await secretariat.PutAsJsonAsync($"/api/users/{Chef}", new { name = "Charlotte Chef", roles = new[] { "forum-member" }, forum = "chefforum" }))
            .EnsureSuccessStatusCode();

        // An employee submits an idea; the guide recommends a welfare network.
        var mette = await host.SignInAsync(Mette);
        var submitted = await mette.PostAsJsonAsync("/api/ideas", new
        {
            title = "Frivillighed i Albertslund",
            description = "Flere borgere skal finde vej til frivilligt arbejde i deres nærområde.",
            guide = new { citizenNearBoundedWelfare = true },
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var idea = await submitted.ReadAsync();
        Assert.Equal("welfare", idea.GetProperty("recommendation").GetProperty("recommendedType").GetString());
        var id = idea.GetProperty("idea").GetProperty("id").GetString()!;
        await host.SettleAsync();
        Assert.Contains("Kvittering", Subjects(host.MailsTo(Mette)), StringComparison.Ordinal);

        // Routed to Chefforum; no decision for 10 working days brings a reminder, exactly once.
        (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/route", new { })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        Assert.Single(host.MailsTo(Chef));
        await host.AdvanceToAsync(Local(2027, 2, 16, 12));
        var chefMails = host.MailsTo(Chef);
        Assert.Equal(2, chefMails.Count);
        Assert.Contains("Påmindelse", chefMails[1].Title(), StringComparison.Ordinal);

        // Chefforum approves: a draft network exists and the submitter is told.
        // Sessions last 8 hours on the (fake) clock, so after the fortnight everyone signs in again.
        var chef = await host.SignInAsync(Chef);
        secretariat = await host.SignInAsync(TestHost.Secretariat);
        (await chef.PostAsJsonAsync($"/api/ideas/{id}/decision", new { outcome = "approved", reason = "Godt forslag." })).EnsureSuccessStatusCode();
        var draft = await (await secretariat.GetAsync($"/api/networks/{id}")).ReadAsync();
        Assert.Equal("draft", draft.GetProperty("network").GetProperty("status").GetString(), ignoreCase: true);

        // Contract, participants (one citizen without consent), start on Monday 1 March.
        var contract = await secretariat.PutAsJsonAsync($"/api/networks/{id}/contract", new
        {
            theme = "Frivillighed i Albertslund",
            purpose = "Flere borgere i frivilligt arbejde.",
            type = "welfare",
            mandate = "Netværket kan afprøve nye måder at invitere frivillige på.",
            expectedOutput = "Tre afprøvede invitationsformer.",
            expectedOutcome = "Borgere og medarbejdere oplever et bedre samarbejde om frivillighed.",
            leader = new { name = "Mette Holm", email = Mette },
            decidingForum = "chefforum",
            timeFrame = new { start = "2027-03-01", end = "2027-03-31" },
            involvementPlan = "Borgere fra boligområderne inviteres til hvert møde.",
            evaluationPlan = "Slutevaluering og opfølgning efter tre måneder.",
        });
        contract.EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/participants", new
        {
            participants = new object[]
            {
                new { name = "Mette Holm", email = Mette, kind = "employee", role = "core" },
                new { name = "Jonas Berg", email = Jonas, kind = "employee", role = "core" },
                new { name = "Aisha Karim", email = Aisha, kind = "employee", role = "core" },
                new { name = "Birthe Sørensen", email = Birthe, kind = "citizen", role = "peripheral", consent = new { source = "Tilmelding på borgermøde" } },
                new { name = "Ole Madsen", email = Ole, kind = "citizen", role = "peripheral" },
            },
        })).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = "2027-03-01" })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        Assert.Contains(host.MailsTo(Mette), m => m.Title().Contains("kontrakt", StringComparison.OrdinalIgnoreCase) || m.Title().Contains("Velkommen", StringComparison.Ordinal));

        // The workshop invitation goes out five working days before, with the .ics, to everyone who may be contacted.
        await host.AdvanceToAsync(Local(2027, 2, 22, 9));
        var invitations = host.Mails().Where(m => m.Title().StartsWith("Invitation: opstartsworkshop", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { Aisha, Birthe, Jonas, Mette }, invitations.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(invitations, m => Assert.Single(m.Attachments, a => a.ContentType.MimeType == "text/calendar"));
        Assert.Contains("mandag den 1. marts 2027", invitations[0].Text(), StringComparison.Ordinal);
        Assert.Empty(host.MailsTo(Ole));

        // The leader moves meeting 2 and registers citizen involvement (so the secretariat is never flagged).
        var leader = await host.SignInAsync(Mette);
        (await leader.PostAsJsonAsync($"/api/networks/{id}/meetings/meeting-2/move", new { date = "2027-03-17", start = "13:00", end = "15:00", place = "Kulturhuset Bibliotek" }))
            .EnsureSuccessStatusCode();
        (await leader.PostAsJsonAsync($"/api/networks/{id}/involvement", new { group = "citizens", who = "Beboere fra Hyldespjældet", howMany = 12, how = "Dialogmøde", date = "2027-03-05" }))
            .EnsureSuccessStatusCode();

        await host.AdvanceToAsync(Local(2027, 3, 16, 9));
        var reminder2 = host.MailsTo(Jonas).Where(m => m.Title().Contains("netværksmøde 2", StringComparison.Ordinal)).ToList();
        Assert.Single(reminder2);
        Assert.Contains("onsdag den 17. marts 2027", reminder2[0].Text(), StringComparison.Ordinal);
        Assert.Contains("13.00", reminder2[0].Text(), StringComparison.Ordinal);
        Assert.Contains("Kulturhuset Bibliotek", reminder2[0].Text(), StringComparison.Ordinal);

        // End evaluation after the closing meeting (30 March, after Easter); two answer.
        await host.AdvanceToAsync(Local(2027, 3, 30, 12));
        var evaluations = host.Mails().Where(m => m.Title().StartsWith("Evaluering af", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, evaluations.Count);
        foreach (var who in new[] { Jonas, Aisha })
        {
            var token = Regex.Match(evaluations.Single(m => m.To.Mailboxes.Single().Address == who).Text(), @"svar/([A-Za-z0-9_\-]+)").Groups[1].Value;
            var form = await (await host.Client().GetAsync($"/api/surveys/{token}")).ReadAsync();
            var answers = form.GetProperty("questions").EnumerateArray()
                .Where(q => q.GetProperty("required").GetBoolean())
                .ToDictionary(q => q.GetProperty("key").GetString()!, q => AnswerFor(q.GetProperty("type").GetString()!));
            var answered = await host.Client().PostAsJsonAsync($"/api/surveys/{token}/answers", new { answers });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await host.Client().PostAsJsonAsync($"/api/surveys/{token}/answers", new { answers })).StatusCode);
        }

        // Reminders go only to those who have not answered, at most two.
        await host.AdvanceToAsync(Local(2027, 4, 14, 12));
        var reminders = host.Mails().Where(m => m.Title().StartsWith("Påmindelse 1: evalueringen", StringComparison.Ordinal)
            || m.Title().StartsWith("Påmindelse 2: evalueringen", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { Birthe, Birthe, Mette, Mette }, reminders.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));

        secretariat = await host.SignInAsync(TestHost.Secretariat);
        var rates = await (await secretariat.GetAsync($"/api/networks/{id}/surveys")).ReadAsync();
        var end = rates.EnumerateArray().Single(s => s.GetProperty("survey").GetProperty("stepId").GetString() == "end-evaluation");
        Assert.Equal(0.5, end.GetProperty("summary").GetProperty("responseRate").GetDouble());

        // The outcome follow-up three months after the closing meeting.
        await host.AdvanceToAsync(Local(2027, 7, 1, 12));
        secretariat = await host.SignInAsync(TestHost.Secretariat);
        Assert.Equal(4, host.Mails().Count(m => m.Title().StartsWith("Opfølgning på", StringComparison.Ordinal)));
        Assert.DoesNotContain(host.MailsTo(TestHost.Secretariat), m => m.Title().Contains("ingen borgerinddragelse", StringComparison.Ordinal));
        var network = await (await secretariat.GetAsync($"/api/networks/{id}")).ReadAsync();
        Assert.Equal("follow-up", network.GetProperty("network").GetProperty("status").GetString(), ignoreCase: true);

        // The whole mailbox, exactly (sign-in links left out): time (UTC), recipient, subject.
        string[] expected =
        [
            "20270201-070000 charlotte.chef@albertslund.dk Til beslutning i Chefforum: idé til velfærdsnetværk »Frivillighed i Albertslund«",
            "20270201-070000 mette.holm@albertslund.dk Kvittering: vi har modtaget din idé »Frivillighed i Albertslund«",
            "20270215-070000 charlotte.chef@albertslund.dk Påmindelse: idéen »Frivillighed i Albertslund« venter på beslutning i Chefforum",
            "20270216-110000 mette.holm@albertslund.dk Din idé »Frivillighed i Albertslund« er godkendt",
            "20270216-110000 mette.holm@albertslund.dk Velkommen som netværksleder for Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270222-060000 mette.holm@albertslund.dk Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 8",
            "20270222-070000 aisha.karim@albertslund.dk Invitation: opstartsworkshop i Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270222-070000 aisha.karim@albertslund.dk Selvevaluering: Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270222-070000 birthe.soerensen@example.dk Invitation: opstartsworkshop i Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270222-070000 birthe.soerensen@example.dk Selvevaluering: Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270222-070000 jonas.berg@albertslund.dk Invitation: opstartsworkshop i Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270222-070000 jonas.berg@albertslund.dk Selvevaluering: Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270222-070000 mette.holm@albertslund.dk Invitation: opstartsworkshop i Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270222-070000 mette.holm@albertslund.dk Selvevaluering: Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270225-070000 aisha.karim@albertslund.dk Påmindelse 1: selvevalueringen i »Frivillighed i Albertslund« lukker mandag den 8. marts",
            "20270225-070000 birthe.soerensen@example.dk Påmindelse 1: selvevalueringen i »Frivillighed i Albertslund« lukker mandag den 8. marts",
            "20270225-070000 jonas.berg@albertslund.dk Påmindelse 1: selvevalueringen i »Frivillighed i Albertslund« lukker mandag den 8. marts",
            "20270225-070000 mette.holm@albertslund.dk Påmindelse 1: selvevalueringen i »Frivillighed i Albertslund« lukker mandag den 8. marts",
            "20270301-060000 mette.holm@albertslund.dk Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 9",
            "20270301-060000 netvaerkssekretariatet@albertslund.dk Månedligt overblik over netværkene, marts 2027",
            "20270301-070000 mette.holm@albertslund.dk Borgerinddragelse: læg planen for »Frivillighed i Albertslund«",
            "20270302-070000 aisha.karim@albertslund.dk Påmindelse 2: selvevalueringen i »Frivillighed i Albertslund« lukker mandag den 8. marts",
            "20270302-070000 birthe.soerensen@example.dk Påmindelse 2: selvevalueringen i »Frivillighed i Albertslund« lukker mandag den 8. marts",
            "20270302-070000 jonas.berg@albertslund.dk Påmindelse 2: selvevalueringen i »Frivillighed i Albertslund« lukker mandag den 8. marts",
            "20270302-070000 mette.holm@albertslund.dk Påmindelse 2: selvevalueringen i »Frivillighed i Albertslund« lukker mandag den 8. marts",
            "20270304-070000 aisha.karim@albertslund.dk Påmindelse: netværksmøde 1 mandag den 8. marts",
            "20270304-070000 birthe.soerensen@example.dk Påmindelse: netværksmøde 1 mandag den 8. marts",
            "20270304-070000 jonas.berg@albertslund.dk Påmindelse: netværksmøde 1 mandag den 8. marts",
            "20270304-070000 mette.holm@albertslund.dk Påmindelse: netværksmøde 1 mandag den 8. marts",
            "20270308-060000 mette.holm@albertslund.dk Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 10",
            "20270308-070000 mette.holm@albertslund.dk Borgerinddragelse: registrér inddragelsen i »Frivillighed i Albertslund«",
            "20270315-060000 mette.holm@albertslund.dk Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 11",
            "20270315-070000 aisha.karim@albertslund.dk Påmindelse: netværksmøde 2 onsdag den 17. marts",
            "20270315-070000 birthe.soerensen@example.dk Påmindelse: netværksmøde 2 onsdag den 17. marts",
            "20270315-070000 jonas.berg@albertslund.dk Påmindelse: netværksmøde 2 onsdag den 17. marts",
            "20270315-070000 mette.holm@albertslund.dk Borgerinddragelse: registrér inddragelsen i »Frivillighed i Albertslund«",
            "20270315-070000 mette.holm@albertslund.dk Påmindelse: netværksmøde 2 onsdag den 17. marts",
            "20270318-070000 aisha.karim@albertslund.dk Påmindelse: netværksmøde 3 mandag den 22. marts",
            "20270318-070000 birthe.soerensen@example.dk Påmindelse: netværksmøde 3 mandag den 22. marts",
            "20270318-070000 jonas.berg@albertslund.dk Påmindelse: netværksmøde 3 mandag den 22. marts",
            "20270318-070000 mette.holm@albertslund.dk Påmindelse: netværksmøde 3 mandag den 22. marts",
            "20270322-060000 mette.holm@albertslund.dk Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 12",
            "20270322-070000 mette.holm@albertslund.dk Borgerinddragelse: registrér inddragelsen i »Frivillighed i Albertslund«",
            "20270323-070000 aisha.karim@albertslund.dk Påmindelse: afslutningsmøde tirsdag den 30. marts",
            "20270323-070000 birthe.soerensen@example.dk Påmindelse: afslutningsmøde tirsdag den 30. marts",
            "20270323-070000 jonas.berg@albertslund.dk Påmindelse: afslutningsmøde tirsdag den 30. marts",
            "20270323-070000 mette.holm@albertslund.dk Påmindelse: afslutningsmøde tirsdag den 30. marts",
            "20270330-050000 mette.holm@albertslund.dk Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 13",
            "20270330-090000 aisha.karim@albertslund.dk Evaluering af Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270330-090000 birthe.soerensen@example.dk Evaluering af Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270330-090000 jonas.berg@albertslund.dk Evaluering af Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270330-090000 mette.holm@albertslund.dk Evaluering af Velfærdsnetværket »Frivillighed i Albertslund«",
            "20270401-050000 netvaerkssekretariatet@albertslund.dk Månedligt overblik over netværkene, april 2027",
            "20270402-060000 birthe.soerensen@example.dk Påmindelse 1: evalueringen i »Frivillighed i Albertslund« lukker tirsdag den 13. april",
            "20270402-060000 mette.holm@albertslund.dk Påmindelse 1: evalueringen i »Frivillighed i Albertslund« lukker tirsdag den 13. april",
            "20270405-050000 mette.holm@albertslund.dk Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 14",
            "20270407-060000 birthe.soerensen@example.dk Påmindelse 2: evalueringen i »Frivillighed i Albertslund« lukker tirsdag den 13. april",
            "20270407-060000 mette.holm@albertslund.dk Påmindelse 2: evalueringen i »Frivillighed i Albertslund« lukker tirsdag den 13. april",
            "20270412-050000 mette.holm@albertslund.dk Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 15",
            "20270503-050000 netvaerkssekretariatet@albertslund.dk Månedligt overblik over netværkene, maj 2027",
            "20270601-050000 netvaerkssekretariatet@albertslund.dk Månedligt overblik over netværkene, juni 2027",
            "20270630-060000 aisha.karim@albertslund.dk Opfølgning på »Frivillighed i Albertslund«: har det gjort en forskel i driften?",
            "20270630-060000 birthe.soerensen@example.dk Opfølgning på »Frivillighed i Albertslund«: har det gjort en forskel i driften?",
            "20270630-060000 jonas.berg@albertslund.dk Opfølgning på »Frivillighed i Albertslund«: har det gjort en forskel i driften?",
            "20270630-060000 mette.holm@albertslund.dk Opfølgning på »Frivillighed i Albertslund«: har det gjort en forskel i driften?",
            "20270701-050000 netvaerkssekretariatet@albertslund.dk Månedligt overblik over netværkene, juli 2027",
        ];
        var actual = host.Mails().Where(m => !m.Title().Contains("login-link", StringComparison.Ordinal))
            .Select(m => $"{m.Date.UtcDateTime:yyyyMMdd-HHmmss} {m.To.Mailboxes.Single().Address} {m.Title()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        // Every e-mail went out exactly once: no two files share a key.
        var keys = host.Mails().Select(m => m.Headers[TestHost.KeyHeader]).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    private static string AnswerFor(string type) => type switch
    {
        "scale" => "4",
        "yes-no" => "ja",
        "number" => "2",
        _ => "Vi har fået bedre kontakt til de frivillige.",
    };
}
