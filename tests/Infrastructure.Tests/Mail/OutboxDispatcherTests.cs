using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Infrastructure.Tests.Mail;

public sealed class OutboxDispatcherTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 15, 8, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(s_start);
    private readonly InMemoryOutbox _outbox = new();
    private readonly FakeTransport _transport = new();

    private OutboxDispatcher Dispatcher(int maxAttempts = 5, int batchSize = 50) =>
        new(_outbox, _transport, _clock, Options.Create(new OutboxOptions { MaxAttempts = maxAttempts, BatchSize = batchSize }),
            NullLogger<OutboxDispatcher>.Instance);

    private async Task<OutboxMessage> EnqueueAsync(string recipient, DateTimeOffset? createdAt = null)
    {
        var message = TestMessages.Invitation($"net-1/workshop-invite/1/{recipient}", createdAt ?? s_start) with
        {
            ToAddress = recipient,
        };
        Assert.True(await _outbox.EnqueueAsync(message));
        return message;
    }

    [Fact]
    public async Task Delivers_due_entries_through_the_transport_and_marks_them_delivered_at_the_clock_time()
    {
        var first = await EnqueueAsync("a@albertslund.dk");
        var second = await EnqueueAsync("b@albertslund.dk", s_start.AddSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(5));

        var delivered = await Dispatcher().DeliverDueAsync();

        Assert.Equal(2, delivered);
        Assert.Equal([first.Key, second.Key], _transport.Sent.Select(m => m.Key));
        foreach (var key in new[] { first.Key, second.Key })
        {
            Assert.Equal(DeliveryState.Delivered, _outbox[key].State);
            Assert.Equal(s_start.AddSeconds(5), _outbox[key].DeliveredAt);
        }
    }

    [Fact]
    public async Task Delivered_entries_are_not_sent_again()
    {
        await EnqueueAsync("a@albertslund.dk");
        var dispatcher = Dispatcher();
        await dispatcher.DeliverDueAsync();

        var again = await dispatcher.DeliverDueAsync();

        Assert.Equal(0, again);
        Assert.Single(_transport.Sent);
    }

    [Fact]
    public async Task Entries_created_in_the_future_wait_until_they_are_due()
    {
        var later = await EnqueueAsync("a@albertslund.dk", s_start.AddHours(1));
        var dispatcher = Dispatcher();

        Assert.Equal(0, await dispatcher.DeliverDueAsync());
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await dispatcher.DeliverDueAsync());
        Assert.Equal(DeliveryState.Delivered, _outbox[later.Key].State);
    }

    [Fact]
    public async Task A_transport_failure_records_the_error_and_retries_one_minute_later()
    {
        var message = await EnqueueAsync("a@albertslund.dk");
        _transport.FailuresLeft[message.Key] = 1;
        var dispatcher = Dispatcher();

        Assert.Equal(0, await dispatcher.DeliverDueAsync());

        var failed = _outbox[message.Key];
        Assert.Equal(DeliveryState.Pending, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(s_start.AddMinutes(1), failed.NextAttemptAt);
        Assert.Equal("IOException: SMTP nede", failed.LastError);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await dispatcher.DeliverDueAsync());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.DeliverDueAsync());
        Assert.Equal(DeliveryState.Delivered, _outbox[message.Key].State);
        Assert.Equal(s_start.AddMinutes(1), _outbox[message.Key].DeliveredAt);
    }

    [Fact]
    public async Task Retries_back_off_1m_5m_30m_2h_and_dead_letter_on_the_fifth_failure()
    {
        var message = await EnqueueAsync("a@albertslund.dk");
        _transport.FailuresLeft[message.Key] = int.MaxValue;
        var dispatcher = Dispatcher();
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var before = _clock.GetUtcNow();
            await dispatcher.DeliverDueAsync();
            var entry = _outbox[message.Key];
            Assert.Equal(DeliveryState.Pending, entry.State);
            Assert.Equal(attempt, entry.Attempts);
            waits.Add(entry.NextAttemptAt - before);
            _clock.SetUtcNow(entry.NextAttemptAt);
        }

        await dispatcher.DeliverDueAsync();

        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)],
            waits);
        var dead = _outbox[message.Key];
        Assert.Equal(DeliveryState.DeadLetter, dead.State);
        Assert.Equal(5, dead.Attempts);
        Assert.Equal(5, _transport.Attempts);

        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await dispatcher.DeliverDueAsync());
        Assert.Equal(5, _transport.Attempts);
    }

    [Fact]
    public async Task Dead_letters_after_the_configured_max_attempts()
    {
        var message = await EnqueueAsync("a@albertslund.dk");
        _transport.FailuresLeft[message.Key] = int.MaxValue;
        var dispatcher = Dispatcher(maxAttempts: 2);

        await dispatcher.DeliverDueAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DeliverDueAsync();

        Assert.Equal(DeliveryState.DeadLetter, _outbox[message.Key].State);
        Assert.Equal(2, _outbox[message.Key].Attempts);
    }

    [Fact]
    public async Task One_failing_entry_does_not_stop_the_rest_of_the_batch()
    {
        var failing = await EnqueueAsync("a@albertslund.dk");
        var fine = await EnqueueAsync("b@albertslund.dk", s_start.AddSeconds(1));
        _transport.FailuresLeft[failing.Key] = 1;
        _clock.Advance(TimeSpan.FromSeconds(1));

        var delivered = await Dispatcher().DeliverDueAsync();

        Assert.Equal(1, delivered);
        Assert.Equal(DeliveryState.Pending, _outbox[failing.Key].State);
        Assert.Equal(DeliveryState.Delivered, _outbox[fine.Key].State);
    }

    [Fact]
    public async Task Takes_at_most_the_batch_size_oldest_first()
    {
        var oldest = await EnqueueAsync("a@albertslund.dk");
        await EnqueueAsync("b@albertslund.dk", s_start.AddSeconds(1));
        await EnqueueAsync("c@albertslund.dk", s_start.AddSeconds(2));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var dispatcher = Dispatcher(batchSize: 2);

        Assert.Equal(2, await dispatcher.DeliverDueAsync());
        Assert.Equal(oldest.Key, _transport.Sent[0].Key);
        Assert.Equal(1, await dispatcher.DeliverDueAsync());
        Assert.Equal(3, _transport.Sent.Count);
    }

    [Fact]
    public async Task Cancellation_propagates_without_recording_a_failure()
    {
        var message = await EnqueueAsync("a@albertslund.dk");
        using var cancellation = new CancellationTokenSource();
        _transport.OnSend = cancellation.Cancel;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Dispatcher().DeliverDueAsync(cancellation.Token));

        var entry = _outbox[message.Key];
        Assert.Equal(DeliveryState.Pending, entry.State);
        Assert.Equal(0, entry.Attempts);
        Assert.Null(entry.LastError);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    [InlineData(5, 360)]
    [InlineData(6, 1440)]
    [InlineData(20, 1440)]
    public void Backoff_grows_per_failed_attempt_and_caps_at_a_day(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxDispatcher.BackoffAfter(failedAttempts));

    [Fact]
    public async Task Dispatching_to_the_local_mailbox_writes_one_eml_per_due_entry()
    {
        var folder = Path.Combine(Path.GetTempPath(), "netvaerk-mail-" + Guid.NewGuid().ToString("N"));
        try
        {
            await EnqueueAsync("a@albertslund.dk");
            await EnqueueAsync("b@albertslund.dk");
            var mailbox = new LocalMailbox(Options.Create(new MailboxOptions { Folder = folder }));
            var dispatcher = new OutboxDispatcher(
                _outbox, mailbox, _clock, Options.Create(new OutboxOptions()), NullLogger<OutboxDispatcher>.Instance);

            Assert.Equal(2, await dispatcher.DeliverDueAsync());

            Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private sealed class FakeTransport : IMailTransport
    {
        public List<OutboxMessage> Sent { get; } = [];

        public Dictionary<string, int> FailuresLeft { get; } = new(StringComparer.Ordinal);

        public int Attempts { get; private set; }

        public Action? OnSend { get; set; }

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken = default)
        {
            Attempts++;
            OnSend?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            if (FailuresLeft.TryGetValue(message.Key, out var left) && left > 0)
            {
                FailuresLeft[message.Key] = left - 1;
                throw new IOException("SMTP nede");
            }

            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
