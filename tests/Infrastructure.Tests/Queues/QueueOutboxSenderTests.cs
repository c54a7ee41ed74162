using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Infrastructure.Queues;
using Netvaerk.Infrastructure.SendGrid;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Infrastructure.Tests.Mail;
using Netvaerk.Infrastructure.Tests.Sqlite;
using Netvaerk.Testing;

namespace Netvaerk.Infrastructure.Tests.Queues;

/// <summary>
/// The queue outbox on Azurite, delivering through the real SendGrid client to the recording endpoint, over the SQLite
/// outbox: faults on every side, and in each case every e-mail goes out exactly once.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class QueueOutboxSenderTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();
    private readonly HttpClient _http = new();
    private RecordingSendGrid _sendGrid = null!;
    private OutboxQueueClients _queue = null!;

    private OutboxQueueOptions QueueOptions { get; } = new()
    {
        QueueName = $"outbox-{Guid.NewGuid():N}",
        VisibilityTimeout = TimeSpan.FromSeconds(1),
        MaxDequeueCount = 2,
        SweepAfter = TimeSpan.FromSeconds(30),
    };

    public async Task InitializeAsync()
    {
        _sendGrid = await RecordingSendGrid.StartAsync();
        QueueOptions.ConnectionString = azurite.Server.ConnectionString;
        _queue = new OutboxQueueClients(Options.Create(QueueOptions));
        await _queue.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await _sendGrid.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _file.Dispose();
    }

    private (QueuedOutbox Outbox, QueueOutboxSender Sender) Create(TimeProvider time, IOutbox? store = null, int transportAttempts = 1)
    {
        store ??= new SqliteOutbox(_file.Database);
        var transport = new SendGridMailTransport(_http, Options.Create(new SendGridOptions
        {
            ApiKey = "SG.test",
            Endpoint = _sendGrid.Endpoint,
            MaxAttempts = transportAttempts,
            FirstRetryDelay = TimeSpan.FromMilliseconds(10),
        }), time, NullLogger<SendGridMailTransport>.Instance);
        var delivery = new QueueDelivery(store, transport, time, Options.Create(QueueOptions), Options.Create(new OutboxOptions { MaxAttempts = 5 }),
            NullLogger<QueueDelivery>.Instance);
        return (new QueuedOutbox(store, _queue), new QueueOutboxSender(_queue, delivery, store, time, Options.Create(new OutboxOptions()), NullLogger<QueueOutboxSender>.Instance));
    }

    private static OutboxMessage Message(int i) => TestMessages.Invitation($"net-1/workshop-invite/1/person{i}@albertslund.dk") with
    {
        ToAddress = $"person{i}@albertslund.dk",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private async Task<int> QueueLengthAsync(bool poison = false) =>
        (await (poison ? _queue.Poison : _queue.Queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task Queued_messages_go_out_once_each_are_marked_delivered_and_their_references_deleted()
    {
        var (outbox, sender) = Create(TimeProvider.System);
        var messages = Enumerable.Range(1, 3).Select(Message).ToList();
        await outbox.EnqueueAllAsync(messages);
        await outbox.EnqueueAsync(messages[0]); // a step run twice: a second reference to the same entry

        Assert.Equal(3, await sender.DeliverDueAsync());
        Assert.Equal(messages.Select(m => m.Key).Order(), _sendGrid.Accepted.Select(m => m.Key).Order());
        Assert.All(await outbox.ListAsync("albertslund", "net-1/"), e => Assert.Equal(DeliveryState.Delivered, e.State));

        // A duplicate handled beside its twin finds the entry held and looks again once the claim ends: nothing more is sent.
        await Task.Delay(QueueOptions.VisibilityTimeout + TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, await sender.DeliverDueAsync());
        Assert.Equal(3, _sendGrid.Accepted.Count);
        Assert.Equal(0, await QueueLengthAsync());
        Assert.Equal(0, await QueueLengthAsync(poison: true));
    }

    [Fact]
    public async Task A_reference_is_small_whatever_the_message()
    {
        var (outbox, _) = Create(TimeProvider.System);
        var big = Message(1) with { Message = Message(1).Message with { HtmlBody = new string('x', 200_000) } };

        await outbox.EnqueueAsync(big);

        var peeked = Assert.Single((await _queue.Queue.PeekMessagesAsync(5)).Value);
        Assert.Equal(new OutboxReference("albertslund", big.Key), OutboxReference.Parse(peeked.MessageText));
        Assert.True(peeked.MessageText.Length < 512);
    }

    [Fact]
    public async Task SendGrid_failing_then_recovering_sends_the_message_once_after_its_backoff()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (outbox, sender) = Create(clock);
        var message = Message(1) with { CreatedAt = clock.GetUtcNow() };
        await outbox.EnqueueAsync(message);
        _sendGrid.FailNext(1, HttpStatusCode.InternalServerError);

        Assert.Equal(0, await sender.DeliverDueAsync());
        var failed = Assert.Single(await outbox.ListAsync("albertslund", ""));
        Assert.Equal((DeliveryState.Pending, 1), (failed.State, failed.Attempts));
        Assert.Contains("500", failed.LastError, StringComparison.Ordinal);

        // The retry's reference waits out the backoff (1 min); the clock moves past it and past the sweep age.
        clock.Advance(OutboxDispatcher.BackoffAfter(1) + QueueOptions.SweepAfter);
        Assert.Equal(1, await sender.DeliverDueAsync());

        Assert.Equal(message.Key, Assert.Single(_sendGrid.Accepted).Key);
        var delivered = Assert.Single(await outbox.ListAsync("albertslund", ""));
        Assert.Equal((DeliveryState.Delivered, 2), (delivered.State, delivered.Attempts));
    }

    [Fact]
    public async Task A_refused_address_is_dead_lettered_at_once_and_shows_so_while_the_others_go_out()
    {
        var (outbox, sender) = Create(TimeProvider.System);
        _sendGrid.Refuse(Message(1).ToAddress);
        await outbox.EnqueueAsync(Message(1));
        await outbox.EnqueueAsync(Message(2));

        await sender.DeliverDueAsync();

        var summaries = await outbox.SummariesAsync("albertslund", "");
        Assert.Equal(DeliveryState.DeadLetter, summaries.Single(s => s.Key == Message(1).Key).State);
        Assert.Equal(DeliveryState.Delivered, summaries.Single(s => s.Key == Message(2).Key).State);
        Assert.Equal(Message(2).Key, Assert.Single(_sendGrid.Accepted).Key);
        Assert.Equal(0, await QueueLengthAsync());
    }

    [Fact]
    public async Task Text_that_is_no_reference_goes_to_the_poison_queue()
    {
        var (_, sender) = Create(TimeProvider.System);
        await _queue.Queue.SendMessageAsync("not a reference");

        await sender.DeliverDueAsync();

        Assert.Equal(0, await QueueLengthAsync());
        Assert.Equal(1, await QueueLengthAsync(poison: true));
    }

    [Fact]
    public async Task A_reference_whose_handling_keeps_failing_goes_to_the_poison_queue_and_its_entry_shows_dead_lettered()
    {
        var store = new BrokenClaims(new SqliteOutbox(_file.Database), Message(1).Key);
        var (outbox, sender) = Create(TimeProvider.System, store);
        await outbox.EnqueueAsync(Message(1));
        await outbox.EnqueueAsync(Message(2));

        for (var round = 0; round <= QueueOptions.MaxDequeueCount; round++)
        {
            await sender.DeliverDueAsync();
            await Task.Delay(QueueOptions.VisibilityTimeout + TimeSpan.FromMilliseconds(300));
        }

        Assert.Equal(1, await QueueLengthAsync(poison: true));
        Assert.Equal(0, await QueueLengthAsync());
        var summaries = await outbox.SummariesAsync("albertslund", "");
        Assert.Equal(DeliveryState.DeadLetter, summaries.Single(s => s.Key == Message(1).Key).State);
        Assert.Equal(DeliveryState.Delivered, summaries.Single(s => s.Key == Message(2).Key).State);
        Assert.Equal(Message(2).Key, Assert.Single(_sendGrid.Accepted).Key);
    }

    [Fact]
    public async Task A_sender_killed_after_SendGrid_accepted_but_before_recording_it_is_not_followed_by_a_second_send()
    {
        var (outbox, sender) = Create(TimeProvider.System);
        await outbox.EnqueueAsync(Message(1));

        // The process dies the moment SendGrid has the message: nothing after the send runs.
        using var killed = new CancellationTokenSource();
        _sendGrid.OnAccepted = _ => killed.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.DeliverDueAsync(killed.Token));
        _sendGrid.OnAccepted = null;
        Assert.Equal(DeliveryState.Pending, Assert.Single(await outbox.ListAsync("albertslund", "")).State);

        // A new sender, once the reference is visible again, finds the interrupted claim and asks SendGrid first.
        await Task.Delay(QueueOptions.VisibilityTimeout + TimeSpan.FromMilliseconds(300));
        var (_, restarted) = Create(TimeProvider.System);
        await restarted.DeliverDueAsync();

        Assert.Single(_sendGrid.Accepted);
        Assert.Equal(DeliveryState.Delivered, Assert.Single(await outbox.ListAsync("albertslund", "")).State);
        Assert.Equal(0, await QueueLengthAsync());
    }

    [Fact]
    public async Task A_sender_killed_after_recording_the_delivery_but_before_deleting_the_reference_does_not_send_again()
    {
        using var killed = new CancellationTokenSource();
        var store = new KillAfterDelivered(new SqliteOutbox(_file.Database), killed);
        var (outbox, sender) = Create(TimeProvider.System, store);
        await outbox.EnqueueAsync(Message(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.DeliverDueAsync(killed.Token));
        Assert.Equal(DeliveryState.Delivered, Assert.Single(await outbox.ListAsync("albertslund", "")).State);

        await Task.Delay(QueueOptions.VisibilityTimeout + TimeSpan.FromMilliseconds(300));
        var (_, restarted) = Create(TimeProvider.System);
        await restarted.DeliverDueAsync();

        Assert.Single(_sendGrid.Accepted);
        Assert.Equal(0, await QueueLengthAsync());
    }

    [Fact]
    public async Task An_entry_whose_reference_was_lost_is_found_by_the_sweep_and_sent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (_, sender) = Create(clock);
        var store = new SqliteOutbox(_file.Database);
        await store.EnqueueAsync(Message(1) with { CreatedAt = clock.GetUtcNow() }); // written, then the process died before the queue

        Assert.Equal(0, await sender.DeliverDueAsync());
        clock.Advance(QueueOptions.SweepAfter);
        Assert.Equal(1, await sender.DeliverDueAsync());

        Assert.Single(_sendGrid.Accepted);
    }

    /// <summary>The SQLite outbox, but claiming one key fails every time, as a corrupt record would.</summary>
    private sealed class BrokenClaims(IOutbox inner, string brokenKey) : ForwardingOutbox(inner)
    {
        public override Task<OutboxClaim> ClaimAsync(string tenantId, string key, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
            key == brokenKey ? throw new InvalidOperationException("Simulated corrupt record") : base.ClaimAsync(tenantId, key, now, leaseUntil, cancellationToken);
    }

    /// <summary>The SQLite outbox, but the process "dies" right after a delivery is recorded.</summary>
    private sealed class KillAfterDelivered(IOutbox inner, CancellationTokenSource kill) : ForwardingOutbox(inner)
    {
        public override async Task MarkDeliveredAsync(string tenantId, IReadOnlyCollection<string> keys, DateTimeOffset at, CancellationToken cancellationToken = default)
        {
            await base.MarkDeliveredAsync(tenantId, keys, at, CancellationToken.None);
            await kill.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
