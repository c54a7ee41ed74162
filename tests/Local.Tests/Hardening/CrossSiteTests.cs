using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Local.Tests.Hardening;

/// <summary>
/// Another site cannot post our forms on a visitor's behalf: without the page's antiforgery token — or with the
/// attacker's own — a form changes nothing; the API refuses requests a browser marks as cross-site; and every response
/// carries the security headers.
/// </summary>
public sealed class CrossSiteTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    private static FormUrlEncodedContent Forged(params (string, string)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    private async Task<string> SignInPathAsync(TestHost host, string email)
    {
        (await host.Client().PostAsJsonAsync("/api/auth/link", new { email })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        var mail = _data.MailsTo(email).Where(m => m.Title().StartsWith("Dit login-link", StringComparison.Ordinal)).OrderBy(m => m.Date).Last();
        return Regex.Match(mail.Text(), @"http://netvaerk\.test(/log-ind/[A-Za-z0-9_\-]+)").Groups[1].Value;
    }

    [Fact]
    public async Task A_forged_sign_in_does_not_sign_the_victim_in_as_the_attacker()
    {
        using var host = new TestHost(_data, _clock);
        var attackerPath = await SignInPathAsync(host, "jonas.berg@albertslund.dk");
        var victim = host.Client();
        var attacker = host.Client();
        var attackerPage = await attacker.GetStringAsync(attackerPath);

        var bare = await victim.PostAsync(attackerPath, Forged());
        var withAttackersToken = await victim.PostAsync(attackerPath, PageForms.With(attackerPage));

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withAttackersToken.StatusCode);
        Assert.Contains("Formularen kunne ikke godkendes", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/me")).StatusCode);
        // The link was not used up by the forgeries: its owner can still sign in.
        Assert.Equal(HttpStatusCode.OK, (await attacker.PostAsync(attackerPath, PageForms.With(attackerPage))).StatusCode);
    }

    [Fact]
    public async Task Forged_unsubscribe_survey_answer_sign_out_and_name_forms_change_nothing()
    {
        using var host = new TestHost(_data, _clock);
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-01");
        await host.AdvanceToAsync(CopenhagenTime.At(new DateOnly(2027, 3, 30), new TimeOnly(12, 0)));
        var citizenMail = _data.MailsTo("birthe.soerensen@example.dk").First();
        var unsubscribe = Regex.Match(citizenMail.Text(), @"http://netvaerk\.test(/afmeld/[0-9a-f\-]+/[0-9a-f\-]+)").Groups[1].Value;
        var surveyMail = _data.MailsTo("jonas.berg@albertslund.dk").Single(m => m.Title().StartsWith("Evaluering af", StringComparison.Ordinal));
        var survey = Regex.Match(surveyMail.Text(), @"http://netvaerk\.test(/svar/[A-Za-z0-9_\-]+)").Groups[1].Value;

        var visitor = host.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostAsync(unsubscribe, Forged())).StatusCode);
        var surveyPage = await visitor.GetStringAsync(survey);
        var fields = Regex.Matches(surveyPage, "name=\"([a-z0-9.\\-]+)\" value=\"(\\d|ja)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).DistinctBy(f => f.Item1).ToArray();
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostAsync(survey, Forged([.. fields, ("send", "1")]))).StatusCode);

        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        var network = await (await secretariat.GetAsync($"/api/networks/{id}")).ReadAsync();
        Assert.Contains(network.GetProperty("network").GetProperty("contract").GetProperty("participants").EnumerateArray(),
            p => p.GetProperty("email").GetString() == "birthe.soerensen@example.dk" && p.TryGetProperty("consent", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.DoesNotContain("Du har allerede svaret", await visitor.GetStringAsync(survey), StringComparison.Ordinal);

        // Signed in, a forged sign-out or name change does nothing either.
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostAsync("/log-ud", Forged())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostAsync("/mit-navn", Forged(("navn", "Angriber")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/api/me")).StatusCode);
        Assert.DoesNotContain("Angriber", await (await secretariat.GetAsync("/api/me")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The real forms work.
        Assert.Contains("Du er afmeldt", await (await visitor.SubmitAsync(unsubscribe)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.SubmitAsync("/log-ud")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await secretariat.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_state_changes_a_browser_marks_as_cross_site()
    {
        using var host = new TestHost(_data, _clock);
        var secretariat = await host.SignInAsync(TestHost.Secretariat);

        var fetchMetadata = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out") { Headers = { { "Sec-Fetch-Site", "cross-site" } } };
        var origin = new HttpRequestMessage(HttpMethod.Post, "/api/ideas")
        {
            Headers = { { "Origin", "https://evil.example" } },
            Content = JsonContent.Create(new { title = "x", description = "y" }),
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.SendAsync(fetchMetadata)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.SendAsync(origin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/api/me")).StatusCode);
        Assert.Empty((await (await secretariat.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray());
        var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/ideas")
        {
            Headers = { { "Origin", "https://localhost" }, { "Sec-Fetch-Site", "same-origin" } },
            Content = JsonContent.Create(new { title = "x", description = "y" }),
        };
        Assert.Equal(HttpStatusCode.Created, (await secretariat.SendAsync(sameOrigin)).StatusCode);
    }

    [Theory]
    [InlineData("/log-ind/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/svar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/log-ud")]
    [InlineData("/findes-ikke")]
    [InlineData("/api/me")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var host = new TestHost(_data, _clock);
        var response = await host.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Accept", "text/html" } } });

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var page = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<style", page, StringComparison.Ordinal);
            Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
            // Scripts only from our own files (the design system's), never inline.
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=\"/)", page);
        }
    }

    [Fact]
    public async Task The_pages_work_over_plain_http_on_localhost_as_the_embedded_host_serves_them()
    {
        using var host = new TestHost(_data, _clock);
        var path = await SignInPathAsync(host, TestHost.Secretariat);
        var browser = host.CreateClient(new() { BaseAddress = new Uri("http://localhost"), HandleCookies = true });

        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var signedIn = await browser.PostAsync(path, PageForms.With(await page.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("netvaerk=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase); // browsers keep Secure cookies for localhost
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _data.Dispose();
}
