using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Local.Tests.Hardening;

/// <summary>One bad record never stalls the others: a failing step is retried, then parked and flagged; a bad recipient is left out.</summary>
public sealed class FailureIsolationTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    /// <summary>The real SQLite outbox, but queueing anything for a poisoned network throws, as a broken store or bug would.</summary>
    private sealed class PoisonedOutbox(IOutbox inner, HashSet<string> poisoned) : IOutbox
    {
        public Task<int> EnqueueAllAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default) =>
            messages.Any(m => poisoned.Any(p => m.Key.StartsWith(p + "/", StringComparison.Ordinal)))
                ? throw new InvalidOperationException("Simulated failure for a poisoned network")
                : inner.EnqueueAllAsync(messages, cancellationToken);

        public Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) => inner.EnqueueAsync(message, cancellationToken);
        public Task<bool> EnqueueForPeriodAsync(string tenantId, string period, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            inner.EnqueueForPeriodAsync(tenantId, period, messages, at, cancellationToken);
        public Task<bool> IsPeriodRecordedAsync(string tenantId, string period, CancellationToken cancellationToken = default) => inner.IsPeriodRecordedAsync(tenantId, period, cancellationToken);
        public Task<IReadOnlyList<OutboxEntry>> ListAsync(string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
            inner.ListAsync(tenantId, keyPrefix, createdSince, cancellationToken);
        public Task<IReadOnlyList<OutboxSummary>> SummariesAsync(string tenantId, string keyPrefix, DateTimeOffset? createdSince = null, CancellationToken cancellationToken = default) =>
            inner.SummariesAsync(tenantId, keyPrefix, createdSince, cancellationToken);
        public Task<IReadOnlyList<OutboxEntry>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) => inner.DueForDeliveryAsync(now, max, cancellationToken);
        public Task MarkDeliveredAsync(string tenantId, IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            inner.MarkDeliveredAsync(tenantId, keys, at, cancellationToken);
        public Task MarkFailedAsync(string tenantId, string key, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
            inner.MarkFailedAsync(tenantId, key, failure, retryAt, cancellationToken);
        public Task<OutboxClaim> ClaimAsync(string tenantId, string key, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
            inner.ClaimAsync(tenantId, key, now, leaseUntil, cancellationToken);
    }

    private sealed class PoisonHost(DataFolder data, FakeTimeProvider clock, HashSet<string> poisoned) : TestHost(data, clock)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IOutbox>();
                services.AddSingleton<IOutbox>(sp => new PoisonedOutbox(ActivatorUtilities.CreateInstance<SqliteOutbox>(sp), poisoned));
            });
        }
    }

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        CopenhagenTime.At(new DateOnly(2027, month, day), new TimeOnly(hour, minute));

    private static int Invitations(List<MimeKit.MimeMessage> mails) =>
        mails.Count(m => m.Title().StartsWith("Invitation: opstartsworkshop", StringComparison.Ordinal));

    [Fact]
    public async Task A_poisoned_network_is_retried_parked_and_flagged_while_the_healthy_ones_are_delivered_in_the_same_round()
    {
        var poisoned = new HashSet<string>(StringComparer.Ordinal);
        using var host = new PoisonHost(_data, _clock, poisoned);
        var (_, secretariat) = await Scenarios.RunningAsync(host, "2027-03-01");
        var (bad, _) = await Scenarios.RunningAsync(host, "2027-03-01");
        await Scenarios.RunningAsync(host, "2027-03-01");
        poisoned.Add(bad);

        // The invitations fall due on 22 February at 08:00 for all three; one round sends the two healthy networks'.
        _clock.SetUtcNow(Local(2, 22, 8));
        await host.SettleAsync();
        Assert.Equal(6, Invitations(_data.Mails()));
        secretariat = await host.SignInAsync(TestHost.Secretariat); // sessions last 12 hours; the clock moved three weeks
        var timeline = await (await secretariat.GetAsync($"/api/networks/{bad}/timeline")).ReadAsync();
        var waiting = timeline.GetProperty("upcoming").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "startup-workshop-invitation");
        Assert.Equal(1, waiting.GetProperty("attempts").GetInt32());
        Assert.Contains("Simulated failure", waiting.GetProperty("failure").GetString(), StringComparison.Ordinal);

        // Retried after 1, 10 and 60 more minutes, then parked: the secretariat is told once, and it shows among the flags.
        await host.AdvanceToAsync(Local(2, 22, 10));
        secretariat = await host.SignInAsync(TestHost.Secretariat);
        timeline = await (await secretariat.GetAsync($"/api/networks/{bad}/timeline")).ReadAsync();
        // The baseline survey falls due with the invitation, so it is parked beside it; each is told once.
        var parked = timeline.GetProperty("parked").EnumerateArray().ToArray();
        Assert.Equal(["startup-workshop-invitation", "baseline-survey"], parked.Select(p => p.GetProperty("id").GetString()));
        Assert.All(parked, p => Assert.Equal(4, p.GetProperty("attempts").GetInt32()));
        var told = _data.MailsTo(TestHost.Secretariat).Where(m => m.Title().StartsWith("Fejl:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, told.Length);
        Assert.Single(told, m => m.Title().Contains("Invitation til opstartsworkshop", StringComparison.Ordinal));
        var flags = await (await secretariat.GetAsync("/api/networks/flags")).ReadAsync();
        Assert.Equal([bad, bad], flags.EnumerateArray().Select(f => f.GetProperty("networkId").GetString()));

        // The parked step does not hold up the network's later steps, nor the other networks.
        await host.AdvanceToAsync(Local(3, 5, 12));
        Assert.Equal(2, _data.MailsTo("jonas.berg@albertslund.dk").Count(m => m.Title().StartsWith("Påmindelse: netværksmøde 1", StringComparison.Ordinal)));
        secretariat = await host.SignInAsync(TestHost.Secretariat);
        timeline = await (await secretariat.GetAsync($"/api/networks/{bad}/timeline")).ReadAsync();
        var reminder = timeline.GetProperty("parked").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "meeting-1-reminder");
        Assert.Equal(4, reminder.GetProperty("attempts").GetInt32()); // tried in its turn, though the invitation before it was parked

        // Mended, the secretariat retries it: the invitations go out.
        poisoned.Clear();
        secretariat = await host.SignInAsync(TestHost.Secretariat);
        (await secretariat.PostAsync($"/api/networks/{bad}/steps/startup-workshop-invitation/retry", null)).EnsureSuccessStatusCode();
        await host.SettleAsync();
        Assert.Equal(9, Invitations(_data.Mails()));
        var stillParked = (await (await secretariat.GetAsync("/api/networks/flags")).ReadAsync()).EnumerateArray()
            .Select(f => f.GetProperty("step").GetProperty("id").GetString()).ToArray();
        Assert.DoesNotContain("startup-workshop-invitation", stillParked);
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsync($"/api/networks/{bad}/steps/startup-workshop-invitation/retry", null)).StatusCode);
    }

    [Fact]
    public async Task A_stored_address_the_mail_cannot_carry_is_left_out_and_named_while_the_others_get_the_invitation()
    {
        using var host = new TestHost(_data, _clock);
        var (id, secretariat) = await Scenarios.RunningAsync(host, "2027-03-01");

        // An address accepted by an earlier version (the edge refuses it now), as it lies in the store.
        var store = host.Services.GetRequiredService<INetworkStore>();
        var stored = (await store.FindAsync("albertslund", id))!;
        var network = stored.Value.Network;
        network.UpdateContract(network.Contract with
        {
            Participants = [.. network.Contract.Participants, new Participant(Guid.NewGuid(), "Mallory", "x<y>@albertslund.dk", ParticipantKind.Employee, ParticipantRole.Core)],
        });
        await store.ReplaceAsync("albertslund", stored.Value with { Network = network }, stored.ETag);

        await host.AdvanceToAsync(Local(2, 22, 9));
        secretariat = await host.SignInAsync(TestHost.Secretariat);

        Assert.Equal(3, Invitations(_data.Mails()));
        // The invitation and the baseline survey sent with it both name her.
        var told = _data.MailsTo(TestHost.Secretariat).Where(m => m.Title().StartsWith("Nogle modtagere", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, told.Length);
        Assert.All(told, flag => Assert.Contains("Mallory", flag.Text(), StringComparison.Ordinal));
        var flags = await (await secretariat.GetAsync("/api/networks/flags")).ReadAsync();
        var step = flags.EnumerateArray().Select(f => f.GetProperty("step"))
            .Single(s => s.GetProperty("id").GetString() == "startup-workshop-invitation");
        Assert.Equal("x<y>@albertslund.dk", Assert.Single(step.GetProperty("failedRecipients").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/api/networks/{id}")).StatusCode);
    }

    /// <summary>The real store, but reading one network's involvement throws.</summary>
    private sealed class BrokenInvolvement(IInvolvementStore inner, HashSet<string> broken) : IInvolvementStore
    {
        public Task<bool> AddAsync(string tenantId, InvolvementRecord record, CancellationToken cancellationToken = default) => inner.AddAsync(tenantId, record, cancellationToken);

        public Task<IReadOnlyList<InvolvementRecord>> ListAsync(string tenantId, string networkId, CancellationToken cancellationToken = default) =>
            broken.Contains(networkId) ? throw new InvalidOperationException("Simulated read failure") : inner.ListAsync(tenantId, networkId, cancellationToken);
    }

    private sealed class BrokenInvolvementHost(DataFolder data, FakeTimeProvider clock, HashSet<string> broken) : TestHost(data, clock)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IInvolvementStore>();
                services.AddSingleton<IInvolvementStore>(sp => new BrokenInvolvement(ActivatorUtilities.CreateInstance<SqliteInvolvementStore>(sp), broken));
            });
        }
    }

    [Fact]
    public async Task A_network_whose_weekly_digest_cannot_be_made_is_left_out_and_the_other_leaders_get_theirs()
    {
        var broken = new HashSet<string>(StringComparer.Ordinal);
        using var host = new BrokenInvolvementHost(_data, _clock, broken);
        var (bad, _) = await Scenarios.RunningAsync(host, "2027-03-01");
        await Scenarios.RunningAsync(host, "2027-03-01");
        broken.Add(bad);

        await host.AdvanceToAsync(Local(2, 22, 9)); // Monday: the weekly digests

        Assert.Single(_data.MailsTo(Scenarios.Leader), m => m.Title().StartsWith("Ugens overblik", StringComparison.Ordinal));
        Assert.Equal(6, Invitations(_data.Mails())); // the round went on: both networks' invitations were sent
        await host.AdvanceToAsync(Local(2, 26, 9));
        Assert.Single(_data.MailsTo(Scenarios.Leader), m => m.Title().StartsWith("Ugens overblik", StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();
}
