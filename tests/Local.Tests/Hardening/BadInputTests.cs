using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Local.Tests.Hardening;

/// <summary>The inputs that answered 500 or in English, each now a Danish 4xx that changes nothing stored.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(Danish.IsDanish(problem.GetProperty("title").GetString()), text);
        Assert.True(Danish.IsDanish(problem.GetProperty("detail").GetString()), text);
        return problem;
    }

    [Fact]
    public async Task The_survey_page_refuses_json_nul_characters_and_overlong_keys_with_a_Danish_page()
    {
        using var host = new TestHost(_data, _clock);
        var browser = host.Client();
        const string path = "/svar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        var json = await browser.PostAsync(path, new StringContent("{\"a\":1}", Encoding.UTF8, "application/json"));
        var nul = await browser.PostAsync(path, new StringContent("a=%00", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var longKey = await browser.PostAsync(path, new StringContent(new string('k', 3000) + "=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longKey.StatusCode);
        foreach (var response in new[] { json, nul, longKey })
        {
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Formularen kunne ikke", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1582-12-31")]
    [InlineData("9999-11-01")]
    [InlineData("0001-01-01")]
    public async Task Dates_outside_the_planning_window_are_refused_naming_the_field(string date)
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.RunningAsync(host, "2027-03-01");
        var before = await StateAsync(secretariat, id);

        var start = await ProblemAsync(await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = date }), HttpStatusCode.BadRequest);
        var move = await ProblemAsync(await secretariat.PostAsJsonAsync($"/api/networks/{id}/meetings/meeting-2/move",
            new { date, start = "09:00", end = "11:00" }), HttpStatusCode.BadRequest);

        Assert.True(start.GetProperty("errors").TryGetProperty("startDate", out _));
        Assert.True(move.GetProperty("errors").TryGetProperty("date", out _));
        Assert.Equal(before, await StateAsync(secretariat, id));
    }

    [Fact]
    public async Task A_network_cannot_start_in_the_past_or_too_soon_for_the_invitation_and_the_answer_names_the_earliest_date()
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.ReadyAsync(host);
        var before = await StateAsync(secretariat, id);

        // Monday 1 February 2027, 08:00: the invitation goes out five working days before the workshop, and not before now,
        // so Monday 8 February is the first possible day 0 (its invitation is due this very minute).
        foreach (var date in new[] { "2026-06-01", "2027-01-29", "2027-02-04", "2027-02-05" })
        {
            var problem = await ProblemAsync(await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = date }), HttpStatusCode.BadRequest);
            Assert.Equal("start-too-soon", problem.GetProperty("code").GetString());
            Assert.Contains("tidligst starte mandag den 8. februar 2027", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var tooLate = await ProblemAsync(await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = "2029-03-01" }), HttpStatusCode.BadRequest);
        Assert.Equal("start-too-late", tooLate.GetProperty("code").GetString());
        Assert.Equal(before, await StateAsync(secretariat, id));
        await host.SettleAsync();
        Assert.DoesNotContain(_data.Mails(), m => m.Title().StartsWith("Invitation", StringComparison.Ordinal));

        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = "2027-02-08" })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        Assert.Equal(3, _data.Mails().Count(m => m.Title().StartsWith("Invitation: opstartsworkshop", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("a,b@albertslund.dk")]
    [InlineData("x<y>@albertslund.dk")]
    [InlineData("\"quoted\"@albertslund.dk")]
    [InlineData("anna@albertslund")]
    [InlineData(".anna@albertslund.dk")]
    [InlineData("an..na@albertslund.dk")]
    public async Task Addresses_the_mail_and_calendar_cannot_carry_are_refused_at_the_edge(string email)
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.DraftAsync(host);
        var before = await StateAsync(secretariat, id);

        var participants = await ProblemAsync(await secretariat.PostAsJsonAsync($"/api/networks/{id}/participants", new
        {
            participants = new[] { new { name = "Anna", email, kind = "employee", role = "core" } },
        }), HttpStatusCode.BadRequest);
        var link = await ProblemAsync(await host.Client().PostAsJsonAsync("/api/auth/link", new { email }), HttpStatusCode.BadRequest);

        Assert.True(participants.GetProperty("errors").TryGetProperty("participants[0].email", out _));
        Assert.True(link.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(before, await StateAsync(secretariat, id));
    }

    [Fact]
    public async Task Framework_errors_answer_in_Danish_problem_details()
    {
        using var host = new TestHost(_data, _clock);
        var secretariat = await host.SignInAsync(TestHost.Secretariat);

        await ProblemAsync(await secretariat.GetAsync("/api/findes-ikke"), HttpStatusCode.NotFound);
        var method = await ProblemAsync(await secretariat.DeleteAsync("/api/ideas"), HttpStatusCode.MethodNotAllowed);
        Assert.Contains("DELETE", method.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(await secretariat.PostAsync("/api/ideas", new StringContent("title=x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await secretariat.PostAsync("/api/ideas", new StringContent("", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        var broken = await ProblemAsync(await secretariat.PostAsync("/api/ideas", new StringContent("{ \"title\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal("unreadable-body", broken.GetProperty("code").GetString());

        var wrongType = await ProblemAsync(await secretariat.PostAsync("/api/ideas",
            new StringContent("{\"title\": \"Idé\", \"description\": 42}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal("wrong-type", wrongType.GetProperty("code").GetString());
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("description", out _));

        var nested = await ProblemAsync(await secretariat.PostAsync($"/api/networks/{Guid.NewGuid()}/participants",
            new StringContent("{\"participants\": [{\"name\": \"A\", \"email\": []}]}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.True(nested.GetProperty("errors").TryGetProperty("participants[0].email", out _));

        var page = await host.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/findes-ikke") { Headers = { { "Accept", "text/html" } } });
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Adressen findes ikke", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await (await secretariat.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray());
    }

    /// <summary>Everything stored about the network, as the API shows it (the ETag changes with any write).</summary>
    private static async Task<string> StateAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/networks/{id}");
        return $"{response.Headers.ETag?.Tag} {await response.Content.ReadAsStringAsync()}";
    }

    public void Dispose() => _data.Dispose();
}

/// <summary>
/// Whether a text reads as Danish: it has æ, ø or å, or Danish function words, and none of the English words the
/// framework's defaults are made of.
/// </summary>
internal static partial class Danish
{
    private static readonly HashSet<string> DanishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "er", "og", "ikke", "skal", "kan", "har", "den", "det", "til", "af", "en", "et", "med", "for", "som", "allerede", "ugyldig",
        "findes", "konflikt", "mange", "oplysningerne", "ingen", "metoden", "adressen", "indholdstypen", "send", "felt", "adgang", "logget",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "was", "not", "found", "error", "request", "invalid", "failed", "cannot", "must", "required", "occurred", "method", "allowed",
    };

    public static bool IsDanish(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var words = Word().Matches(text).Select(m => m.Value).ToArray();
        if (words.Any(EnglishWords.Contains)) return false;
        return text.IndexOfAny(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']) >= 0 || words.Any(DanishWords.Contains);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}+")]
    private static partial System.Text.RegularExpressions.Regex Word();
}
