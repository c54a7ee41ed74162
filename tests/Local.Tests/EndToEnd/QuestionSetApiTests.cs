using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>The question sets through the API: the same rules as the pages, problem details in Danish.</summary>
public sealed class QuestionSetApiTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(WelfareScenario.Start);

    [Fact]
    public async Task The_secretariat_saves_version_2_only_from_the_current_version_and_without_changing_an_answer_type()
    {
        using var host = new TestHost(_data, _clock);
        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        var all = await (await secretariat.GetAsync("/api/question-sets")).ReadAsync();
        Assert.Equal(9, all.GetArrayLength());
        var set = await (await secretariat.GetAsync("/api/question-sets/learning/end")).ReadAsync();
        Assert.Equal(1, set.GetProperty("current").GetProperty("version").GetInt32());

        // A carried-over key may not change its answer type; an unknown key and a one-option choice are named.
        var refused = await secretariat.PostAsJsonAsync("/api/question-sets/learning/end/versions", new
        {
            basedOn = 1,
            questions = new object[]
            {
                new { key = "purpose.achieved", text = "Formålet er nået.", type = "yes-no", required = true },
                new { key = "no.such.key", text = "?", type = "scale", required = false },
                new { text = "Hvilke forløb?", type = "single-choice", required = false, options = new[] { "Kun ét" } },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("svartype kan ikke ændres", errors.GetProperty("questions[0].type")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("questions[1].key", out _));
        Assert.True(errors.TryGetProperty("questions[2].options", out _));

        var saved = await secretariat.PostAsJsonAsync("/api/question-sets/learning/end/versions", new
        {
            basedOn = 1,
            questions = new object[]
            {
                new { key = "purpose.achieved", text = "Formålet er nået.", type = "scale", required = true },
                new { text = "Hvilke forløb?", type = "single-choice", required = false, options = new[] { "Korte", "Lange" } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var version = await saved.ReadAsync();
        Assert.Equal(2, version.GetProperty("version").GetInt32());
        Assert.Equal("egen.v2.2", version.GetProperty("questions")[1].GetProperty("key").GetString());
        Assert.Equal("Helt uenig", version.GetProperty("questions")[0].GetProperty("lowLabel").GetString());

        // A second edit from version 1 comes too late.
        var stale = await secretariat.PostAsJsonAsync("/api/question-sets/learning/end/versions", new
        {
            basedOn = 1, questions = new object[] { new { key = "purpose.achieved", text = "X", type = "scale", required = true } },
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/question-sets/innovation/baseline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/question-sets/sports/end")).StatusCode);

        var employee = await host.SignInAsync("kollega@albertslund.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/question-sets")).StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
