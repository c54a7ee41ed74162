using System.Net.Http.Json;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>Shortcuts through the real API to a network in a given state.</summary>
internal static class Scenarios
{
    public const string Leader = "mette.holm@albertslund.dk";

    public static readonly string[] Participants = ["mette.holm@albertslund.dk", "jonas.berg@albertslund.dk", "birthe.soerensen@example.dk"];

    /// <summary>An approved idea: a draft network whose id is returned, with a signed-in secretariat client.</summary>
    public static async Task<(string Id, HttpClient Secretariat)> DraftAsync(TestHost host, string type = "welfare")
    {
        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        var idea = await (await secretariat.PostAsJsonAsync("/api/ideas", new
        {
            title = "Frivillighed i Albertslund",
            description = "Flere borgere i frivilligt arbejde.",
            suggestedType = type,
        })).ReadAsync();
        var id = idea.GetProperty("idea").GetProperty("id").GetString()!;
        (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/route", new { })).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/decision", new { outcome = "approved" })).EnsureSuccessStatusCode();
        return (id, secretariat);
    }

    public static object Contract(string type = "welfare") => new
    {
        theme = "Frivillighed i Albertslund",
        purpose = "Flere borgere i frivilligt arbejde.",
        type,
        mandate = "Kan afprøve nye invitationsformer.",
        expectedOutput = "Tre afprøvede invitationsformer.",
        expectedOutcome = "Bedre samarbejde om frivillighed.",
        leader = new { name = "Mette Holm", email = Leader },
        decidingForum = "chefforum",
        // The type's typical length: the contract check refuses a time frame that contradicts the type.
        timeFrame = new { start = "2027-03-01", end = type switch { "welfare" => "2027-03-29", "learning" => "2027-09-01", _ => "2028-03-01" } },
        involvementPlan = "Borgere inviteres til hvert møde.",
        evaluationPlan = "Slutevaluering og opfølgning.",
    };

    /// <summary>A complete contract with three participants, started with day 0 on <paramref name="startDate"/>.</summary>
    public static async Task<(string Id, HttpClient Secretariat)> RunningAsync(TestHost host, string startDate, string type = "welfare")
    {
        var (id, secretariat) = await ReadyAsync(host, type);
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        return (id, secretariat);
    }

    /// <summary>A draft network with a complete contract and three participants: ready to start.</summary>
    public static async Task<(string Id, HttpClient Secretariat)> ReadyAsync(TestHost host, string type = "welfare")
    {
        var (id, secretariat) = await DraftAsync(host, type);
        (await secretariat.PutAsJsonAsync($"/api/networks/{id}/contract", Contract(type))).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/networks/{id}/participants", new
        {
            participants = new object[]
            {
                new { name = "Mette Holm", email = Participants[0], kind = "employee", role = "core" },
                new { name = "Jonas Berg", email = Participants[1], kind = "employee", role = "core" },
                new { name = "Birthe Sørensen", email = Participants[2], kind = "citizen", role = "peripheral", consent = new { source = "Borgermøde" } },
            },
        })).EnsureSuccessStatusCode();
        return (id, secretariat);
    }
}
