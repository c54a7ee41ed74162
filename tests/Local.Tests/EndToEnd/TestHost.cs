using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Netvaerk.Local.Runner;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>
/// The embedded host in-process with a real SQLite file and a real mailbox folder in a temp directory, on a fake
/// clock. The runner's loop is off: tests advance the clock and run one round at a time, so every assertion sees a
/// settled system. Disposing and creating a host on the same folder is a restart.
/// </summary>
internal class TestHost : WebApplicationFactory<LocalRunner>
{
    public const string Secretariat = "netvaerkssekretariatet@albertslund.dk";

    /// <summary>The header that carries an e-mail's outbox key.</summary>
    public const string KeyHeader = "X-Netvaerk-Key";

    public TestHost(DataFolder data, FakeTimeProvider clock)
    {
        Data = data;
        Clock = clock;
    }

    public DataFolder Data { get; }

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sqlite:Path", Data.Database);
        builder.UseSetting("Mailbox:Folder", Data.Mailbox);
        builder.UseSetting("Runner:Enabled", "false");
        builder.UseSetting("Netvaerk:PublicBaseUrl", "http://netvaerk.test/");
        // The fixed answer time of a sign-in link request is tested on its own; the other tests need not wait for it.
        builder.UseSetting("Access:LinkAnswerMilliseconds", "0");
        // Tests sign in many times; the limits are tested on their own, at their defaults.
        builder.UseSetting("Access:LinksPerAddressPerHour", "1000");
        builder.UseSetting("Access:LinksPerClientPerHour", "100000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public LocalRunner Runner => Services.GetRequiredService<LocalRunner>();

    /// <summary>One round at the clock's instant; returns when the next is due. The local runner's, unless a host drives the timelines otherwise.</summary>
    protected virtual Task<DateTimeOffset?> RoundAsync() => Runner.RunOnceAsync();

    /// <summary>Every e-mail sent so far, in delivery-file order (by date, then key hash): the mailbox's files.</summary>
    public virtual List<MimeMessage> Mails() => Data.Mails();

    public List<MimeMessage> MailsTo(string email) =>
        Mails().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Runs rounds until nothing more is due at the current instant.</summary>
    public async Task SettleAsync()
    {
        for (var i = 0; i < 20; i++)
        {
            var next = await RoundAsync();
            if (next is null || next > Clock.GetUtcNow()) return;
        }
    }

    /// <summary>Moves the clock forward to the instant, one due instant at a time, settling at each (as the real loop would).</summary>
    public async Task AdvanceToAsync(DateTimeOffset until)
    {
        await SettleAsync();
        while (true)
        {
            var next = await RoundAsync();
            if (next is null || next > until) break;
            if (next > Clock.GetUtcNow()) Clock.SetUtcNow(next.Value);
            await SettleAsync();
        }

        if (until > Clock.GetUtcNow()) Clock.SetUtcNow(until);
        await SettleAsync();
    }

    /// <summary>A browser-like client: keeps cookies, and speaks HTTPS, since cookies are Secure outside development.</summary>
    public virtual HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions
    {
        HandleCookies = true,
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>A client signed in through the real e-mail link flow.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = Client();
        var before = Mails().Select(m => m.Headers[KeyHeader]).ToHashSet(StringComparer.Ordinal);
        (await client.PostAsJsonAsync("/api/auth/link", new { email })).EnsureSuccessStatusCode();
        await SettleAsync();
        var mail = Mails().Where(m => !before.Contains(m.Headers[KeyHeader]))
            .Single(m => m.To.Mailboxes.Any(b => b.Address == email) && m.Title().StartsWith("Dit login-link", StringComparison.Ordinal));
        var token = Regex.Match(mail.Text(), @"log-ind/([A-Za-z0-9_\-]+)").Groups[1].Value;
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}

/// <summary>A temp folder holding the database and the mailbox; survives host restarts, deleted at the end.</summary>
internal sealed class DataFolder : IDisposable
{
    public DataFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "netvaerk-e2e-" + Guid.NewGuid().ToString("N"));

    public string Database => Path.Combine(Root, "netvaerk.db");

    public string Mailbox => Path.Combine(Root, "mail");

    public HashSet<string> Files() =>
        Directory.Exists(Mailbox) ? Directory.GetFiles(Mailbox, "*.eml").ToHashSet(StringComparer.Ordinal) : [];

    /// <summary>Every e-mail in the mailbox, in delivery-file order (by date, then key hash).</summary>
    public List<MimeMessage> Mails() =>
        Directory.Exists(Mailbox)
            ? Directory.GetFiles(Mailbox, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public List<MimeMessage> MailsTo(string email) =>
        Mails().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp folder is cleaned by the OS eventually.
        }
    }
}

/// <summary>What a browser does with a page's form: read the antiforgery token from the page, post it with the fields.</summary>
internal static class PageForms
{
    public static string Token(string page) =>
        Regex.Match(page, "name=\"__af\" value=\"([^\"]+)\"") is { Success: true } m
            ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public static FormUrlEncodedContent With(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__af", Token(page))).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    /// <summary>Opens the page and posts its form back with the fields.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient browser, string path, params (string Key, string Value)[] fields)
    {
        var page = await browser.GetStringAsync(path);
        return await browser.PostAsync(path, With(page, fields));
    }
}

internal static class Json
{
    public static string Text(this MimeMessage message) => message.TextBody ?? "";

    public static string Title(this MimeMessage message) => message.Subject ?? "";

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
