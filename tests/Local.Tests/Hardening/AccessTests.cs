using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Local.Tests.Hardening;

/// <summary>Who may do what is read from the store on every request; sessions and links end when they should.</summary>
public sealed class AccessTests : IDisposable
{
    private const string Second = "lise.kragh@albertslund.dk";

    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    private static Task<HttpResponseMessage> SaveUserAsync(HttpClient secretariat, string email, object user) =>
        secretariat.PutAsJsonAsync($"/api/users/{email}", user);

    [Fact]
    public async Task A_demoted_secretary_loses_the_role_on_the_next_request()
    {
        using var host = new TestHost(_data, _clock);
        var first = await host.SignInAsync(TestHost.Secretariat);
        (await SaveUserAsync(first, Second, new { name = "Lise Kragh", roles = new[] { "secretariat" } })).EnsureSuccessStatusCode();
        var lise = await host.SignInAsync(Second);
        Assert.Equal(HttpStatusCode.OK, (await lise.GetAsync("/api/users")).StatusCode);

        (await SaveUserAsync(first, Second, new { name = "Lise Kragh", roles = new[] { "employee" } })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await lise.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveUserAsync(lise, "ny@albertslund.dk", new { name = "Ny", roles = new[] { "secretariat" } })).StatusCode);
        Assert.DoesNotContain("\"secretariat\"", await (await lise.GetAsync("/api/me")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_user_is_signed_out_everywhere_and_gets_no_new_link()
    {
        using var host = new TestHost(_data, _clock);
        var first = await host.SignInAsync(TestHost.Secretariat);
        (await SaveUserAsync(first, Second, new { name = "Lise Kragh", roles = new[] { "secretariat" } })).EnsureSuccessStatusCode();
        var laptop = await host.SignInAsync(Second);
        var phone = await host.SignInAsync(Second);

        (await SaveUserAsync(first, Second, new { name = "Lise Kragh", roles = new[] { "secretariat" }, active = false })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/users")).StatusCode);
        var before = _data.MailsTo(Second).Count;
        (await host.Client().PostAsJsonAsync("/api/auth/link", new { email = Second })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        Assert.Equal(before, _data.MailsTo(Second).Count);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copied_cookie_no_longer_works()
    {
        using var host = new TestHost(_data, _clock);
        var client = host.CreateClient(new() { HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        (await client.PostAsJsonAsync("/api/auth/link", new { email = TestHost.Secretariat })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        var token = Regex.Match(_data.MailsTo(TestHost.Secretariat).Single().Text(), @"log-ind/([A-Za-z0-9_\-]+)").Groups[1].Value;
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { token });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("netvaerk=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Contains("secure", signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("netvaerk=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        HttpRequestMessage WithCookie(HttpMethod method, string path) => new(method, path) { Headers = { { "Cookie", cookie } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithCookie(HttpMethod.Get, "/api/me"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(WithCookie(HttpMethod.Post, "/api/auth/sign-out"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(WithCookie(HttpMethod.Get, "/api/me"))).StatusCode);
    }

    [Fact]
    public async Task A_leader_cannot_make_a_stranger_a_leader_and_so_give_them_access()
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.DraftAsync(host);
        (await secretariat.PutAsJsonAsync($"/api/networks/{id}/contract", Scenarios.Contract())).EnsureSuccessStatusCode();
        var leader = await host.SignInAsync(Scenarios.Leader);

        var refused = await leader.PutAsJsonAsync($"/api/networks/{id}/contract", new { leader = new { name = "Mallory", email = "mallory@evil.example" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("leader.email", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("mallory", await (await secretariat.GetAsync("/api/users")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await host.Client().PostAsJsonAsync("/api/auth/link", new { email = "mallory@evil.example" })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        Assert.Empty(_data.MailsTo("mallory@evil.example"));

        // A colleague in the municipality may take over, and a user the secretariat added.
        Assert.Equal(HttpStatusCode.OK, (await leader.PutAsJsonAsync($"/api/networks/{id}/contract",
            new { leader = new { name = "Jonas Berg", email = "jonas.berg@albertslund.dk" } })).StatusCode);
    }

    [Fact]
    public async Task A_forum_member_sees_only_the_ideas_and_networks_of_their_own_forum()
    {
        using var host = new TestHost(_data, _clock);
        var (welfare, secretariat) = await Scenarios.RunningAsync(host, "2027-03-01"); // decided by chefforum
        (await SaveUserAsync(secretariat, "direktoer@albertslund.dk", new { name = "Dorte Direktør", roles = new[] { "forum-member" }, forum = "direktoerforum" })).EnsureSuccessStatusCode();
        (await SaveUserAsync(secretariat, "chef@albertslund.dk", new { name = "Carl Chef", roles = new[] { "forum-member" }, forum = "chefforum" })).EnsureSuccessStatusCode();
        var director = await host.SignInAsync("direktoer@albertslund.dk");
        var chief = await host.SignInAsync("chef@albertslund.dk");

        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/api/networks/{welfare}")).StatusCode);
        Assert.Empty((await (await director.GetAsync("/api/networks")).ReadAsync()).EnumerateArray());
        Assert.Empty((await (await director.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await chief.GetAsync($"/api/networks/{welfare}")).StatusCode);
        Assert.Single((await (await chief.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_newer_sign_in_link_voids_the_older_unused_one()
    {
        using var host = new TestHost(_data, _clock);
        var client = host.Client();
        for (var i = 0; i < 2; i++) (await client.PostAsJsonAsync("/api/auth/link", new { email = TestHost.Secretariat })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        var tokens = _data.MailsTo(TestHost.Secretariat).OrderBy(m => m.Date).Select(m => Regex.Match(m.Text(), @"log-ind/([A-Za-z0-9_\-]+)").Groups[1].Value).ToArray();
        Assert.Equal(2, tokens.Distinct(StringComparer.Ordinal).Count());

        var older = await host.Client().PostAsJsonAsync("/api/auth/sign-in", new { token = tokens[0] });
        var newer = await host.Client().PostAsJsonAsync("/api/auth/sign-in", new { token = tokens[1] });

        Assert.True(HttpStatusCode.Unauthorized == older.StatusCode || HttpStatusCode.Unauthorized == newer.StatusCode);
        Assert.Equal(1, new[] { older, newer }.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    /// <summary>The limits at their defaults, and the fixed answer time.</summary>
    private sealed class DefaultLimitsHost(DataFolder data, FakeTimeProvider clock) : TestHost(data, clock)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Access:LinksPerAddressPerHour", "5");
            builder.UseSetting("Access:LinksPerClientPerHour", "30");
            builder.UseSetting("Access:LinkAnswerMilliseconds", "250");
        }
    }

    [Fact]
    public async Task Link_requests_are_limited_per_address_and_per_client_and_known_and_unknown_addresses_answer_alike()
    {
        using var host = new DefaultLimitsHost(_data, _clock);
        var client = host.Client();
        async Task<(HttpStatusCode Status, double Ms)> AskAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/auth/link", new { email });
            return (response.StatusCode, watch.Elapsed.TotalMilliseconds);
        }

        var known = new List<(HttpStatusCode Status, double Ms)>();
        var unknown = new List<(HttpStatusCode Status, double Ms)>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await AskAsync(TestHost.Secretariat));
            unknown.Add(await AskAsync("ukendt@andetsted.dk"));
        }

        Assert.Equal(known.Select(k => k.Status), unknown.Select(u => u.Status));
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 5), HttpStatusCode.TooManyRequests], known.Select(k => k.Status));
        Assert.All(known.Concat(unknown), r => Assert.True(r.Ms >= 240, $"{r.Ms} ms"));
        var median = (List<(HttpStatusCode, double Ms)> l) => l.Select(x => x.Ms).Order().ElementAt(l.Count / 2);
        Assert.InRange(Math.Abs(median(known) - median(unknown)), 0, 60);

        // Thirty per client and hour, whatever the addresses.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 19; i++) statuses.Add((await client.PostAsJsonAsync("/api/auth/link", new { email = $"person{i}@albertslund.dk" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains("For mange", await (await client.PostAsJsonAsync("/api/auth/link", new { email = "x@albertslund.dk" })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_greet_by_name_once_given_and_neutrally_before()
    {
        using var host = new TestHost(_data, _clock);
        const string anna = "anna.jensen@albertslund.dk";
        var browser = await host.SignInAsync(anna);
        (await browser.PostAsJsonAsync("/api/ideas", new { title = "Første idé", description = "Noget nyt." })).EnsureSuccessStatusCode();
        (await browser.PutAsJsonAsync("/api/me", new { name = "Anna Jensen" })).EnsureSuccessStatusCode();
        (await browser.PostAsJsonAsync("/api/ideas", new { title = "Anden idé", description = "Noget mere." })).EnsureSuccessStatusCode();
        await host.SettleAsync();

        var receipts = _data.MailsTo(anna).Where(m => m.Title().Contains("idé", StringComparison.OrdinalIgnoreCase)).OrderBy(m => m.Title()).ToArray();
        Assert.All(_data.MailsTo(anna), m => Assert.DoesNotContain("Kære anna.jensen", m.Text(), StringComparison.Ordinal));
        Assert.Contains(receipts, m => m.Text().StartsWith("Goddag", StringComparison.Ordinal));
        Assert.Contains(receipts, m => m.Text().StartsWith("Kære Anna Jensen", StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();
}
