using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>How the API answers bad input, unknown ids, illegal transitions and conflicting writes.</summary>
public sealed class ApiContractTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    [Fact]
    public async Task Bad_input_gets_400_problem_details_naming_each_bad_field_in_Danish()
    {
        using var host = new TestHost(_data, _clock);
        var client = await host.SignInAsync(TestHost.Secretariat);

        var response = await client.PostAsJsonAsync("/api/ideas", new { title = "", description = new string('x', 9000), suggestedType = "sport" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.Equal(["description", "suggestedType", "title"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Titlen skal udfyldes", errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await (await client.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Unreadable_json_is_a_400_and_unknown_ids_are_404()
    {
        using var host = new TestHost(_data, _clock);
        var client = await host.SignInAsync(TestHost.Secretariat);

        var broken = await client.PostAsync("/api/ideas", new StringContent("{ \"title\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

        var unknown = await client.GetAsync($"/api/networks/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
    }

    [Fact]
    public async Task Starting_a_network_with_an_incomplete_contract_is_409_and_changes_nothing()
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.DraftAsync(host);
        var before = await secretariat.GetAsync($"/api/networks/{id}");
        var etag = before.Headers.ETag?.Tag;

        var start = await secretariat.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = "2027-03-01" });

        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        var problem = await start.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("contract-incomplete", problem.GetProperty("code").GetString());
        Assert.Contains("Formål", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await secretariat.GetAsync($"/api/networks/{id}");
        Assert.Equal(etag, after.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Illegal_transitions_are_409()
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.RunningAsync(host, "2027-03-01");

        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsJsonAsync($"/api/networks/{id}/resume", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/decision", new { outcome = "rejected", reason = "Nej" })).StatusCode);
        var move = await secretariat.PostAsJsonAsync($"/api/networks/{id}/meetings/meeting-2/move", new { date = "2027-03-26", start = "09:00", end = "11:00" });
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode); // langfredag: bad input, not a state conflict
        Assert.Contains("Langfredag", await move.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_conflicting_changes_one_wins_and_the_other_gets_409()
    {
        using var host = new TestHost(_data, _clock);
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-01");
        var first = await host.SignInAsync(Scenarios.Leader);
        var second = await host.SignInAsync(TestHost.Secretariat);
        var etag = (await first.GetAsync($"/api/networks/{id}")).Headers.ETag!.Tag;

        using var moveRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/networks/{id}/meetings/meeting-2/move")
        {
            Content = JsonContent.Create(new { date = "2027-03-16", start = "09:00", end = "11:00" }),
        };
        moveRequest.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using var cancelRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/networks/{id}/meetings/meeting-2/cancel") { Content = JsonContent.Create(new { }) };
        cancelRequest.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));

        var moved = await first.SendAsync(moveRequest);
        var cancelled = await second.SendAsync(cancelRequest);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
        var timeline = await (await second.GetAsync($"/api/networks/{id}/timeline")).ReadAsync();
        var meeting2 = timeline.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "meeting-2");
        Assert.Equal("2027-03-16", meeting2.GetProperty("date").GetString());
        Assert.False(meeting2.GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public async Task Request_bodies_over_64_KiB_are_refused_with_413()
    {
        using var host = new TestHost(_data, _clock);
        var client = await host.SignInAsync(TestHost.Secretariat);
        var huge = new StringContent($"{{\"title\":\"x\",\"description\":\"{new string('x', 70 * 1024)}\"}}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/ideas", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await (await client.GetAsync("/api/ideas")).ReadAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Staff_endpoints_need_sign_in_and_the_right_role()
    {
        using var host = new TestHost(_data, _clock);
        var anonymous = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/networks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/ideas", new { title = "x", description = "y" })).StatusCode);

        var (id, _) = await Scenarios.DraftAsync(host);
        var employee = await host.SignInAsync("jonas.berg@albertslund.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync($"/api/networks/{id}/start", new { startDate = "2027-03-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PutAsJsonAsync($"/api/networks/{id}/contract", Scenarios.Contract())).StatusCode);
    }

    [Fact]
    public async Task Networks_are_shown_to_their_leader_the_secretariat_and_the_forums_not_to_every_employee()
    {
        using var host = new TestHost(_data, _clock);
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-01");

        var employee = await host.SignInAsync("jonas.berg@albertslund.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/networks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/networks/{id}/timeline")).StatusCode);
        Assert.Empty((await (await employee.GetAsync("/api/networks")).ReadAsync()).EnumerateArray());

        var leader = await host.SignInAsync(Scenarios.Leader);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/networks/{id}/timeline")).StatusCode);
        Assert.Single((await (await leader.GetAsync("/api/networks")).ReadAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_forum_member_decides_only_the_ideas_of_their_own_forum()
    {
        using var host = new TestHost(_data, _clock);
        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        (await secretariat.PutAsJsonAsync("/api/users/direktor@albertslund.dk", new { name = "Dorte Direktør", roles = new[] { "forum-member" }, forum = "direktoerforum" }))
            .EnsureSuccessStatusCode();
        var idea = await (await secretariat.PostAsJsonAsync("/api/ideas", new { title = "Frivillighed", description = "x", suggestedType = "welfare" })).ReadAsync();
        var id = idea.GetProperty("idea").GetProperty("id").GetString();
        (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/route", new { })).EnsureSuccessStatusCode();

        var direktor = await host.SignInAsync("direktor@albertslund.dk");
        var decided = await direktor.PostAsJsonAsync($"/api/ideas/{id}/decision", new { outcome = "approved" });

        Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
        Assert.Contains("Chefforum", await decided.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_link_works_once_and_strangers_get_no_link()
    {
        using var host = new TestHost(_data, _clock);
        await host.SignInAsync(TestHost.Secretariat);
        var token = System.Text.RegularExpressions.Regex.Match(_data.Mails().Single().Text(), @"log-ind/([A-Za-z0-9_\-]+)").Groups[1].Value;

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsJsonAsync("/api/auth/sign-in", new { token })).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await host.Client().PostAsJsonAsync("/api/auth/link", new { email = "someone@example.com" })).StatusCode);
        await host.SettleAsync();
        Assert.Empty(_data.MailsTo("someone@example.com"));
    }

    [Fact]
    public async Task The_api_is_described_with_OpenAPI()
    {
        using var host = new TestHost(_data, _clock);
        var document = await (await host.Client().GetAsync("/openapi/v1.json")).ReadAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/ideas", paths);
        Assert.Contains("/api/networks/{id}/meetings/{meetingId}/move", paths);
        Assert.Contains("/api/surveys/{token}/answers", paths);
    }

    public void Dispose() => _data.Dispose();
}
