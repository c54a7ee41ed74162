using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>The embedded host of the end-to-end tests, with settings of a test's own.</summary>
internal sealed class PageHost(DataFolder data, FakeTimeProvider clock, params (string Key, string Value)[] settings) : TestHost(data, clock)
{
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public const string Employee = "mette.holm@albertslund.dk";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
