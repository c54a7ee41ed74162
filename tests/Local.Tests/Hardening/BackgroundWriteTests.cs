using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Local.Tests.Hardening;

/// <summary>
/// The engine saves a network after every step, in the background, while its leader may be changing it. A leader who
/// did not name a version (no If-Match) meant the network as it is: the change is made on the fresh version. One who did
/// gets the conflict.
/// </summary>
public sealed class BackgroundWriteTests
{
    [Theory]
    [InlineData("pause")]
    [InlineData("close")]
    public async Task A_change_without_If_Match_is_made_again_when_the_engine_saved_the_network_meanwhile(string action)
    {
        using var data = new DataFolder();
        using var host = new RacingHost(data, new FakeTimeProvider(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0))));
        var (id, secretariat) = await Scenarios.RunningAsync(host, "2027-03-01");

        host.Store.SaveBeforeNextReplace = true;
        var response = await secretariat.PostAsJsonAsync($"/api/networks/{id}/{action}", new { reason = "Ferie" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(host.Store.SaveBeforeNextReplace); // the background write did happen in between
        Assert.Equal(action == "pause" ? "paused" : "evaluating", await StatusAsync(secretariat, id));
    }

    [Fact]
    public async Task A_change_with_a_stale_If_Match_is_refused_and_changes_nothing()
    {
        using var data = new DataFolder();
        using var host = new RacingHost(data, new FakeTimeProvider(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0))));
        var (id, secretariat) = await Scenarios.RunningAsync(host, "2027-03-01");
        var etag = (await secretariat.GetAsync($"/api/networks/{id}")).Headers.ETag!.Tag;

        host.Store.SaveBeforeNextReplace = true;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/networks/{id}/pause") { Content = JsonContent.Create(new { reason = "Ferie" }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await secretariat.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("running", await StatusAsync(secretariat, id));
    }

    private static async Task<string> StatusAsync(HttpClient client, string id)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/networks/{id}"));
        return json.RootElement.GetProperty("network").GetProperty("status").GetString()!;
    }

    private sealed class RacingHost(DataFolder data, FakeTimeProvider clock) : TestHost(data, clock)
    {
        public InterleavingNetworkStore Store => (InterleavingNetworkStore)Services.GetRequiredService<INetworkStore>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<INetworkStore>();
                services.AddSingleton<INetworkStore>(sp => new InterleavingNetworkStore(ActivatorUtilities.CreateInstance<SqliteNetworkStore>(sp)));
            });
        }
    }

    /// <summary>The SQLite store, which — when asked to — lets the "engine" save the network just before the next write.</summary>
    private sealed class InterleavingNetworkStore(INetworkStore inner) : INetworkStore
    {
        public bool SaveBeforeNextReplace { get; set; }

        public async Task<string> ReplaceAsync(string tenantId, NetworkRecord network, string etag, CancellationToken cancellationToken = default)
        {
            if (SaveBeforeNextReplace)
            {
                SaveBeforeNextReplace = false;
                var current = (await inner.FindAsync(tenantId, network.Network.Id.ToString(), cancellationToken))!;
                await inner.ReplaceAsync(tenantId, current.Value, current.ETag, cancellationToken);
            }

            return await inner.ReplaceAsync(tenantId, network, etag, cancellationToken);
        }

        public Task<Versioned<NetworkRecord>?> FindAsync(string tenantId, string networkId, CancellationToken cancellationToken = default) =>
            inner.FindAsync(tenantId, networkId, cancellationToken);

        public Task<IReadOnlyList<Versioned<NetworkRecord>>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
            inner.ListAsync(tenantId, cancellationToken);

        public Task<string> AddAsync(string tenantId, NetworkRecord network, CancellationToken cancellationToken = default) =>
            inner.AddAsync(tenantId, network, cancellationToken);

        public Task<IReadOnlyList<string>> DueAsync(string tenantId, DateTimeOffset until, CancellationToken cancellationToken = default) =>
            inner.DueAsync(tenantId, until, cancellationToken);

        public Task<DateTimeOffset?> NextDueAsync(string tenantId, CancellationToken cancellationToken = default) =>
            inner.NextDueAsync(tenantId, cancellationToken);
    }
}
