using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The secretariat's overview highlights a forum decision that is past its deadline.</summary>
public sealed class PortfolioPageTests
{
    [Fact]
    public async Task A_decision_past_the_forums_ten_working_days_is_highlighted()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start)); // Monday 1 March 2027
        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        var idea = await (await secretariat.PostAsJsonAsync("/api/ideas", new { title = "Bedre overgange fra skole til fritid", description = "Færre børn falder fra.", suggestedType = "welfare" })).ReadAsync();
        var id = idea.GetProperty("idea").GetProperty("id").GetString()!;
        (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/route", new { })).EnsureSuccessStatusCode();

        var page = await secretariat.PageAsync("/portefolje");
        var row = page.Document.QuerySelector("#beslutninger + table tbody tr")!.TextContent;
        Assert.Contains("Bedre overgange fra skole til fritid", row, StringComparison.Ordinal);
        Assert.Contains("15. marts 2027", row, StringComparison.Ordinal); // ten working days on
        Assert.DoesNotContain("overskredet", page.Text, StringComparison.Ordinal);

        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 16, 9, 0, 0, TimeSpan.Zero));
        secretariat = await host.SignInAsync(TestHost.Secretariat);
        page = await secretariat.PageAsync("/portefolje");
        Assert.Contains("1 idé venter på et forums beslutning ud over fristen på 10 arbejdsdage.", page.Document.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fristen er overskredet", page.Document.QuerySelector("#beslutninger + table tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beslutningen er forsinket", (await secretariat.PageAsync("/ideer")).Text, StringComparison.Ordinal);
    }
}
