using Netvaerk.Domain.Ports;
using static Netvaerk.Infrastructure.Tests.Stores.Samples;

namespace Netvaerk.Infrastructure.Tests.Stores;

/// <summary>What every <see cref="IOutbox"/> adapter must do. Subclass it with a factory for the adapter.</summary>
/// <remarks>
/// <see cref="IOutbox.DueForDeliveryAsync"/> reads across tenants, so these tests need a store nobody else writes to
/// while they run.
/// </remarks>
public abstract class OutboxContract
{
    private static readonly DateTimeOffset T0 = At(2027, 3, 1, 8);

    /// <summary>A store over empty storage of its own for this test.</summary>
    protected abstract Task<IOutbox> CreateStoreAsync();

    private static string Key(string network, string step) => OutboxMessage.StepKey(network, step, 1, "Birthe.Soerensen@example.dk");

    [Fact]
    public async Task An_enqueued_message_is_pending_due_at_once_and_listed_exactly_as_given()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, Key("net-1", "meeting-1-reminder"), T0);

        Assert.True(await outbox.EnqueueAsync(message));

        var entry = Assert.Single(await outbox.ListAsync(tenant, "net-1/"));
        Assert.Equal(message, entry.Message);
        Assert.Equal(T0.Offset, entry.Message.CreatedAt.Offset);
        Assert.Equal(DeliveryState.Pending, entry.State);
        Assert.Equal(0, entry.Attempts);
        Assert.Equal(T0, entry.NextAttemptAt);
        Assert.Null(entry.LastError);
        Assert.Null(entry.DeliveredAt);
        Assert.Equal(message, Assert.Single(await outbox.DueForDeliveryAsync(T0, 10)).Message);
    }

    [Fact]
    public async Task Enqueueing_the_same_key_twice_stores_it_once_and_keeps_the_first()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var key = Key("net-1", "meeting-1-reminder");
        var first = Message(tenant, key, T0);

        Assert.True(await outbox.EnqueueAsync(first));
        Assert.False(await outbox.EnqueueAsync(Message(tenant, key, T0.AddMinutes(5), "Ændret emne")));

        Assert.Equal(first, Assert.Single(await outbox.ListAsync(tenant, "")).Message);
    }

    [Fact]
    public async Task Enqueueing_several_adds_the_new_keys_and_counts_them()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var existing = Message(tenant, Key("net-1", "meeting-1-reminder"), T0);
        await outbox.EnqueueAsync(existing);
        var fresh = new[] { Message(tenant, Key("net-1", "meeting-2-reminder"), T0), Message(tenant, Key("net-1", "meeting-3-reminder"), T0) };

        Assert.Equal(2, await outbox.EnqueueAllAsync([existing with { Message = fresh[0].Message }, .. fresh]));
        Assert.Equal(0, await outbox.EnqueueAllAsync(fresh));
        Assert.Equal(0, await outbox.EnqueueAllAsync([]));

        Assert.Equal([existing, .. fresh], (await outbox.ListAsync(tenant, "net-1/")).Select(e => e.Message).OrderBy(m => m.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Marking_several_delivered_marks_each_and_leaves_the_rest_pending()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var messages = Enumerable.Range(1, 3).Select(i => Message(tenant, Key("net-1", $"meeting-{i}-reminder"), T0)).ToList();
        await outbox.EnqueueAllAsync(messages);

        await outbox.MarkDeliveredAsync(tenant, [messages[0].Key, messages[2].Key], T0.AddMinutes(1));

        var due = Assert.Single(await outbox.DueForDeliveryAsync(T0.AddHours(1), 10));
        Assert.Equal(messages[1], due.Message);
        Assert.Equal(2, (await outbox.SummariesAsync(tenant, "net-1/")).Count(e => e.State == DeliveryState.Delivered));
    }

    [Fact]
    public async Task Marking_a_batch_with_an_unknown_key_throws_and_marks_none()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, Key("net-1", "meeting-1-reminder"), T0);
        await outbox.EnqueueAsync(message);

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.MarkDeliveredAsync(tenant, [message.Key, "nope/x/1/a@example.dk"], T0));

        Assert.Equal(DeliveryState.Pending, Assert.Single(await outbox.ListAsync(tenant, "")).State);
    }

    [Fact]
    public async Task A_delivered_key_is_not_enqueued_again()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, Key("net-1", "meeting-1-reminder"), T0);
        await outbox.EnqueueAsync(message);
        await outbox.MarkDeliveredAsync(message.TenantId, [message.Key], T0.AddMinutes(1));

        Assert.False(await outbox.EnqueueAsync(message));

        Assert.Equal(DeliveryState.Delivered, Assert.Single(await outbox.ListAsync(tenant, "")).State);
    }

    [Fact]
    public async Task Delivery_drops_the_body_and_keeps_the_summary()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, Key("net-1", "meeting-1-reminder"), T0);
        await outbox.EnqueueAsync(message);
        Assert.NotEqual("", message.Message.HtmlBody);

        await outbox.MarkDeliveredAsync(message.TenantId, [message.Key], T0.AddMinutes(1));

        var stored = Assert.Single(await outbox.ListAsync(tenant, "")).Message;
        Assert.Equal((message.ToAddress, message.Message.Subject), (stored.ToAddress, stored.Message.Subject));
        Assert.Equal(("", "", 0), (stored.Message.TextBody, stored.Message.HtmlBody, stored.Message.Attachments.Count));
        Assert.Equal(message.Message.Subject, Assert.Single(await outbox.SummariesAsync(tenant, "")).Subject);
    }

    [Fact]
    public async Task List_returns_the_tenants_entries_with_the_prefix_oldest_first()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var second = Message(tenant, Key("net-1", "a-step"), T0.AddMinutes(2));
        var first = Message(tenant, Key("net-1", "z-step"), T0);
        await outbox.EnqueueAsync(second);
        await outbox.EnqueueAsync(Message(tenant, Key("net-10", "meeting-1"), T0));
        await outbox.EnqueueAsync(Message(tenant, Key("net-2", "meeting-1"), T0));
        await outbox.EnqueueAsync(first);
        await outbox.EnqueueAsync(Message(NewTenant(), Key("net-1", "other-tenant"), T0));

        var entries = await outbox.ListAsync(tenant, "net-1/");

        Assert.Equal([first.Key, second.Key], entries.Select(e => e.Message.Key));
        Assert.Equal(4, (await outbox.ListAsync(tenant, "")).Count);
        Assert.Empty(await outbox.ListAsync(tenant, "net-3/"));
        Assert.Equal([second.Key], (await outbox.ListAsync(tenant, "net-1/", createdSince: T0.AddMinutes(1))).Select(e => e.Message.Key));
        Assert.Equal(2, (await outbox.ListAsync(tenant, "net-1/", createdSince: T0)).Count);

        var summaries = await outbox.SummariesAsync(tenant, "net-1/", createdSince: T0.AddMinutes(1));
        var summary = Assert.Single(summaries);
        Assert.Equal(new OutboxSummary(second.Key, second.ToAddress, second.Message.Subject, second.CreatedAt, DeliveryState.Pending), summary);
        Assert.Equal([first.Key, second.Key], (await outbox.SummariesAsync(tenant, "net-1/")).Select(s => s.Key));
    }

    [Fact]
    public async Task Entries_since_an_instant_are_all_listed_however_many_periods_were_recorded_before_it()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var other = NewTenant();

        // Weekly rounds as the runner makes them: the round's steps queue at its instant, then its digest records the
        // period at that same instant; one step of week 2 is queued late, after week 3's digest, with its own earlier time.
        var expected = new List<string>();
        for (var week = 0; week < 4; week++)
        {
            var at = T0.AddDays(7 * week);
            await outbox.EnqueueAllAsync([Message(tenant, Key($"net-{week}", "meeting-1"), at), Message(other, Key($"net-{week}", "meeting-1"), at)]);
            await outbox.EnqueueForPeriodAsync(tenant, $"digest/weekly/2027-W{9 + week:00}", [Message(tenant, $"digest/weekly/net-{week}/2027-W{9 + week:00}/a@b.dk", at)], at);
            await outbox.EnqueueForPeriodAsync(other, $"digest/weekly/2027-W{9 + week:00}", [], at);
            if (week >= 2) expected.AddRange([Key($"net-{week}", "meeting-1"), $"digest/weekly/net-{week}/2027-W{9 + week:00}/a@b.dk"]);
        }

        await outbox.EnqueueAsync(Message(tenant, Key("net-late", "meeting-1"), T0.AddDays(14).AddHours(1)));
        await outbox.EnqueueAsync(Message(tenant, Key("net-old", "meeting-1"), T0.AddDays(13)));
        expected.Insert(2, Key("net-late", "meeting-1"));

        var since = T0.AddDays(14);
        Assert.Equal(expected, (await outbox.SummariesAsync(tenant, "", since)).Select(s => s.Key));
        Assert.Equal(expected, (await outbox.ListAsync(tenant, "", since)).Select(e => e.Message.Key));
        Assert.Equal([Key("net-late", "meeting-1")], (await outbox.SummariesAsync(tenant, "net-late/", since)).Select(s => s.Key));
        Assert.Equal([Key("net-2", "meeting-1")], (await outbox.ListAsync(tenant, "net-2/", since)).Select(e => e.Message.Key));
        Assert.Equal(4, (await outbox.SummariesAsync(other, "", T0)).Count);
        Assert.Equal(10, (await outbox.SummariesAsync(tenant, "", T0)).Count);
    }

    [Fact]
    public async Task A_prefix_is_matched_literally_and_case_sensitively()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        await outbox.EnqueueAsync(Message(tenant, "n*[1]?_%/step/1/a@example.dk", T0));
        await outbox.EnqueueAsync(Message(tenant, "nx1y_%/step/1/a@example.dk", T0));
        await outbox.EnqueueAsync(Message(tenant, "N*[1]?_%/step/1/a@example.dk", T0));

        var entries = await outbox.ListAsync(tenant, "n*[1]?_%/");

        Assert.Equal("n*[1]?_%/step/1/a@example.dk", Assert.Single(entries).Message.Key);
    }

    [Fact]
    public async Task An_entry_in_one_tenant_is_invisible_to_another_tenants_list()
    {
        var outbox = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        var key = Key("net-1", "meeting-1-reminder");
        await outbox.EnqueueAsync(Message(tenantA, key, T0));

        Assert.Empty(await outbox.ListAsync(tenantB, ""));
        Assert.True(await outbox.EnqueueAsync(Message(tenantB, key, T0)));
        Assert.Single(await outbox.ListAsync(tenantB, ""));
    }

    [Fact]
    public async Task Due_for_delivery_spans_tenants_oldest_first_up_to_max_and_skips_future_entries()
    {
        var outbox = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        await outbox.EnqueueAsync(Message(tenantA, "a/3", T0.AddMinutes(3)));
        await outbox.EnqueueAsync(Message(tenantB, "b/1", T0.AddMinutes(1)));
        await outbox.EnqueueAsync(Message(tenantA, "a/future", T0.AddHours(1)));
        await outbox.EnqueueAsync(Message(tenantB, "b/2", T0.AddMinutes(2)));

        var now = T0.AddMinutes(3);
        Assert.Equal(["b/1", "b/2", "a/3"], (await outbox.DueForDeliveryAsync(now, 10)).Select(e => e.Message.Key));
        Assert.Equal(["b/1", "b/2"], (await outbox.DueForDeliveryAsync(now, 2)).Select(e => e.Message.Key));
        Assert.Empty(await outbox.DueForDeliveryAsync(T0, 10));
        Assert.Equal(4, (await outbox.DueForDeliveryAsync(T0.AddDays(1), 10)).Count);
    }

    [Fact]
    public async Task Due_for_delivery_compares_instants_whatever_their_offset()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        await outbox.EnqueueAsync(Message(tenant, "a/1", T0));

        Assert.Single(await outbox.DueForDeliveryAsync(T0.ToOffset(TimeSpan.FromHours(-8)), 10));
        Assert.Empty(await outbox.DueForDeliveryAsync(T0.AddTicks(-10).ToOffset(TimeSpan.FromHours(12)), 10));
    }

    [Fact]
    public async Task A_delivered_entry_records_when_and_is_no_longer_due()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, "net-1/meeting-1-reminder/1/a@example.dk", T0);
        await outbox.EnqueueAsync(message);

        await outbox.MarkDeliveredAsync(message.TenantId, [message.Key], T0.AddSeconds(30));

        var entry = Assert.Single(await outbox.ListAsync(tenant, "net-1/"));
        Assert.Equal(DeliveryState.Delivered, entry.State);
        Assert.Equal(T0.AddSeconds(30), entry.DeliveredAt);
        Assert.Equal(1, entry.Attempts);
        Assert.Empty(await outbox.DueForDeliveryAsync(T0.AddDays(1), 10));
    }

    [Fact]
    public async Task Marking_delivered_twice_changes_nothing_the_second_time()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, "net-1/x/1/a@example.dk", T0);
        await outbox.EnqueueAsync(message);
        await outbox.MarkDeliveredAsync(message.TenantId, [message.Key], T0.AddSeconds(30));

        await outbox.MarkDeliveredAsync(message.TenantId, [message.Key], T0.AddMinutes(30));

        var entry = Assert.Single(await outbox.ListAsync(tenant, ""));
        Assert.Equal(T0.AddSeconds(30), entry.DeliveredAt);
        Assert.Equal(1, entry.Attempts);
    }

    [Fact]
    public async Task A_failed_attempt_with_a_retry_time_stays_pending_and_is_due_again_then()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, "net-1/x/1/a@example.dk", T0);
        await outbox.EnqueueAsync(message);
        var retryAt = T0.AddMinutes(5);

        await outbox.MarkFailedAsync(message.TenantId, message.Key, "SMTP 451: prøv igen senere", retryAt);

        var entry = Assert.Single(await outbox.ListAsync(tenant, ""));
        Assert.Equal(DeliveryState.Pending, entry.State);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal("SMTP 451: prøv igen senere", entry.LastError);
        Assert.Equal(retryAt, entry.NextAttemptAt);
        Assert.Null(entry.DeliveredAt);
        Assert.Empty(await outbox.DueForDeliveryAsync(retryAt.AddTicks(-1), 10));
        Assert.Single(await outbox.DueForDeliveryAsync(retryAt, 10));
    }

    [Fact]
    public async Task Failures_count_attempts_and_a_later_delivery_keeps_the_count()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, "net-1/x/1/a@example.dk", T0);
        await outbox.EnqueueAsync(message);

        await outbox.MarkFailedAsync(message.TenantId, message.Key, "første fejl", T0.AddMinutes(1));
        await outbox.MarkFailedAsync(message.TenantId, message.Key, "anden fejl", T0.AddMinutes(5));
        await outbox.MarkDeliveredAsync(message.TenantId, [message.Key], T0.AddMinutes(5));

        var entry = Assert.Single(await outbox.ListAsync(tenant, ""));
        Assert.Equal(DeliveryState.Delivered, entry.State);
        Assert.Equal(3, entry.Attempts);
        Assert.Equal("anden fejl", entry.LastError);
    }

    [Fact]
    public async Task A_failure_without_a_retry_time_dead_letters_the_entry_for_good()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, "net-1/x/1/a@example.dk", T0);
        await outbox.EnqueueAsync(message);

        await outbox.MarkFailedAsync(message.TenantId, message.Key, "550: ukendt modtager", retryAt: null);

        var entry = Assert.Single(await outbox.ListAsync(tenant, ""));
        Assert.Equal(DeliveryState.DeadLetter, entry.State);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal("550: ukendt modtager", entry.LastError);
        Assert.Empty(await outbox.DueForDeliveryAsync(DateTimeOffset.MaxValue, 10));
        Assert.False(await outbox.EnqueueAsync(message));
    }

    [Fact]
    public async Task Marking_an_unknown_key_throws()
    {
        var outbox = await CreateStoreAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.MarkDeliveredAsync("t", ["nope/x/1/a@example.dk"], T0));
        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.MarkFailedAsync("t", "nope/x/1/a@example.dk", "fejl", null));
    }

    [Fact]
    public async Task A_period_is_recorded_with_its_messages_once_and_a_second_attempt_queues_nothing()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var first = new[] { Message(tenant, "digest/weekly/net-1/2027-W09/a@b.dk", T0), Message(tenant, "digest/weekly/net-2/2027-W09/a@b.dk", T0) };
        var second = new[] { Message(tenant, "digest/weekly/net-3/2027-W09/a@b.dk", T0.AddHours(5)) };

        Assert.False(await outbox.IsPeriodRecordedAsync(tenant, "digest/weekly/2027-W09"));
        Assert.True(await outbox.EnqueueForPeriodAsync(tenant, "digest/weekly/2027-W09", first, T0));
        Assert.False(await outbox.EnqueueForPeriodAsync(tenant, "digest/weekly/2027-W09", second, T0.AddHours(5)));

        Assert.True(await outbox.IsPeriodRecordedAsync(tenant, "digest/weekly/2027-W09"));
        Assert.False(await outbox.IsPeriodRecordedAsync(NewTenant(), "digest/weekly/2027-W09"));
        Assert.Equal(first.Select(m => m.Key), (await outbox.SummariesAsync(tenant, "digest/")).Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_period_with_nothing_to_send_is_recorded_too()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();

        Assert.True(await outbox.EnqueueForPeriodAsync(tenant, "digest/monthly/2027-03", [], T0));

        Assert.True(await outbox.IsPeriodRecordedAsync(tenant, "digest/monthly/2027-03"));
        Assert.False(await outbox.EnqueueForPeriodAsync(tenant, "digest/monthly/2027-03", [Message(tenant, "digest/monthly/2027-03/a@b.dk", T0)], T0));
        Assert.Empty(await outbox.SummariesAsync(tenant, "digest/"));
    }

    [Fact]
    public async Task A_claim_holds_a_due_entry_until_its_lease_ends_and_one_that_ended_unrecorded_says_so()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, Key("net-1", "x"), T0);
        await outbox.EnqueueAsync(message);
        var lease = T0.AddMinutes(2);

        var first = await outbox.ClaimAsync(tenant, message.Key, T0, lease);
        Assert.True(first.Claimed);
        Assert.False(first.Interrupted);
        Assert.Equal(message, first.Entry!.Message);
        Assert.Equal(lease, first.Entry.NextAttemptAt);

        // Held: not due, and not claimable, until the lease ends.
        var second = await outbox.ClaimAsync(tenant, message.Key, T0.AddMinutes(1), T0.AddMinutes(3));
        Assert.False(second.Claimed);
        Assert.Equal(lease, second.Entry!.NextAttemptAt);
        Assert.Empty(await outbox.DueForDeliveryAsync(T0.AddMinutes(1), 10));

        // The holder died: after the lease the entry is due and claimable again, and the new holder is told.
        Assert.Single(await outbox.DueForDeliveryAsync(lease, 10));
        var third = await outbox.ClaimAsync(tenant, message.Key, lease, lease.AddMinutes(2));
        Assert.True(third.Claimed);
        Assert.True(third.Interrupted);
    }

    [Fact]
    public async Task A_recorded_outcome_ends_the_claim()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, Key("net-1", "x"), T0);
        await outbox.EnqueueAsync(message);

        await outbox.ClaimAsync(tenant, message.Key, T0, T0.AddMinutes(2));
        await outbox.MarkFailedAsync(tenant, message.Key, "503", T0.AddMinutes(5));
        var retry = await outbox.ClaimAsync(tenant, message.Key, T0.AddMinutes(5), T0.AddMinutes(7));
        Assert.True(retry.Claimed);
        Assert.False(retry.Interrupted);
        Assert.Equal(1, retry.Entry!.Attempts);

        await outbox.MarkDeliveredAsync(tenant, [message.Key], T0.AddMinutes(6));
        var done = await outbox.ClaimAsync(tenant, message.Key, T0.AddDays(1), T0.AddDays(1).AddMinutes(2));
        Assert.False(done.Claimed);
        Assert.Equal(DeliveryState.Delivered, done.Entry!.State);
        Assert.Equal(OutboxClaim.Unknown, await outbox.ClaimAsync(tenant, Key("net-1", "nope"), T0, T0.AddMinutes(2)));
        Assert.Equal(OutboxClaim.Unknown, await outbox.ClaimAsync(NewTenant(), message.Key, T0, T0.AddMinutes(2)));
    }

    [Fact]
    public async Task Of_simultaneous_claims_of_one_entry_exactly_one_wins()
    {
        var outbox = await CreateStoreAsync();
        var tenant = NewTenant();
        var message = Message(tenant, Key("net-1", "x"), T0);
        await outbox.EnqueueAsync(message);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => outbox.ClaimAsync(tenant, message.Key, T0, T0.AddMinutes(2)))));

        Assert.Single(claims, c => c.Claimed);
    }
}
