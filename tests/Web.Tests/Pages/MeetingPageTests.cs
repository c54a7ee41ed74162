using System.Net;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>Moving a meeting from its page: a refusal at the field, then the moved meeting and the participants' reminder for the new time.</summary>
public sealed class MeetingPageTests
{
    [Fact]
    public async Task The_leader_moves_a_meeting_and_the_participants_get_the_new_time()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-15");
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero)); // the invitations have gone out
        var leader = await host.SignInAsync(Scenarios.Leader);

        var network = await leader.PageAsync($"/netvaerk/{id}");
        var link = network.Document.QuerySelectorAll("main li a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/moeder/", StringComparison.Ordinal) && h.EndsWith("meeting-2", StringComparison.Ordinal));
        var page = await leader.PageAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var refused = await leader.SubmitAsync(page.Form($"/netvaerk/{id}/moeder/meeting-2/flyt"), new Dictionary<string, string> { ["dato"] = "2027-02-30", ["sted"] = "Kulturhuset" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.FieldError("dato"));
        Assert.Equal("Kulturhuset", refused.Document.GetElementById("sted")!.GetAttribute("value"));

        var moved = await leader.SubmitAsync(refused.Form($"/netvaerk/{id}/moeder/meeting-2/flyt"),
            new Dictionary<string, string> { ["dato"] = "2027-03-24", ["fra"] = "13:00", ["til"] = "15:00", ["sted"] = "Kulturhuset" });
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Contains("24. marts 2027 kl. 13.00–15.00, Kulturhuset", (await leader.PageAsync($"/netvaerk/{id}")).Text, StringComparison.Ordinal);

        // The meeting's reminder goes out for the new time and place.
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 23, 12, 0, 0, TimeSpan.Zero));
        var reminder = Assert.Single(data.MailsTo("jonas.berg@albertslund.dk"), m => m.Title().Contains("netværksmøde 2", StringComparison.Ordinal));
        Assert.Contains("24. marts 2027", reminder.Text(), StringComparison.Ordinal);
        Assert.Contains("Kulturhuset", reminder.Text(), StringComparison.Ordinal);
        leader = await host.SignInAsync(Scenarios.Leader); // two weeks on, the session has ended
        Assert.Equal(HttpStatusCode.NotFound, (await leader.PageAsync($"/netvaerk/{id}/moeder/findes-ikke")).Status);
    }
}
