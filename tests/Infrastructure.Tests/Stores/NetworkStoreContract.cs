using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Infrastructure.Tests.Stores.Samples;

namespace Netvaerk.Infrastructure.Tests.Stores;

/// <summary>What every <see cref="INetworkStore"/> adapter must do. Subclass it with a factory for the adapter.</summary>
public abstract class NetworkStoreContract
{
    /// <summary>A store over storage of its own for this test (or at least one no other test writes the same tenants in).</summary>
    protected abstract Task<INetworkStore> CreateStoreAsync();

    [Fact]
    public async Task An_added_network_and_its_timeline_are_found_exactly_as_stored()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = RunningNetwork(new DateOnly(2027, 3, 1));

        var etag = await store.AddAsync(tenant, record);
        var found = await store.FindAsync(tenant, record.Network.Id.ToString());

        Assert.NotNull(found);
        Assert.Equal(etag, found.ETag);
        AssertSameJson(record.Network, found.Value.Network);
        AssertSameJson(record.Timeline, found.Value.Timeline);
        Assert.Equal(record.Network.Contract, found.Value.Network.Contract);
        Assert.Equal(record.Timeline!.Steps, found.Value.Timeline!.Steps);
        Assert.Equal(record.Timeline.Meetings, found.Value.Timeline.Meetings);
        Assert.Equal(record.NextDueUtc, found.Value.NextDueUtc);
    }

    [Fact]
    public async Task A_draft_network_without_a_timeline_round_trips()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = DraftNetwork();

        await store.AddAsync(tenant, record);
        var found = await store.FindAsync(tenant, record.Network.Id.ToString());

        Assert.NotNull(found);
        Assert.Null(found.Value.Timeline);
        AssertSameJson(record.Network, found.Value.Network);
        Assert.Equal(NetworkStatus.Draft, found.Value.Network.Status);
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_not_found()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        await store.AddAsync(tenant, DraftNetwork());

        Assert.Null(await store.FindAsync(tenant, Guid.NewGuid().ToString()));
        Assert.Null(await store.FindAsync(tenant, "eksempel-welfare"));
    }

    [Fact]
    public async Task The_list_holds_the_tenants_networks_with_their_tokens()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var draft = DraftNetwork();
        var running = RunningNetwork(new DateOnly(2027, 3, 1));
        var draftTag = await store.AddAsync(tenant, draft);
        var runningTag = await store.AddAsync(tenant, running);
        await store.AddAsync(NewTenant(), DraftNetwork());

        var networks = await store.ListAsync(tenant);

        Assert.Equal(
            new[] { (draft.Network.Id, draftTag), (running.Network.Id, runningTag) }.OrderBy(n => n.Item1),
            networks.Select(n => (n.Value.Network.Id, n.ETag)).OrderBy(n => n.Item1));
    }

    [Fact]
    public async Task The_list_is_oldest_first_by_the_creation_time_last_stored()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var first = new NetworkRecord(Network.CreateDraft(Guid.NewGuid(), NetworkContract.ForType(NetworkType.Learning), At(2027, 1, 18)), null);
        var second = new NetworkRecord(Network.CreateDraft(Guid.NewGuid(), NetworkContract.ForType(NetworkType.Learning), At(2027, 1, 19)), null);
        var firstTag = await store.AddAsync(tenant, first);
        await store.AddAsync(tenant, second);
        Assert.Equal([first.Network.Id, second.Network.Id], (await store.ListAsync(tenant)).Select(n => n.Value.Network.Id));

        // An ordinary replace keeps the order; a record carrying another creation time moves the network with it.
        firstTag = await store.ReplaceAsync(tenant, first, firstTag);
        Assert.Equal([first.Network.Id, second.Network.Id], (await store.ListAsync(tenant)).Select(n => n.Value.Network.Id));
        var recreated = new NetworkRecord(Network.CreateDraft(first.Network.Id, NetworkContract.ForType(NetworkType.Learning), At(2027, 1, 20)), null);
        await store.ReplaceAsync(tenant, recreated, firstTag);

        var listed = await store.ListAsync(tenant);
        Assert.Equal([second.Network.Id, first.Network.Id], listed.Select(n => n.Value.Network.Id));
        Assert.Equal(At(2027, 1, 20), listed[1].Value.Network.CreatedAt);
    }

    [Fact]
    public async Task A_network_in_one_tenant_is_invisible_in_another()
    {
        var store = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        var record = RunningNetwork(new DateOnly(2027, 3, 1));
        var etag = await store.AddAsync(tenantA, record);

        Assert.Null(await store.FindAsync(tenantB, record.Network.Id.ToString()));
        Assert.Empty(await store.ListAsync(tenantB));
        Assert.Empty(await store.DueAsync(tenantB, DateTimeOffset.MaxValue));
        Assert.Null(await store.NextDueAsync(tenantB));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReplaceAsync(tenantB, record, etag));
    }

    [Fact]
    public async Task Adding_an_existing_id_throws_and_keeps_the_stored_network()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var draft = DraftNetwork();
        await store.AddAsync(tenant, draft);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(tenant, RunningNetwork(new DateOnly(2027, 3, 1), draft.Network.Id)));

        Assert.Null((await store.FindAsync(tenant, draft.Network.Id.ToString()))!.Value.Timeline);
    }

    [Fact]
    public async Task Replace_with_the_current_token_stores_the_new_timeline_and_its_due_time()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = RunningNetwork(new DateOnly(2027, 3, 1));
        var etag = await store.AddAsync(tenant, record);

        var step = record.Timeline!.NextPending()!;
        var advanced = record with { Timeline = record.Timeline.Done(step.Id, step.Version) };
        var next = await store.ReplaceAsync(tenant, advanced, etag);

        Assert.NotEqual(etag, next);
        var found = await store.FindAsync(tenant, record.Network.Id.ToString());
        Assert.Equal(next, found!.ETag);
        AssertSameJson(advanced.Timeline, found.Value.Timeline);
        Assert.Equal(advanced.NextDueUtc, await store.NextDueAsync(tenant));
        Assert.True(advanced.NextDueUtc > record.NextDueUtc);
    }

    [Fact]
    public async Task Replace_with_a_stale_token_is_refused_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = RunningNetwork(new DateOnly(2027, 3, 1));
        var stale = await store.AddAsync(tenant, record);
        var step = record.Timeline!.NextPending()!;
        var advanced = record with { Timeline = record.Timeline.Done(step.Id, step.Version) };
        var current = await store.ReplaceAsync(tenant, advanced, stale);

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.ReplaceAsync(tenant, Finished(record), stale));

        var found = await store.FindAsync(tenant, record.Network.Id.ToString());
        Assert.Equal(current, found!.ETag);
        AssertSameJson(advanced.Timeline, found.Value.Timeline);
        Assert.Equal(advanced.NextDueUtc, await store.NextDueAsync(tenant));
    }

    [Fact]
    public async Task Due_lists_the_networks_due_at_or_before_the_instant_earliest_first()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var early = RunningNetwork(new DateOnly(2027, 3, 1));
        var middle = RunningNetwork(new DateOnly(2027, 4, 5));
        var late = RunningNetwork(new DateOnly(2027, 9, 6));
        var draft = DraftNetwork();
        var finished = Finished(RunningNetwork(new DateOnly(2027, 2, 1)));
        foreach (var record in new[] { late, draft, middle, finished, early })
        {
            await store.AddAsync(tenant, record);
        }

        var until = middle.NextDueUtc!.Value;
        var due = await store.DueAsync(tenant, until);

        Assert.Equal([early.Network.Id.ToString(), middle.Network.Id.ToString()], due);
        Assert.Empty(await store.DueAsync(tenant, early.NextDueUtc!.Value.AddTicks(-1)));
        Assert.Equal(3, (await store.DueAsync(tenant, DateTimeOffset.MaxValue)).Count);
    }

    [Fact]
    public async Task Due_compares_instants_whatever_their_offset()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = RunningNetwork(new DateOnly(2027, 3, 1));
        await store.AddAsync(tenant, record);
        var due = record.NextDueUtc!.Value;

        // The same instant written in Copenhagen time and in a zone west of UTC.
        Assert.Single(await store.DueAsync(tenant, due.ToOffset(TimeSpan.FromHours(1))));
        Assert.Single(await store.DueAsync(tenant, due.ToOffset(TimeSpan.FromHours(-5))));
        Assert.Empty(await store.DueAsync(tenant, due.AddSeconds(-1).ToOffset(TimeSpan.FromHours(14))));
    }

    [Fact]
    public async Task Next_due_is_the_earliest_pending_step_of_any_network_and_ignores_drafts_and_finished_ones()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var early = RunningNetwork(new DateOnly(2027, 3, 1));
        var late = RunningNetwork(new DateOnly(2027, 9, 6));
        await store.AddAsync(tenant, late);
        await store.AddAsync(tenant, DraftNetwork());
        await store.AddAsync(tenant, Finished(RunningNetwork(new DateOnly(2026, 1, 5))));
        await store.AddAsync(tenant, early);

        var next = await store.NextDueAsync(tenant);

        Assert.Equal(early.NextDueUtc, next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public async Task Nothing_is_due_in_a_tenant_without_pending_steps()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        Assert.Null(await store.NextDueAsync(tenant));

        await store.AddAsync(tenant, DraftNetwork());
        await store.AddAsync(tenant, Finished(RunningNetwork(new DateOnly(2027, 3, 1))));

        Assert.Null(await store.NextDueAsync(tenant));
        Assert.Empty(await store.DueAsync(tenant, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task A_network_whose_last_step_is_done_stops_being_due()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = RunningNetwork(new DateOnly(2027, 3, 1));
        var etag = await store.AddAsync(tenant, record);

        await store.ReplaceAsync(tenant, Finished(record), etag);

        Assert.Empty(await store.DueAsync(tenant, DateTimeOffset.MaxValue));
        Assert.Null(await store.NextDueAsync(tenant));
    }

    [Fact]
    public async Task A_timeline_after_a_change_round_trips_with_its_notice_and_versions()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = RunningNetwork(new DateOnly(2027, 3, 1));
        var timeline = record.Timeline!;
        while (timeline.Step("startup-workshop-invitation")!.IsPending)
        {
            var step = timeline.NextPending()!;
            timeline = timeline.Done(step.Id, step.Version);
        }

        var workshop = timeline.Meeting("startup-workshop")!;
        timeline = timeline.Apply(new MeetingMoved(workshop.Id, workshop.Date.AddDays(1), new TimeOnly(10, 0), new TimeOnly(12, 0), "Byrådssalen",
            At(2027, 2, 24)));
        var changed = record with { Timeline = timeline };
        await store.AddAsync(tenant, changed);

        var found = await store.FindAsync(tenant, record.Network.Id.ToString());

        AssertSameJson(changed.Timeline, found!.Value.Timeline);
        Assert.Contains(found.Value.Timeline!.Steps, s => s.Kind == StepKind.MeetingMoved && s.PreviousMeeting is not null);
        Assert.Equal(changed.NextDueUtc, await store.NextDueAsync(tenant));
    }
}
