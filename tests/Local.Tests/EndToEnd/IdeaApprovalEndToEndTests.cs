using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>The forum's clock when it asks the submitter for more information before deciding.</summary>
public sealed class IdeaApprovalEndToEndTests : IDisposable
{
    private const string Chef = "charlotte.chef@albertslund.dk";
    private const string Mette = "mette.holm@albertslund.dk";

    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(Local(2027, 2, 1, 8));

    public void Dispose() => _data.Dispose();

    private static DateTimeOffset Local(int y, int m, int d, int h) => CopenhagenTime.At(new DateOnly(y, m, d), new TimeOnly(h, 0));

    // The forum's mail about the idea; sign-in links left out.
    private List<string> ChefSubjects() =>
        _data.MailsTo(Chef).Select(m => m.Title()).Where(s => !s.Contains("login-link", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Answered_information_puts_the_idea_to_the_forum_again_with_a_fresh_ten_working_days()
    {
        using var host = new TestHost(_data, _clock);
        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        (await secretariat.PutAsJsonAsync($"/api/users/{Chef}", new { name = "Charlotte Chef", roles = new[] { "forum-member" }, forum = "chefforum" }))
            .EnsureSuccessStatusCode();
        var mette = await host.SignInAsync(Mette);
        var idea = await (await mette.PostAsJsonAsync("/api/ideas", new
        {
            title = "Frivillighed i Albertslund",
            description = "Flere borgere i frivilligt arbejde.",
            suggestedType = "welfare",
        })).ReadAsync();
        var id = idea.GetProperty("idea").GetProperty("id").GetString()!;
        (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/route", new { })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        var request = Assert.Single(ChefSubjects());

        // The forum asks for more; the submitter takes three weeks to answer. Waiting on her is not the forum's delay.
        _clock.SetUtcNow(Local(2027, 2, 2, 10));
        var chef = await host.SignInAsync(Chef);
        (await chef.PostAsJsonAsync($"/api/ideas/{id}/decision", new { outcome = "needs-info", reason = "Hvilke bydele?" }))
            .EnsureSuccessStatusCode();
        await host.AdvanceToAsync(Local(2027, 2, 22, 10));
        Assert.Equal([request], ChefSubjects());

        mette = await host.SignInAsync(Mette);
        (await mette.PostAsJsonAsync($"/api/ideas/{id}/info", new { information = "Hedemarken og Galgebakken." })).EnsureSuccessStatusCode();
        await host.SettleAsync();
        Assert.Equal([request, request], ChefSubjects());

        // Ten working days from the answer (Monday 8 March), not from the first routing, brings the one reminder.
        await host.AdvanceToAsync(Local(2027, 3, 7, 12));
        Assert.Equal(2, ChefSubjects().Count);
        await host.AdvanceToAsync(Local(2027, 3, 9, 12));
        var subjects = ChefSubjects();
        Assert.Equal(3, subjects.Count);
        Assert.StartsWith("Påmindelse", subjects[2], StringComparison.Ordinal);
        await host.AdvanceToAsync(Local(2027, 3, 12, 12));
        Assert.Equal(3, ChefSubjects().Count);
    }
}
