using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>The runner's own loop: it sleeps until the next due instant and wakes early on a change.</summary>
public sealed class RunnerLoopTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    private sealed class LoopingHost(DataFolder data, FakeTimeProvider clock) : TestHost(data, clock)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Runner:Enabled", "true");
        }
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        return condition();
    }

    [Fact]
    public async Task The_loop_delivers_on_a_change_and_sleeps_until_the_next_due_step()
    {
        using var host = new LoopingHost(_data, _clock);
        host.Client(); // starts the host and its runner

        // A write wakes the runner: the sign-in link is delivered without the clock moving and without a manual round.
        (await host.Client().PostAsJsonAsync("/api/auth/link", new { email = TestHost.Secretariat })).EnsureSuccessStatusCode();
        Assert.True(await EventuallyAsync(() => _data.MailsTo(TestHost.Secretariat).Count == 1));

        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-01");
        var invitationsBefore = _data.Mails().Count(m => m.Title().StartsWith("Invitation: opstartsworkshop", StringComparison.Ordinal));
        Assert.Equal(0, invitationsBefore);

        // Nothing happens until the clock reaches the invitation's instant; then the sleeping runner wakes by itself.
        _clock.SetUtcNow(CopenhagenTime.At(new DateOnly(2027, 2, 22), new TimeOnly(7, 59)));
        await Task.Delay(200);
        Assert.DoesNotContain(_data.Mails(), m => m.Title().StartsWith("Invitation: opstartsworkshop", StringComparison.Ordinal));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await EventuallyAsync(() => _data.Mails().Count(m => m.Title().StartsWith("Invitation: opstartsworkshop", StringComparison.Ordinal)) == 3), id);
    }

    public void Dispose() => _data.Dispose();
}
