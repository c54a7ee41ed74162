using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>Stopping the host between and during steps loses nothing and sends nothing twice.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    private static DateTimeOffset Local(int m, int d, int h) => CopenhagenTime.At(new DateOnly(2027, m, d), new TimeOnly(h, 0));

    private int Count(string subjectStart) =>
        _data.Mails().Count(m => m.Title().StartsWith(subjectStart, StringComparison.Ordinal));

    [Fact]
    public async Task A_restart_between_steps_carries_on_where_it_stopped()
    {
        string id;
        using (var first = new TestHost(_data, _clock))
        {
            (id, _) = await Scenarios.RunningAsync(first, "2027-03-01");
            await first.AdvanceToAsync(Local(2, 23, 12));
        }

        Assert.Equal(3, Count("Invitation: opstartsworkshop"));

        using (var second = new TestHost(_data, _clock))
        {
            await second.AdvanceToAsync(Local(3, 9, 12));
        }

        Assert.Equal(3, Count("Invitation: opstartsworkshop"));
        Assert.Equal(3, Count("Påmindelse: netværksmøde 1"));
        Assert.Equal(1, Count("Borgerinddragelse: læg planen"));
    }

    [Fact]
    public async Task A_crash_after_a_step_queued_its_mail_but_before_it_was_saved_sends_each_mail_once()
    {
        using (var first = new TestHost(_data, _clock))
        {
            var (id, _) = await Scenarios.RunningAsync(first, "2027-03-01");
            _clock.SetUtcNow(Local(2, 22, 9));

            // Execute the due step (the invitation) as the runner would, then "crash" before saving it done.
            var networks = first.Services.GetRequiredService<INetworkStore>();
            var record = (await networks.FindAsync("albertslund", id))!.Value;
            var step = Assert.IsType<NextDue.Run>(record.Timeline!.NextDue(_clock.GetUtcNow())).Step;
            Assert.Equal(TimelinePlanner.WorkshopInvitationId, step.Id);
            await first.Services.GetRequiredService<StepExecutor>().ExecuteAsync(record, step, _clock.GetUtcNow());
        }

        using (var second = new TestHost(_data, _clock))
        {
            await second.SettleAsync();
            var stored = (await second.Services.GetRequiredService<INetworkStore>().FindAsync("albertslund", (await FirstNetworkId(second))))!;
            Assert.Equal(StepStatus.Done, stored.Value.Timeline!.Step(TimelinePlanner.WorkshopInvitationId)!.Status);
        }

        Assert.Equal(3, Count("Invitation: opstartsworkshop"));
    }

    [Fact]
    public async Task A_crash_after_delivery_but_before_it_was_recorded_leaves_one_mail_in_the_mailbox()
    {
        using (var first = new TestHost(_data, _clock))
        {
            await Scenarios.RunningAsync(first, "2027-03-01");
            _clock.SetUtcNow(Local(2, 22, 9));
            var networks = first.Services.GetRequiredService<INetworkStore>();
            foreach (var id in await networks.DueAsync("albertslund", _clock.GetUtcNow()))
            {
                await first.Services.GetRequiredService<NetworkWorkflow>().RunDueAsync(Guid.Parse(id), _clock.GetUtcNow());
            }

            // Deliver through the mailbox but "crash" before marking the entries delivered.
            var transport = first.Services.GetRequiredService<IMailTransport>();
            foreach (var entry in await first.Services.GetRequiredService<IOutbox>().DueForDeliveryAsync(_clock.GetUtcNow(), 100))
            {
                await transport.SendAsync(entry.Message);
            }
        }

        Assert.Equal(3, Count("Invitation: opstartsworkshop"));
        using (var second = new TestHost(_data, _clock))
        {
            await second.SettleAsync();
            Assert.Empty(await second.Services.GetRequiredService<IOutbox>().DueForDeliveryAsync(DateTimeOffset.MaxValue, 10));
        }

        Assert.Equal(3, Count("Invitation: opstartsworkshop"));
    }

    [Fact]
    public async Task A_weekly_digest_goes_out_once_per_week_even_when_the_host_restarts_that_monday()
    {
        using (var first = new TestHost(_data, _clock))
        {
            await Scenarios.RunningAsync(first, "2027-03-01");
            await first.AdvanceToAsync(Local(2, 22, 7)); // Monday 07:00: the digest's time
        }

        using (var second = new TestHost(_data, _clock))
        {
            await second.AdvanceToAsync(Local(2, 22, 12));
        }

        Assert.Single(_data.MailsTo(Scenarios.Leader), m => m.Title().StartsWith("Ugens overblik", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_idea_without_a_decision_is_escalated_to_the_secretariat_after_20_working_days_once()
    {
        using (var host = new TestHost(_data, _clock))
        {
            var secretariat = await host.SignInAsync(TestHost.Secretariat);
            var idea = await (await secretariat.PostAsJsonAsync("/api/ideas", new { title = "Læring om frivillighed", description = "Fælles viden.", suggestedType = "learning" })).ReadAsync();
            var id = idea.GetProperty("idea").GetProperty("id").GetString();
            (await secretariat.PostAsJsonAsync($"/api/ideas/{id}/route", new { })).EnsureSuccessStatusCode();
            await host.AdvanceToAsync(Local(3, 1, 7)); // 20 working days after 1 February is 1 March
        }

        Assert.DoesNotContain(_data.MailsTo(TestHost.Secretariat), m => m.Title().Contains("eskal", StringComparison.OrdinalIgnoreCase));
        using (var host = new TestHost(_data, _clock))
        {
            await host.AdvanceToAsync(Local(3, 2, 12));
        }

        var escalation = Assert.Single(_data.MailsTo(TestHost.Secretariat), m => m.Title().StartsWith("Eskalering", StringComparison.Ordinal));
        Assert.Contains("20 arbejdsdage", escalation.Title(), StringComparison.Ordinal);
    }

    private static async Task<string> FirstNetworkId(TestHost host) =>
        (await host.Services.GetRequiredService<INetworkStore>().ListAsync("albertslund")).Single().Value.Network.Id.ToString();

    public void Dispose() => _data.Dispose();
}
