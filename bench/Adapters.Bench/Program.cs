using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Cosmos;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Infrastructure.Queues;
using Netvaerk.Infrastructure.SendGrid;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Testing;
using static Netvaerk.Infrastructure.Tests.Stores.Samples;

// Usage: dotnet run -c Release --project bench/Adapters.Bench [-- <operations per measurement> <e-mails>]
var n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
var mails = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;

// Document sizes behind the request-unit estimates in docs/cosmos.md (the body; the envelope adds ~200-300 bytes).
Console.WriteLine("| Document body | bytes |");
Console.WriteLine("|---|---:|");
foreach (var (what, value) in new (string, object)[]
{
    ("idea (decided, five-step history)", DecidedIdea()),
    ("network with a welfare timeline (first step done)", RunningNetwork(new DateOnly(2027, 3, 1))),
    ("outbox message (sample with .ics)", Message("t", "net-1/x/1/a@example.dk", At(2027, 3, 1))),
    ("survey response", Response(Survey("net-1", "end", At(2027, 3, 1)), At(2027, 3, 2))),
})
{
    Console.WriteLine($"| {what} | {System.Text.Encoding.UTF8.GetByteCount(Netvaerk.Domain.Timelines.TimelineJson.Serialize(value))} |");
}

Console.WriteLine();
Console.WriteLine($"Store ports, {n} sequential operations each (after {n / 10} warm-up), one tenant; p50/p99 in ms.");
await using var cosmosServer = await CosmosServer.StartAsync();
var folder = Path.Combine(Path.GetTempPath(), $"netvaerk-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
var sqlite = new SqliteDatabase(new SqliteOptions { Path = Path.Combine(folder, "bench.db") });
// Through the test proxy, which answers a read of a missing document 404 as the real service does (the server says 500).
using var cosmos = new CosmosDatabase(cosmosServer.Options());
await cosmos.EnsureCreatedAsync();

var rows = new List<(string Operation, Measured Sqlite, Measured Cosmos)>();
foreach (var (name, run) in Operations.All(n))
{
    var a = await run(new Stores(new SqliteIdeaStore(sqlite), new SqliteNetworkStore(sqlite), new SqliteOutbox(sqlite),
        new SqliteSurveyStore(sqlite), new SqliteInvolvementStore(sqlite), new SqliteAccessStore(sqlite)));
    var b = await run(new Stores(new CosmosIdeaStore(cosmos), new CosmosNetworkStore(cosmos), new CosmosOutbox(cosmos, TimeProvider.System),
        new CosmosSurveyStore(cosmos), new CosmosInvolvementStore(cosmos), new CosmosAccessStore(cosmos)));
    rows.Add((name, a, b));
    Console.Error.WriteLine($"  {name}: done");
}

Console.WriteLine();
Console.WriteLine("| Operation | SQLite ops/s | p50 | p99 | cosmosdb-server ops/s | p50 | p99 |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var (operation, a, b) in rows)
{
    Console.WriteLine($"| {operation} | {a.PerSecond:F0} | {a.P50:F2} | {a.P99:F2} | {b.PerSecond:F0} | {b.P50:F2} | {b.P99:F2} |");
}

// E-mails through the queue outbox: enqueued (store + reference), then drained by the sender to the recording endpoint.
using var azurite = await AzuriteServer.StartAsync();
await using var sendGrid = await RecordingSendGrid.StartAsync();
Console.WriteLine();
Console.WriteLine($"Queue outbox: {mails} e-mails enqueued, then delivered by one sender (Azurite queue, recording SendGrid endpoint).");
Console.WriteLine("| Store | enqueue e-mails/s | deliver e-mails/s |");
Console.WriteLine("|---|---:|---:|");
foreach (var (store, outboxStore) in new (string, IOutbox)[] { ("SQLite", new SqliteOutbox(sqlite)), ("cosmosdb-server", new CosmosOutbox(cosmos, TimeProvider.System)) })
{
    var queueOptions = Options.Create(new OutboxQueueOptions { ConnectionString = azurite.ConnectionString, QueueName = $"bench-{Guid.NewGuid():N}" });
    var queue = new OutboxQueueClients(queueOptions);
    await queue.EnsureCreatedAsync();
    using var http = new HttpClient();
    var transport = new SendGridMailTransport(http, Options.Create(new SendGridOptions { ApiKey = "SG.bench", Endpoint = sendGrid.Endpoint }),
        TimeProvider.System, NullLogger<SendGridMailTransport>.Instance);
    var delivery = new QueueDelivery(outboxStore, transport, TimeProvider.System, queueOptions, Options.Create(new OutboxOptions()), NullLogger<QueueDelivery>.Instance);
    var sender = new QueueOutboxSender(queue, delivery, outboxStore, TimeProvider.System, Options.Create(new OutboxOptions()), NullLogger<QueueOutboxSender>.Instance);
    var outbox = new QueuedOutbox(outboxStore, queue);
    var tenant = NewTenant();
    var now = DateTimeOffset.UtcNow;

    var clock = Stopwatch.StartNew();
    foreach (var chunk in Enumerable.Range(0, mails).Chunk(10))
    {
        await outbox.EnqueueAllAsync(chunk.Select(i => Message(tenant, $"net-1/step-{i}/1/person{i}@example.dk", now)).ToList());
    }

    var enqueued = clock.Elapsed;
    clock.Restart();
    var delivered = 0;
    while (delivered < mails) delivered += await sender.DeliverDueAsync();
    var sent = clock.Elapsed;
    Console.WriteLine($"| {store} | {mails / enqueued.TotalSeconds:F0} | {mails / sent.TotalSeconds:F0} |");
}

sqlite.Dispose();
Directory.Delete(folder, recursive: true);
return 0;

internal sealed record Stores(IIdeaStore Ideas, INetworkStore Networks, IOutbox Outbox, ISurveyStore Surveys, IInvolvementStore Involvement, IAccessStore Access);

internal sealed record Measured(double PerSecond, double P50, double P99);

internal static class Operations
{
    /// <summary>Each measurement: set-up outside the clock, then n timed calls, each on its own stopwatch.</summary>
    public static IEnumerable<(string, Func<Stores, Task<Measured>>)> All(int n)
    {
        yield return ("ideas: add", async s => { var t = NewTenant(); return await Time(n, i => s.Ideas.AddAsync(t, NewIdea())); });
        yield return ("ideas: find", async s =>
        {
            var t = NewTenant(); var ids = new List<string>();
            for (var i = 0; i < 50; i++) { var idea = NewIdea(); await s.Ideas.AddAsync(t, idea); ids.Add(idea.Id.ToString()); }
            return await Time(n, i => s.Ideas.FindAsync(t, ids[i % ids.Count]));
        });
        yield return ("ideas: list (50)", async s =>
        {
            var t = NewTenant();
            for (var i = 0; i < 50; i++) await s.Ideas.AddAsync(t, NewIdea());
            return await Time(n, _ => s.Ideas.ListAsync(t));
        });
        yield return ("networks: add (with timeline)", async s => { var t = NewTenant(); return await Time(n, _ => s.Networks.AddAsync(t, RunningNetwork(new DateOnly(2027, 3, 1)))); });
        yield return ("networks: find", async s =>
        {
            var t = NewTenant(); var record = RunningNetwork(new DateOnly(2027, 3, 1)); await s.Networks.AddAsync(t, record);
            return await Time(n, _ => s.Networks.FindAsync(t, record.Network.Id.ToString()));
        });
        yield return ("networks: replace (step done)", async s =>
        {
            var t = NewTenant(); var record = RunningNetwork(new DateOnly(2027, 3, 1)); var etag = await s.Networks.AddAsync(t, record);
            return await Time(n, async _ => { etag = await s.Networks.ReplaceAsync(t, record, etag); });
        });
        yield return ("networks: due (100 networks)", async s =>
        {
            var t = NewTenant();
            for (var i = 0; i < 100; i++) await s.Networks.AddAsync(t, RunningNetwork(new DateOnly(2027, 3, 1)));
            return await Time(n, _ => s.Networks.DueAsync(t, At(2027, 6, 1)));
        });
        yield return ("outbox: enqueue", async s => { var t = NewTenant(); return await Time(n, i => s.Outbox.EnqueueAsync(Message(t, $"net-1/s-{i}/1/a@example.dk", At(2027, 3, 1)))); });
        yield return ("outbox: claim", async s =>
        {
            var t = NewTenant();
            for (var i = 0; i < n; i++) await s.Outbox.EnqueueAsync(Message(t, $"net-1/s-{i}/1/a@example.dk", At(2027, 3, 1)));
            return await Time(n, i => s.Outbox.ClaimAsync(t, $"net-1/s-{i}/1/a@example.dk", At(2027, 3, 2), At(2027, 3, 2).AddMinutes(2)));
        });
        yield return ("outbox: mark delivered", async s =>
        {
            var t = NewTenant();
            for (var i = 0; i < n; i++) await s.Outbox.EnqueueAsync(Message(t, $"net-1/s-{i}/1/a@example.dk", At(2027, 3, 1)));
            return await Time(n, i => s.Outbox.MarkDeliveredAsync(t, [$"net-1/s-{i}/1/a@example.dk"], At(2027, 3, 2)));
        });
        yield return ("outbox: summaries (one network of 100)", async s =>
        {
            var t = NewTenant();
            for (var i = 0; i < 100; i++) await s.Outbox.EnqueueAsync(Message(t, $"net-{i % 10}/s-{i}/1/a@example.dk", At(2027, 3, 1)));
            return await Time(n, _ => s.Outbox.SummariesAsync(t, "net-3/"));
        });
        yield return ("surveys: add invitation", async s =>
        {
            var t = NewTenant(); var survey = Survey("net-1", "end", At(2027, 3, 1)); await s.Surveys.AddSurveyAsync(t, survey);
            return await Time(n, i => s.Surveys.AddInvitationsAsync(t, [Invitation(survey, $"p{i}@example.dk", TokenHash())]));
        });
        yield return ("surveys: find invitation", async s =>
        {
            var t = NewTenant(); var survey = Survey("net-1", "end", At(2027, 3, 1)); await s.Surveys.AddSurveyAsync(t, survey);
            var invitation = Invitation(survey, "p@example.dk", TokenHash()); await s.Surveys.AddInvitationsAsync(t, [invitation]);
            return await Time(n, _ => s.Surveys.FindInvitationAsync(t, invitation.TokenHash));
        });
        yield return ("surveys: submit (survey of n)", async s =>
        {
            var t = NewTenant(); var survey = Survey("net-1", "end", At(2027, 3, 1)); await s.Surveys.AddSurveyAsync(t, survey);
            var invitations = Enumerable.Range(0, n).Select(i => Invitation(survey, $"p{i}@example.dk", TokenHash())).ToList();
            await s.Surveys.AddInvitationsAsync(t, invitations);
            return await Time(n, i => s.Surveys.SubmitAsync(t, invitations[i].TokenHash, Response(survey, At(2027, 3, 2))));
        });
        yield return ("involvement: add", async s =>
        {
            var t = NewTenant();
            return await Time(n, i => s.Involvement.AddAsync(t, new InvolvementRecord(Guid.NewGuid().ToString(), "net-1", Netvaerk.Domain.Timelines.StakeholderGroup.Citizens,
                "Beboere", 12, "Dialogmøde", new DateOnly(2027, 3, 5), At(2027, 3, 5), "mette@albertslund.dk")));
        });
        yield return ("access: find session", async s =>
        {
            var t = NewTenant(); var session = new StaffSession(TokenHash(), "mette@albertslund.dk", At(2027, 3, 1), At(2027, 3, 1).AddHours(12), null);
            await s.Access.AddSessionAsync(t, session);
            return await Time(n, _ => s.Access.FindSessionAsync(t, session.SessionHash));
        });
        yield return ("access: add + consume sign-in link", async s =>
        {
            var t = NewTenant();
            return await Time(n, async _ =>
            {
                var token = new SignInToken(TokenHash(), "mette@albertslund.dk", At(2027, 3, 1, 10), null);
                await s.Access.AddSignInTokenAsync(t, token);
                await s.Access.ConsumeSignInTokenAsync(t, token.TokenHash, At(2027, 3, 1, 9));
            });
        });
    }

    private static async Task<Measured> Time(int n, Func<int, Task> operation)
    {
        for (var i = 0; i < n / 10; i++) await operation(i);
        var samples = new double[n];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var one = Stopwatch.StartNew();
            await operation(i);
            samples[i] = one.Elapsed.TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(samples);
        return new Measured(n / total.Elapsed.TotalSeconds, samples[n / 2], samples[Math.Min(n - 1, (int)Math.Ceiling(n * 0.99) - 1)]);
    }
}
