using System.Net;
using Microsoft.Azure.Cosmos;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Cosmos;
using Netvaerk.Testing;
using static Netvaerk.Infrastructure.Tests.Stores.Samples;

namespace Netvaerk.Infrastructure.Tests.Cosmos;

/// <summary>The stores under throttling and outages injected by the proxy in front of the Cosmos DB API server.</summary>
[Collection(CosmosTests.Name)]
public sealed class CosmosFaultTests(CosmosFixture cosmos) : IDisposable
{
    private CosmosServer Server => cosmos.Server;

    public void Dispose() => Server.ClearFaults();

    [Fact]
    public async Task Throttled_requests_wait_as_told_and_then_succeed()
    {
        var store = new CosmosIdeaStore(await Server.CreateDatabaseAsync());
        var tenant = NewTenant();
        var idea = NewIdea();
        Server.Inject(3, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMilliseconds(200));
        var before = Server.InjectedFaults;
        var started = DateTime.UtcNow;

        var etag = await store.AddAsync(tenant, idea);

        Assert.Equal(3, Server.InjectedFaults - before);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(550), "each 429's x-ms-retry-after-ms is honoured");
        Assert.Equal(etag, (await store.FindAsync(tenant, idea.Id.ToString()))!.ETag);
    }

    [Fact]
    public async Task An_outage_of_a_few_requests_is_ridden_out_by_reads_writes_and_queries()
    {
        var store = new CosmosNetworkStore(await Server.CreateDatabaseAsync());
        var tenant = NewTenant();
        var record = RunningNetwork(new DateOnly(2027, 3, 1));

        Server.Inject(2, HttpStatusCode.ServiceUnavailable);
        var etag = await store.AddAsync(tenant, record);
        Server.Inject(2, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(await store.FindAsync(tenant, record.Network.Id.ToString()));
        Server.Inject(2, HttpStatusCode.ServiceUnavailable);
        Assert.Single(await store.ListAsync(tenant));
        Server.Inject(2, HttpStatusCode.ServiceUnavailable);
        Assert.NotEqual(etag, await store.ReplaceAsync(tenant, record, etag));
    }

    [Fact]
    public async Task An_outage_longer_than_the_retries_surfaces_and_changes_nothing()
    {
        var database = await Server.CreateDatabaseAsync();
        var store = new CosmosOutbox(database, TimeProvider.System);
        var tenant = NewTenant();
        var message = Message(tenant, "net-1/x/1/a@example.dk", At(2027, 3, 1, 8));
        Server.Inject(50, HttpStatusCode.ServiceUnavailable);

        var failure = await Assert.ThrowsAsync<CosmosException>(() => store.EnqueueAsync(message));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Server.ClearFaults();
        Assert.Empty(await store.ListAsync(tenant, ""));
        Assert.True(await store.EnqueueAsync(message));
    }

    [Fact]
    public async Task A_throttle_asking_for_longer_than_the_bound_surfaces_at_once()
    {
        var store = new CosmosIdeaStore(await Server.CreateDatabaseAsync());
        Server.Inject(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMinutes(5));
        var started = DateTime.UtcNow;

        var failure = await Assert.ThrowsAsync<CosmosException>(() => store.AddAsync(NewTenant(), NewIdea()));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_stale_write_is_refused_not_retried_and_not_overwritten()
    {
        var store = new CosmosIdeaStore(await Server.CreateDatabaseAsync());
        var tenant = NewTenant();
        var idea = NewIdea();
        var first = await store.AddAsync(tenant, idea);
        var idea2 = (await store.FindAsync(tenant, idea.Id.ToString()))!.Value;
        idea2.StartReview(At(2027, 2, 2));
        await store.ReplaceAsync(tenant, idea2, first);
        var requests = Server.Requests;

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.ReplaceAsync(tenant, idea, first));

        Assert.Equal(1, Server.Requests - requests);
        Assert.Equal(idea2.Status, (await store.FindAsync(tenant, idea.Id.ToString()))!.Value.Status);
    }

    [Fact]
    public async Task A_write_that_times_out_surfaces_as_transient_rather_than_being_repeated_blind()
    {
        var options = Server.Options();
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        using var database = new CosmosDatabase(options);
        await database.EnsureCreatedAsync();
        var store = new CosmosIdeaStore(database);
        Server.Stall(1, TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<CosmosTransientException>(() => store.AddAsync(NewTenant(), NewIdea()));
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried()
    {
        var options = Server.Options();
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        using var database = new CosmosDatabase(options);
        await database.EnsureCreatedAsync();
        var store = new CosmosIdeaStore(database);
        var tenant = NewTenant();
        var idea = NewIdea();
        await store.AddAsync(tenant, idea);
        Server.Stall(1, TimeSpan.FromSeconds(5));
        var started = DateTime.UtcNow;

        var found = await store.FindAsync(tenant, idea.Id.ToString());

        Assert.NotNull(found);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4.5));
    }
}
