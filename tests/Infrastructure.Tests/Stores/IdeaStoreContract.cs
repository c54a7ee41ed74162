using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using static Netvaerk.Infrastructure.Tests.Stores.Samples;

namespace Netvaerk.Infrastructure.Tests.Stores;

/// <summary>What every <see cref="IIdeaStore"/> adapter must do. Subclass it with a factory for the adapter.</summary>
public abstract class IdeaStoreContract
{
    /// <summary>A store over storage of its own for this test (or at least one no other test writes the same tenants in).</summary>
    protected abstract Task<IIdeaStore> CreateStoreAsync();

    [Fact]
    public async Task An_added_idea_is_found_with_every_field_and_offset_intact()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var idea = DecidedIdea();

        var etag = await store.AddAsync(tenant, idea);
        var found = await store.FindAsync(tenant, idea.Id.ToString());

        Assert.NotNull(found);
        Assert.Equal(etag, found.ETag);
        AssertSameJson(idea, found.Value);
        Assert.Equal(IdeaStatus.Approved, found.Value.Status);
        Assert.Equal(idea.History, found.Value.History);
        Assert.Equal(idea.Decision, found.Value.Decision);
        Assert.Equal(idea.SubmittedAt.Offset, found.Value.SubmittedAt.Offset);
    }

    [Fact]
    public async Task An_idea_without_optional_fields_round_trips()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var idea = NewIdea();

        await store.AddAsync(tenant, idea);

        var found = await store.FindAsync(tenant, idea.Id.ToString());
        Assert.NotNull(found);
        AssertSameJson(idea, found.Value);
        Assert.Null(found.Value.SuggestedType);
        Assert.Null(found.Value.Decision);
        Assert.Empty(found.Value.History);
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_not_found()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        await store.AddAsync(tenant, NewIdea());

        Assert.Null(await store.FindAsync(tenant, Guid.NewGuid().ToString()));
        Assert.Null(await store.FindAsync(tenant, "not-a-guid"));
    }

    [Fact]
    public async Task The_list_holds_the_tenants_ideas_oldest_first_with_their_tokens()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var later = NewIdea(submittedAt: At(2027, 2, 10));
        var earlier = DecidedIdea(submittedAt: At(2027, 2, 3));
        var laterTag = await store.AddAsync(tenant, later);
        var earlierTag = await store.AddAsync(tenant, earlier);

        var ideas = await store.ListAsync(tenant);

        Assert.Equal([earlier.Id, later.Id], ideas.Select(i => i.Value.Id));
        Assert.Equal([earlierTag, laterTag], ideas.Select(i => i.ETag));
        AssertSameJson(earlier, ideas[0].Value);
    }

    [Fact]
    public async Task Listing_by_status_holds_only_the_ideas_in_it_oldest_first_and_follows_a_change()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var routedLater = NewIdea(submittedAt: At(2027, 2, 10));
        routedLater.StartReview(At(2027, 2, 11));
        routedLater.RouteForDecision(Forum.Direktoerforum, At(2027, 2, 12));
        var routedEarlier = NewIdea(submittedAt: At(2027, 2, 3));
        routedEarlier.StartReview(At(2027, 2, 4));
        routedEarlier.RouteForDecision(Forum.Chefforum, At(2027, 2, 5));
        var waiting = NewIdea(submittedAt: At(2027, 2, 1));
        await store.AddAsync(tenant, routedLater);
        var tag = await store.AddAsync(tenant, routedEarlier);
        await store.AddAsync(tenant, waiting);
        await store.AddAsync(tenant, DecidedIdea());
        await store.AddAsync(NewTenant(), routedLater);

        Assert.Equal([routedEarlier.Id, routedLater.Id], (await store.ListByStatusAsync(tenant, IdeaStatus.InReview)).Select(i => i.Value.Id));
        Assert.Equal([waiting.Id], (await store.ListByStatusAsync(tenant, IdeaStatus.Submitted)).Select(i => i.Value.Id));

        routedEarlier.Reject("Ikke nu.", At(2027, 2, 20));
        await store.ReplaceAsync(tenant, routedEarlier, tag);
        Assert.Equal([routedLater.Id], (await store.ListByStatusAsync(tenant, IdeaStatus.InReview)).Select(i => i.Value.Id));
        Assert.Equal(routedEarlier.Id, Assert.Single(await store.ListByStatusAsync(tenant, IdeaStatus.Rejected)).Value.Id);
    }

    [Fact]
    public async Task An_idea_in_one_tenant_is_invisible_in_another()
    {
        var store = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        var idea = NewIdea();
        var etag = await store.AddAsync(tenantA, idea);

        Assert.Null(await store.FindAsync(tenantB, idea.Id.ToString()));
        Assert.Empty(await store.ListAsync(tenantB));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReplaceAsync(tenantB, idea, etag));
    }

    [Fact]
    public async Task The_same_id_may_exist_in_two_tenants_independently()
    {
        var store = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        var id = Guid.NewGuid();
        await store.AddAsync(tenantA, NewIdea(id));
        await store.AddAsync(tenantB, DecidedIdea(id));

        Assert.Equal(IdeaStatus.Submitted, (await store.FindAsync(tenantA, id.ToString()))!.Value.Status);
        Assert.Equal(IdeaStatus.Approved, (await store.FindAsync(tenantB, id.ToString()))!.Value.Status);
    }

    [Fact]
    public async Task Adding_an_existing_id_throws_and_keeps_the_stored_idea()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var idea = NewIdea();
        await store.AddAsync(tenant, idea);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(tenant, DecidedIdea(idea.Id)));

        AssertSameJson(idea, (await store.FindAsync(tenant, idea.Id.ToString()))!.Value);
    }

    [Fact]
    public async Task Replace_with_the_current_token_stores_the_change_and_returns_a_new_token()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var idea = NewIdea();
        var etag = await store.AddAsync(tenant, idea);

        idea.StartReview(idea.SubmittedAt.AddHours(2));
        var next = await store.ReplaceAsync(tenant, idea, etag);

        Assert.NotEqual(etag, next);
        var found = await store.FindAsync(tenant, idea.Id.ToString());
        Assert.Equal(next, found!.ETag);
        Assert.Equal(IdeaStatus.InReview, found.Value.Status);
        AssertSameJson(idea, found.Value);
    }

    [Fact]
    public async Task Replace_with_a_stale_token_is_refused_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var idea = NewIdea();
        var stale = await store.AddAsync(tenant, idea);
        idea.StartReview(idea.SubmittedAt.AddHours(1));
        var current = await store.ReplaceAsync(tenant, idea, stale);

        var other = (await store.FindAsync(tenant, idea.Id.ToString()))!.Value;
        other.RouteForDecision(Domain.Networks.Forum.Chefforum, idea.SubmittedAt.AddHours(2));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.ReplaceAsync(tenant, other, stale));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.ReplaceAsync(tenant, other, "not-a-token"));

        var found = await store.FindAsync(tenant, idea.Id.ToString());
        Assert.Equal(current, found!.ETag);
        AssertSameJson(idea, found.Value);
    }

    [Fact]
    public async Task Of_two_replaces_from_the_same_read_exactly_one_wins()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var idea = NewIdea();
        var etag = await store.AddAsync(tenant, idea);
        idea.StartReview(idea.SubmittedAt.AddHours(1));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await store.ReplaceAsync(tenant, idea, etag);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));

        Assert.Single(attempts, won => won);
    }

    [Fact]
    public async Task Replacing_an_idea_that_was_never_added_throws()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReplaceAsync(NewTenant(), NewIdea(), "1"));
    }
}
