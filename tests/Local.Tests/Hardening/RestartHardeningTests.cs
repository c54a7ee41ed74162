using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Local.Tests.Hardening;

/// <summary>Restarts change nothing that is sent: digests go out once per period, and the mailbox keeps no half-written files.</summary>
public sealed class RestartHardeningTests
{
    private static DateTimeOffset Local(int month, int day, int hour) => CopenhagenTime.At(new DateOnly(2027, month, day), new TimeOnly(hour, 0));

    /// <summary>
    /// The digests' week is decided at Monday 07:00, while one network is still a draft; it starts at noon. Through to the
    /// middle of March — one more week and a month's first working day — the digests are those of a run without restarts,
    /// however often the host restarts in between.
    /// </summary>
    private static async Task<string[]> DigestsAsync(int restartEveryHours)
    {
        using var data = new DataFolder();
        var clock = new FakeTimeProvider(Local(2, 1, 8));
        var host = new TestHost(data, clock);
        try
        {
            await Scenarios.RunningAsync(host, "2027-03-01");
            var (draft, secretariat) = await Scenarios.ReadyAsync(host);
            await host.AdvanceToAsync(Local(2, 22, 12));
            secretariat = await host.SignInAsync(TestHost.Secretariat);
            (await secretariat.PostAsJsonAsync($"/api/networks/{draft}/start", new { startDate = "2027-03-02" })).EnsureSuccessStatusCode();

            for (var at = Local(2, 22, 12).AddHours(restartEveryHours); at < Local(3, 12, 18); at = at.AddHours(restartEveryHours))
            {
                await host.AdvanceToAsync(at);
                host.Dispose();
                host = new TestHost(data, clock);
            }

            await host.AdvanceToAsync(Local(3, 12, 18));
        }
        finally
        {
            host.Dispose();
        }

        return data.Mails()
            .Where(m => m.Title().StartsWith("Ugens overblik", StringComparison.Ordinal) || m.Title().StartsWith("Månedligt overblik", StringComparison.Ordinal))
            .Select(m => $"{Period(m)} {m.To} | {m.Date.UtcDateTime:yyyy-MM-dd HH:mm} {m.Title()}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The digest's period: its ISO week (weekly) or month (monthly) in Copenhagen.</summary>
    private static string Period(MimeKit.MimeMessage m) => m.Title().StartsWith("Ugens", StringComparison.Ordinal)
        ? Domain.Digests.DigestSchedule.WeeklyKey(m.Date)
        : Domain.Digests.DigestSchedule.MonthlyKey(m.Date);

    [Fact]
    public async Task Digests_go_out_once_per_week_and_month_however_often_the_host_restarts()
    {
        var calm = await DigestsAsync(restartEveryHours: 24 * 30);
        var restarted = await DigestsAsync(restartEveryHours: 7);

        Assert.Equal(calm, restarted);
        Assert.Contains(calm, d => d.Contains("Månedligt overblik", StringComparison.Ordinal));
        // Both networks have the same leader: at most two weekly digests to her per week, one monthly per secretary.
        Assert.All(calm.GroupBy(d => d[..d.IndexOf('|', StringComparison.Ordinal)], StringComparer.Ordinal),
            g => Assert.InRange(g.Count(), 1, g.Key.Contains("-W", StringComparison.Ordinal) ? 2 : 1));
    }

    [Fact]
    public async Task Half_written_files_left_by_a_killed_host_are_gone_when_the_next_one_starts()
    {
        using var data = new DataFolder();
        var clock = new FakeTimeProvider(Local(2, 1, 8));
        Directory.CreateDirectory(data.Mailbox);
        // What kill -9 between writing and renaming leaves behind.
        for (var i = 0; i < 40; i++) await File.WriteAllTextAsync(Path.Combine(data.Mailbox, $".20270201-070000-{i:x16}.eml.{Guid.NewGuid():N}.tmp"), "From: halv");

        using var host = new TestHost(data, clock);
        host.Client(); // the host starts, and nothing is sent yet

        Assert.Empty(Directory.GetFiles(data.Mailbox, ".*.tmp"));
        await host.SignInAsync(TestHost.Secretariat);
        Assert.Single(data.Mails());
    }
}
