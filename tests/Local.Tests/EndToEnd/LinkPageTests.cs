using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>The pages the links in e-mails lead to: sign-in and answering a survey, in Danish, without JavaScript.</summary>
public sealed class LinkPageTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    [Fact]
    public async Task Opening_a_sign_in_link_does_not_use_it_the_button_does()
    {
        using var host = new TestHost(_data, _clock);
        var browser = host.Client();
        (await browser.PostAsJsonAsync("/api/auth/link", new { email = TestHost.Secretariat })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        var path = Regex.Match(_data.MailsTo(TestHost.Secretariat).Single().Text(), @"http://netvaerk\.test(/log-ind/[A-Za-z0-9_\-]+)").Groups[1].Value;

        var page = await browser.GetStringAsync(path);
        Assert.Contains("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"da\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);

        var signedIn = await browser.PostAsync(path, PageForms.With(page));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("Du er logget ind", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
        var again = await host.Client().SubmitAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("allerede brugt", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_answers_the_survey_on_the_page_from_the_email_and_only_once()
    {
        using var host = new TestHost(_data, _clock);
        await Scenarios.RunningAsync(host, "2027-03-01");
        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 3, 30), new TimeOnly(12, 0)));
        var mail = _data.MailsTo("jonas.berg@albertslund.dk").Single(m => m.Title().StartsWith("Evaluering af", StringComparison.Ordinal));
        var path = Regex.Match(mail.Text(), @"http://netvaerk\.test(/svar/[A-Za-z0-9_\-]+)").Groups[1].Value;
        var participant = host.Client();

        var page = await participant.GetStringAsync(path);
        Assert.Contains("Spørgeskema for netværket »Frivillighed i Albertslund«", page, StringComparison.Ordinal);
        var fields = Regex.Matches(page, "name=\"([a-z0-9.\\-]+)\" value=\"(\\d|ja)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value))
            .DistinctBy(f => f.Item1).ToArray();
        Assert.NotEmpty(fields);

        var incomplete = await participant.PostAsync(path, PageForms.With(page, ("send", "1")));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Spørgsmålet skal besvares.", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var answered = await participant.PostAsync(path, PageForms.With(page, [.. fields, ("send", "1")]));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Tak for dine svar", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("Du har allerede svaret", await participant.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await participant.PostAsync(path, PageForms.With(page, [.. fields]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync("/svar/ukendt-link-ukendt-link-ukendt")).StatusCode);
    }

    [Fact]
    public async Task A_citizen_who_unsubscribes_gets_no_more_mail_from_the_network()
    {
        using var host = new TestHost(_data, _clock);
        await Scenarios.RunningAsync(host, "2027-03-01");
        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 2, 22), new TimeOnly(9, 0)));
        var invitation = _data.MailsTo("birthe.soerensen@example.dk").Single(m => m.Title().StartsWith("Invitation", StringComparison.Ordinal));
        var path = Regex.Match(invitation.Text(), @"http://netvaerk\.test(/afmeld/[0-9a-f\-]+/[0-9a-f\-]+)").Groups[1].Value;
        Assert.NotEmpty(path);
        Assert.DoesNotContain(_data.MailsTo("jonas.berg@albertslund.dk").First().Text(), "/afmeld/", StringComparison.Ordinal);
        var before = _data.MailsTo("birthe.soerensen@example.dk").Count; // the invitation and the baseline survey

        var browser = host.Client();
        var page = await browser.GetStringAsync(path);
        Assert.Contains("<form method=\"post\"", page, StringComparison.Ordinal);
        var done = await browser.PostAsync(path, PageForms.With(page));
        Assert.Contains("Birthe Sørensen, du får ikke flere e-mails", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 3, 5), new TimeOnly(9, 0)));
        Assert.Equal(before, _data.MailsTo("birthe.soerensen@example.dk").Count);
        Assert.Contains(_data.MailsTo("jonas.berg@albertslund.dk"), m => m.Title().StartsWith("Påmindelse: netværksmøde 1", StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();
}
