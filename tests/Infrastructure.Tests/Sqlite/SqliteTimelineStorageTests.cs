using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Infrastructure.Tests.Stores;

namespace Netvaerk.Infrastructure.Tests.Sqlite;

/// <summary>How the SQLite store keeps a timeline: the plan in its own table, the steps done since in the network's row.</summary>
public sealed class SqliteTimelineStorageTests : IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();
    private readonly string _tenant = Samples.NewTenant();

    public void Dispose() => _file.Dispose();

    private async Task<(string? Plan, string? Progress)> RowAsync(Guid id)
    {
        await using var connection = await _file.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.plan, n.progress FROM networks n LEFT JOIN timeline_plans p ON p.tenant_id = n.tenant_id AND p.network_id = n.id
            WHERE n.tenant_id = @tenant AND n.id = @id;
            """;
        command.Parameters.AddWithValue("@tenant", _tenant);
        command.Parameters.AddWithValue("@id", id.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private static NetworkRecord StepDone(NetworkRecord record)
    {
        var step = record.Timeline!.NextPending()!;
        return record with { Timeline = record.Timeline.Done(step.Id, step.Version) };
    }

    [Fact]
    public async Task A_step_done_writes_only_progress_and_any_other_change_writes_the_plan_again()
    {
        var store = new SqliteNetworkStore(_file.Database);
        var record = Samples.RunningNetwork(new DateOnly(2027, 3, 1));
        var etag = await store.AddAsync(_tenant, record);
        var (plan, progress) = await RowAsync(record.Network.Id);
        Assert.Equal(TimelineJson.Serialize(record.Timeline), plan);
        Assert.Null(progress);

        record = StepDone(StepDone(record));
        etag = await store.ReplaceAsync(_tenant, record, etag);

        var afterSteps = await RowAsync(record.Network.Id);
        Assert.Equal(plan, afterSteps.Plan);
        Assert.Equal(2, TimelineJson.Deserialize<IReadOnlyList<StepDone>>(afterSteps.Progress!).Count);

        var moved = record with
        {
            Timeline = record.Timeline!.Apply(new MeetingMoved("meeting-3", new DateOnly(2027, 3, 18), new TimeOnly(13, 0), new TimeOnly(15, 0),
                null, Samples.At(2027, 2, 20, 10))),
        };
        await store.ReplaceAsync(_tenant, moved, etag);

        var afterMove = await RowAsync(record.Network.Id);
        Assert.Equal(TimelineJson.Serialize(moved.Timeline), afterMove.Plan);
        Assert.Null(afterMove.Progress);
    }

    [Fact]
    public async Task Another_process_reads_back_exactly_the_timeline_that_was_written()
    {
        var writer = new SqliteNetworkStore(_file.Database);
        var record = Samples.RunningNetwork(new DateOnly(2027, 3, 1));
        var etag = await writer.AddAsync(_tenant, record);
        for (var i = 0; i < 5; i++)
        {
            record = StepDone(record);
            etag = await writer.ReplaceAsync(_tenant, record, etag);
        }

        // A store with an empty cache, over another connection pool: as after a restart.
        var reader = new SqliteNetworkStore(_file.Open());
        var read = await reader.FindAsync(_tenant, record.Network.Id.ToString());

        Assert.Equal(etag, read!.ETag);
        Assert.Equal(TimelineJson.Serialize(record.Timeline), TimelineJson.Serialize(read.Value.Timeline));

        // And it can carry on from there: its next step is stored as progress against the plan it read.
        var next = StepDone(read.Value);
        await reader.ReplaceAsync(_tenant, next, read.ETag);
        Assert.Equal(6, TimelineJson.Deserialize<IReadOnlyList<StepDone>>((await RowAsync(record.Network.Id)).Progress!).Count);
        Assert.Equal(TimelineJson.Serialize(next.Timeline),
            TimelineJson.Serialize((await new SqliteNetworkStore(_file.Open()).FindAsync(_tenant, record.Network.Id.ToString()))!.Value.Timeline));
    }

    [Fact]
    public async Task A_plan_another_process_rewrote_is_read_again_though_the_old_one_is_cached()
    {
        // The store reads a plan only for a row version it has not cached; another process's write is a new version.
        var store = new SqliteNetworkStore(_file.Database);
        var record = Samples.RunningNetwork(new DateOnly(2027, 3, 1));
        var etag = await store.AddAsync(_tenant, record);
        record = StepDone(record);
        etag = await store.ReplaceAsync(_tenant, record, etag);
        Assert.Equal(TimelineJson.Serialize(record.Timeline), TimelineJson.Serialize((await store.FindAsync(_tenant, record.Network.Id.ToString()))!.Value.Timeline));

        var other = new SqliteNetworkStore(_file.Open());
        var moved = record with
        {
            Timeline = record.Timeline!.Apply(new MeetingMoved("meeting-3", new DateOnly(2027, 3, 18), new TimeOnly(13, 0), new TimeOnly(15, 0),
                null, Samples.At(2027, 2, 20, 10))),
        };
        var movedETag = await other.ReplaceAsync(_tenant, moved, etag);
        var stepped = moved with { Timeline = moved.Timeline!.Done(moved.Timeline.NextPending()!.Id, moved.Timeline.NextPending()!.Version) };
        var lastETag = await other.ReplaceAsync(_tenant, stepped, movedETag);

        var listed = Assert.Single(await store.ListAsync(_tenant));
        Assert.Equal(lastETag, listed.ETag);
        Assert.Equal(TimelineJson.Serialize(stepped.Timeline), TimelineJson.Serialize(listed.Value.Timeline));
        var found = await new SqliteNetworkStore(_file.Database).FindAsync(_tenant, record.Network.Id.ToString());
        Assert.Equal(TimelineJson.Serialize(stepped.Timeline), TimelineJson.Serialize(found!.Value.Timeline));

        // Found again by the first store after a step of the other's, and as the cached version once more.
        var last = stepped with { Timeline = stepped.Timeline!.Done(stepped.Timeline.NextPending()!.Id, stepped.Timeline.NextPending()!.Version) };
        await other.ReplaceAsync(_tenant, last, lastETag);
        for (var read = 0; read < 2; read++)
        {
            var again = await store.FindAsync(_tenant, record.Network.Id.ToString());
            Assert.Equal(TimelineJson.Serialize(last.Timeline), TimelineJson.Serialize(again!.Value.Timeline));
        }
    }

    [Fact]
    public async Task A_stale_replace_changes_neither_the_row_nor_the_plan()
    {
        var store = new SqliteNetworkStore(_file.Database);
        var record = Samples.RunningNetwork(new DateOnly(2027, 3, 1));
        var first = await store.AddAsync(_tenant, record);
        await store.ReplaceAsync(_tenant, StepDone(record), first);
        var before = await RowAsync(record.Network.Id);

        var paused = record with { Timeline = record.Timeline!.Apply(new TimelinePaused(Samples.At(2027, 2, 20, 10))) };
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.ReplaceAsync(_tenant, paused, first));

        Assert.Equal(before, await RowAsync(record.Network.Id));
    }

    [Fact]
    public async Task A_step_done_leaves_the_network_document_unwritten_and_a_changed_network_writes_it()
    {
        var store = new SqliteNetworkStore(_file.Database);
        var record = Samples.RunningNetwork(new DateOnly(2027, 3, 1));
        var etag = await store.AddAsync(_tenant, record);
        await using (var connection = await _file.Database.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            // Counts every write of a document row, including one that sets the text it already has.
            command.CommandText = """
                CREATE TABLE document_writes (n INTEGER NOT NULL);
                INSERT INTO document_writes VALUES (0);
                CREATE TRIGGER count_document_writes AFTER UPDATE ON network_documents BEGIN UPDATE document_writes SET n = n + 1; END;
                """;
            await command.ExecuteNonQueryAsync();
        }

        record = StepDone(StepDone(record));
        etag = await store.ReplaceAsync(_tenant, record, etag);
        Assert.Equal(0L, await DocumentWritesAsync());

        // A store that has not written the row itself (another process, a restart) leaves the comparison to SQLite.
        var other = new SqliteNetworkStore(_file.Database);
        var read = await other.FindAsync(_tenant, record.Network.Id.ToString());
        record = StepDone(read!.Value);
        etag = await other.ReplaceAsync(_tenant, record, read.ETag);
        Assert.Equal(0L, await DocumentWritesAsync());

        record.Network.Pause("Sommerferie", Samples.At(2027, 3, 10, 10));
        record = record with { Timeline = record.Timeline!.Apply(new TimelinePaused(Samples.At(2027, 3, 10, 10))) };
        await other.ReplaceAsync(_tenant, record, etag);
        Assert.Equal(1L, await DocumentWritesAsync());

        read = await new SqliteNetworkStore(_file.Open()).FindAsync(_tenant, record.Network.Id.ToString());
        Assert.Equal(TimelineJson.Serialize(record.Network), TimelineJson.Serialize(read!.Value.Network));
        Assert.Equal(TimelineJson.Serialize(record.Network), TimelineJson.Serialize(Assert.Single(await store.ListAsync(_tenant)).Value.Network));
    }

    private async Task<long> DocumentWritesAsync()
    {
        await using var connection = await _file.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT n FROM document_writes;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Migration_9_moves_each_network_document_out_of_the_row_a_step_rewrites()
    {
        // A database as migration 8 left it: the network's document a column of its row.
        var record = Samples.RunningNetwork(new DateOnly(2027, 3, 1));
        await WriteEarlierDatabaseAsync(record, string.Concat(SqliteMigrations.All.Where(m => m.Version <= 8).Select(m => m.Sql + ";\n")) + """
            CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL);
            WITH RECURSIVE v(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM v WHERE n < 8)
            INSERT INTO schema_version SELECT n, 'earlier', '2027-01-01T00:00:00.0000000+00:00' FROM v;
            INSERT INTO networks (tenant_id, id, version, created_utc, next_due_utc, network, progress)
            VALUES (@tenant, @id, 7, '2027-01-18T00:00:00.0000000+00:00', NULL, @network, NULL);
            INSERT INTO timeline_plans (tenant_id, network_id, plan) VALUES (@tenant, @id, @timeline);
            """);

        var store = new SqliteNetworkStore(_file.Open());
        var read = await store.FindAsync(_tenant, record.Network.Id.ToString());

        Assert.Equal("7", read!.ETag);
        Assert.Equal(TimelineJson.Serialize(record.Network), TimelineJson.Serialize(read.Value.Network));
        Assert.Equal(TimelineJson.Serialize(record.Timeline), TimelineJson.Serialize(read.Value.Timeline));
        await store.ReplaceAsync(_tenant, StepDone(read.Value), read.ETag);
        Assert.Equal("8", (await store.FindAsync(_tenant, record.Network.Id.ToString()))!.ETag);
    }

    [Fact]
    public async Task Migration_2_moves_each_stored_timeline_into_the_plans_table()
    {
        // A database as the first release left it: schema version 1, the timeline inside the network's row.
        var record = Samples.RunningNetwork(new DateOnly(2027, 3, 1));
        await WriteEarlierDatabaseAsync(record, SqliteMigrations.All[0].Sql + """

            CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL);
            INSERT INTO schema_version VALUES (1, 'Initial', '2027-01-01T00:00:00.0000000+00:00');
            INSERT INTO networks (tenant_id, id, version, created_utc, next_due_utc, network, timeline)
            VALUES (@tenant, @id, 7, '2027-01-18T00:00:00.0000000+00:00', NULL, @network, @timeline);
            """);

        var read = await new SqliteNetworkStore(_file.Open()).FindAsync(_tenant, record.Network.Id.ToString());

        Assert.Equal("7", read!.ETag);
        Assert.Equal(TimelineJson.Serialize(record.Timeline), TimelineJson.Serialize(read.Value.Timeline));
    }

    /// <summary>
    /// A database as an earlier release left it, written with SQL of that release: <c>@tenant</c>, <c>@id</c>,
    /// <c>@network</c> and <c>@timeline</c> are the record's.
    /// </summary>
    private async Task WriteEarlierDatabaseAsync(NetworkRecord record, string sql)
    {
        await using (var connection = new SqliteConnection(_file.Database.ConnectionString))
        {
            Directory.CreateDirectory(_file.Folder);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("@tenant", _tenant);
            command.Parameters.AddWithValue("@id", record.Network.Id.ToString("D"));
            command.Parameters.AddWithValue("@network", TimelineJson.Serialize(record.Network));
            command.Parameters.AddWithValue("@timeline", TimelineJson.Serialize(record.Timeline));
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
    }
}
