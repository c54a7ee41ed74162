using System.Net;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The secretariat's page of users and roles.</summary>
public sealed class UserPageTests
{
    [Fact]
    public async Task The_secretariat_adds_a_forum_member_who_then_may_decide_and_an_employee_may_not_open_the_page()
    {
        using var data = new DataFolder();
        await using var host = new PageHost(data, new FakeTimeProvider(PageHost.Start));
        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        var page = await secretariat.PageAsync("/brugere");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        // A forum member without a forum, and a bad address: refused, next to the fields, input kept, nothing saved.
        var refused = await secretariat.SubmitAsync(page.Form("/brugere"), new Dictionary<string, string>
        {
            ["email"] = "charlotte.chef@albertslund", ["navn"] = "Charlotte Chef", ["rolle"] = "ForumMember",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Vælg forummet for et forummedlem.", refused.FieldError("forum"));
        Assert.NotNull(refused.FieldError("email"));
        Assert.Equal("Charlotte Chef", refused.Document.GetElementById("navn")!.GetAttribute("value"));
        Assert.DoesNotContain("Charlotte Chef", string.Concat(refused.Document.QuerySelectorAll("tbody td").Select(td => td.TextContent)), StringComparison.Ordinal);

        var saved = await secretariat.SubmitAsync(refused.Form("/brugere"), new Dictionary<string, string>
        {
            ["email"] = "Charlotte.Chef@albertslund.dk", ["rolle"] = "ForumMember", ["forum"] = "Chefforum",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var list = await secretariat.PageAsync(saved.Location!.ToString());
        Assert.Contains("Charlotte Chef (charlotte.chef@albertslund.dk) er gemt.", list.Text, StringComparison.Ordinal);
        var row = list.Document.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("charlotte.chef@albertslund.dk", StringComparison.Ordinal));
        Assert.Contains("Forummedlem", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chefforum", row.TextContent, StringComparison.Ordinal);

        // The role is real: she signs in as a forum member.
        var chef = await host.SignInAsync("charlotte.chef@albertslund.dk");
        var me = await (await chef.GetAsync("/api/me")).ReadAsync();
        Assert.Contains(me.GetProperty("roles").EnumerateArray(), r => r.GetString() == "forum-member");

        var employee = await host.SignInAsync(PageHost.Employee);
        var forbidden = await employee.PageAsync("/brugere");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal("Du har ikke adgang", forbidden.Heading);
    }
}
