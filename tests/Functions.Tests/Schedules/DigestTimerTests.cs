using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;
using Netvaerk.Functions.Schedules;
using Netvaerk.Functions.Tests.Timelines;

namespace Netvaerk.Functions.Tests.Schedules;

/// <summary>
/// The digest timer fires on the hour in UTC, as on a Linux plan that ignores WEBSITE_TIME_ZONE. Across both daylight
/// saving changes each digest goes out once per period, at 07:00 Copenhagen time, and a firing every hour — or twice in
/// the same hour — adds nothing.
/// </summary>
public sealed class DigestTimerTests
{
    [Theory]
    [InlineData("2027-03-20", "2027-04-07", "2027-04-01")] // summer time from Sunday 28 March; April starts on a Thursday
    [InlineData("2027-10-23", "2027-11-09", "2027-11-01")] // winter time from Sunday 31 October; November starts on a Monday
    public async Task Hourly_UTC_firings_send_each_digest_once_at_seven_Copenhagen_time_across_daylight_saving(string from, string to, string firstWorkingDay)
    {
        await using var world = await TimelineWorld.StartAsync(NetworkType.Welfare);
        var timer = new DigestTimer(world.Services.GetRequiredService<DigestWorkflow>(), world.Clock, NullLogger<DigestTimer>.Instance);
        var start = new DateTimeOffset(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.MinValue, TimeSpan.Zero);
        var end = new DateTimeOffset(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.MinValue, TimeSpan.Zero);

        // The first firing makes up the period in progress (the host was "down" since the world began); not measured.
        var outbox = world.Services.GetRequiredService<IOutbox>();
        world.Clock.SetUtcNow(start);
        await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        var before = (await outbox.SummariesAsync(world.Tenant, "digest/")).Select(s => s.Key).ToHashSet();

        for (var hour = start.AddHours(1); hour < end; hour = hour.AddHours(1))
        {
            world.Clock.SetUtcNow(hour);
            await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
            // A second firing in the same hour (a retried invocation, a second instance) changes nothing.
            world.Clock.SetUtcNow(hour.AddMinutes(1));
            await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        }

        // One period's digests share the key up to the recipient.
        var digests = (await outbox.SummariesAsync(world.Tenant, "digest/"))
            .Where(s => !before.Contains(s.Key))
            .GroupBy(s => s.Key[..s.Key.LastIndexOf('/')])
            .ToDictionary(g => g.Key, g => g.ToList());

        // Two or three weeks and one month in each window, every one at 07:00 Copenhagen on its day.
        Assert.Contains(digests.Keys, k => k.StartsWith("digest/weekly/", StringComparison.Ordinal));
        Assert.Contains(digests.Keys, k => k.StartsWith("digest/monthly/", StringComparison.Ordinal));
        foreach (var (period, messages) in digests)
        {
            var sent = Assert.Single(messages.Select(m => m.CreatedAt).Distinct());
            Assert.Equal(new TimeOnly(7, 0), CopenhagenTime.TimeOf(sent));
            Assert.Equal(messages.Count, messages.Select(m => m.Key).Distinct().Count());
            var day = CopenhagenTime.DateOf(sent);
            if (period.StartsWith("digest/weekly/", StringComparison.Ordinal))
            {
                // The week's first working day: Monday, or Tuesday after Easter Monday.
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                Assert.All(Enumerable.Range(0, day.DayNumber - monday.DayNumber), d => Assert.True(DanishCalendar.IsPublicHoliday(monday.AddDays(d))));
            }
            else Assert.Equal(DateOnly.Parse(firstWorkingDay, System.Globalization.CultureInfo.InvariantCulture), day);
        }
    }
}
