using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Infrastructure.Tests.Stores;

namespace Netvaerk.Infrastructure.Tests.Sqlite;

/// <summary>How the SQLite outbox keeps a message: the envelope in its row, the bodies apart until it is delivered.</summary>
public sealed class SqliteOutboxStorageTests : IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();
    private readonly string _tenant = Samples.NewTenant();

    public void Dispose() => _file.Dispose();

    private static OutboxMessage Large(string tenant, string key, DateTimeOffset at)
    {
        var message = Samples.Message(tenant, key, at);
        return message with
        {
            Message = message.Message with
            {
                TextBody = new string('t', 1500) + key,
                HtmlBody = "<p>" + new string('h', 2000) + key + "</p>",
                Attachments = [new EmailAttachment("invitation.ics", "text/calendar; method=REQUEST; charset=utf-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")],
            },
        };
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _file.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Delivered_bodies_are_deleted_and_their_pages_serve_the_next_messages()
    {
        var outbox = new SqliteOutbox(_file.Database);
        var at = Samples.At(2027, 3, 1);
        async Task RoundAsync(int round)
        {
            var messages = Enumerable.Range(0, 1000).Select(i => Large(_tenant, $"net/step-{round}/1/d{i}@albertslund.dk", at)).ToList();
            Assert.Equal(1000, await outbox.EnqueueAllAsync(messages));
            Assert.Equal(1000, await ScalarAsync("SELECT COUNT(*) FROM outbox_bodies;"));
            await outbox.MarkDeliveredAsync(_tenant, messages.Select(m => m.Key).ToList(), at);
        }

        await RoundAsync(0);
        var bytesAfterOne = await ScalarAsync("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size;");
        for (var round = 1; round < 4; round++) await RoundAsync(round);
        var bytesAfterFour = await ScalarAsync("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size;");

        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM outbox_bodies;"));
        Assert.Equal(4000, await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE state = 'delivered';"));
        // Three more rounds add only their small envelopes and keys (~460 B each, ~1.4 MB in all), not another ~11 MB
        // of bodies. In bytes, not pages, so that it holds whatever the page size.
        Assert.InRange(bytesAfterFour - bytesAfterOne, 0, 3 * 1024 * 1024);
    }

    [Fact]
    public async Task A_read_since_an_instant_starts_after_the_mark_of_the_tenants_period_recorded_a_day_or_more_before_it()
    {
        var outbox = new SqliteOutbox(_file.Database);
        var other = Samples.NewTenant();
        var t0 = Samples.At(2027, 3, 1, 8);

        // Created "in the future" only to show what a mark skips: an entry committed before a period is taken to have been
        // created before it (give or take a day), so a read since a day or more after the period need not look at it.
        await outbox.EnqueueAsync(Samples.Message(other, "net/early/1/a@b.dk", t0.AddDays(10)));
        await outbox.EnqueueAsync(Samples.Message(_tenant, "net/early/1/a@b.dk", t0.AddDays(10)));
        await outbox.EnqueueForPeriodAsync(_tenant, "digest/weekly/2027-W09", [], t0);
        await outbox.EnqueueAsync(Samples.Message(_tenant, "net/later/1/a@b.dk", t0.AddDays(10)));

        Assert.Equal(2, await ScalarAsync("SELECT outbox_seq FROM outbox_periods;"));
        var afterMargin = t0 + SqliteOutbox.MarkMargin + TimeSpan.FromTicks(1);
        Assert.Equal(["net/later/1/a@b.dk"], (await outbox.SummariesAsync(_tenant, "", afterMargin)).Select(s => s.Key));
        Assert.Equal(["net/later/1/a@b.dk"], (await outbox.SummariesAsync(_tenant, "net/", afterMargin)).Select(s => s.Key));
        Assert.Equal(["net/later/1/a@b.dk"], (await outbox.ListAsync(_tenant, "net/", afterMargin)).Select(e => e.Message.Key));

        // Within the margin, or without an instant, the period bounds nothing; nor does it bound another tenant's reads.
        Assert.Equal(2, (await outbox.SummariesAsync(_tenant, "", t0 + SqliteOutbox.MarkMargin)).Count);
        Assert.Equal(2, (await outbox.ListAsync(_tenant, "net/")).Count);
        Assert.Equal(["net/early/1/a@b.dk"], (await outbox.SummariesAsync(other, "", afterMargin)).Select(s => s.Key));
    }

    [Fact]
    public async Task A_pending_entry_reads_back_whole_and_a_delivered_one_keeps_its_envelope_only()
    {
        var outbox = new SqliteOutbox(_file.Database);
        var at = Samples.At(2027, 3, 1);
        var sent = Large(_tenant, "net/step/1/a@albertslund.dk", at);
        var waiting = Large(_tenant, "net/step/1/b@albertslund.dk", at);
        await outbox.EnqueueAllAsync([sent, waiting]);
        Assert.False(await outbox.EnqueueAsync(waiting with { Message = waiting.Message with { Subject = "Ændret" } }));
        await outbox.MarkDeliveredAsync(_tenant, [sent.Key], at);

        var entries = await outbox.ListAsync(_tenant, "net/");
        Samples.AssertSameJson(sent with { Message = sent.Message with { TextBody = "", HtmlBody = "", Attachments = [] } }, entries[0].Message);
        Samples.AssertSameJson(waiting, entries[1].Message);
        Samples.AssertSameJson(waiting, Assert.Single(await outbox.DueForDeliveryAsync(at, 10)).Message);
        var claim = await outbox.ClaimAsync(_tenant, waiting.Key, at, at.AddMinutes(2));
        Assert.True(claim.Claimed);
        Samples.AssertSameJson(waiting, claim.Entry!.Message);
    }

    [Fact]
    public async Task The_row_keeps_neither_the_key_nor_the_tenant_nor_the_body_twice()
    {
        // Each delivered e-mail keeps its row as the record: what its columns or outbox_bodies hold stays out of the
        // document, so that rows stay small (two to a 1 KiB page).
        var outbox = new SqliteOutbox(_file.Database);
        var at = Samples.At(2027, 3, 1);
        var message = Large(_tenant, "net/step/1/a@albertslund.dk", at);
        await outbox.EnqueueAllAsync([message]);

        await using var connection = await _file.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM outbox;";
        var document = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain(message.Key, document, StringComparison.Ordinal);
        Assert.DoesNotContain(_tenant, document, StringComparison.Ordinal);
        Assert.DoesNotContain("Body", document, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("attachments", document, StringComparison.Ordinal);
        Assert.Contains(message.ToAddress, document, StringComparison.Ordinal);
        Assert.Contains(message.Message.Subject, document, StringComparison.Ordinal);

        var summary = Assert.Single(await outbox.SummariesAsync(_tenant, "net/"));
        Assert.Equal((message.Key, message.ToAddress, message.Message.Subject), (summary.Key, summary.ToAddress, summary.Subject));
    }

    [Fact]
    public async Task Text_beyond_ASCII_reads_back_as_written()
    {
        // Entries are parsed from the column's UTF-8 bytes, not from a string: Danish letters, a character outside the
        // BMP, quotes and a line break must come back unchanged, in the envelope and in the bodies.
        var outbox = new SqliteOutbox(_file.Database);
        var at = Samples.At(2027, 3, 1);
        var message = Samples.Message(_tenant, "net/step/1/søren@albertslund.dk", at);
        const string text = "Kære Søren Æbelø — \"Blå\" gruppe 🌱\r\nNæste møde: 3. marts";
        message = message with
        {
            ToName = "Søren \"Æ\" Bølling",
            Message = message.Message with
            {
                Subject = "Påmindelse: møde i Grøn omstilling 🌱",
                TextBody = text,
                HtmlBody = $"<p>{text}</p>",
                Attachments = [new EmailAttachment("møde.ics", "text/calendar; method=REQUEST; charset=utf-8", "SUMMARY:Grøn omstilling 🌱\r\n")],
            },
        };
        await outbox.EnqueueAllAsync([message]);

        Samples.AssertSameJson(message, Assert.Single(await outbox.DueForDeliveryAsync(at, 10)).Message);
        Assert.Equal(text, Assert.Single(await outbox.ListAsync(_tenant, "net/")).Message.Message.TextBody);
    }

    [Fact]
    public async Task Migration_6_moves_the_bodies_of_waiting_messages_apart_and_leaves_delivered_ones()
    {
        // A database as issue 11 left it: schema version 5, each message whole in its outbox row.
        var at = Samples.At(2027, 3, 1);
        var waiting = Large(_tenant, "net/step/1/b@albertslund.dk", at);
        var sent = Large(_tenant, "net/step/1/a@albertslund.dk", at);
        var sentEnvelope = sent with { Message = sent.Message with { TextBody = "", HtmlBody = "", Attachments = [] } };
        await using (var connection = new SqliteConnection(_file.Database.ConnectionString))
        {
            Directory.CreateDirectory(_file.Folder);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Concat(SqliteMigrations.All.Where(m => m.Version <= 5).Select(m => m.Sql)) + """

                CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL);
                INSERT INTO schema_version VALUES (1, 'a', @at), (2, 'b', @at), (3, 'c', @at), (4, 'd', @at), (5, 'e', @at);
                INSERT INTO outbox (tenant_id, key, created_utc, state, attempts, next_attempt_utc, delivered_utc, document)
                VALUES (@tenant, @sentKey, @at, 'delivered', 1, @at, @at, @sent),
                       (@tenant, @waitingKey, @at, 'pending', 0, @at, NULL, @waiting);
                """;
            command.Parameters.AddWithValue("@tenant", _tenant);
            command.Parameters.AddWithValue("@at", at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("@sentKey", sent.Key);
            command.Parameters.AddWithValue("@waitingKey", waiting.Key);
            command.Parameters.AddWithValue("@sent", TimelineJson.Serialize(sentEnvelope));
            command.Parameters.AddWithValue("@waiting", TimelineJson.Serialize(waiting));
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var outbox = new SqliteOutbox(_file.Open());
        var entries = await outbox.ListAsync(_tenant, "net/");

        Samples.AssertSameJson(sentEnvelope, entries[0].Message);
        Samples.AssertSameJson(waiting, entries[1].Message);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM outbox_bodies;"));
        Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM outbox WHERE length(document) > 1000;"));
        await outbox.MarkDeliveredAsync(_tenant, [waiting.Key], at);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM outbox_bodies;"));
    }
}
