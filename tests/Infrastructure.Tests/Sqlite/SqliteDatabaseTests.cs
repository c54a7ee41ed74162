using Microsoft.Data.Sqlite;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Infrastructure.Tests.Stores;

namespace Netvaerk.Infrastructure.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    public void Dispose() => _file.Dispose();

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task The_first_use_creates_the_folder_and_file_and_applies_every_migration()
    {
        Assert.False(Directory.Exists(_file.Folder));

        await using var connection = await _file.Database.OpenConnectionAsync();

        Assert.True(File.Exists(_file.FilePath));
        Assert.Equal((long)SqliteMigrations.All.Count, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal((long)SqliteMigrations.LatestVersion, await ScalarAsync(connection, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task Migrating_a_migrated_database_again_is_a_no_op()
    {
        var store = new SqliteIdeaStore(_file.Database);
        var tenant = Samples.NewTenant();
        var idea = Samples.NewIdea();
        await store.AddAsync(tenant, idea);

        await using (var connection = await _file.Database.OpenConnectionAsync())
        {
            Assert.Equal(0, await SqliteMigrations.ApplyAsync(connection, CancellationToken.None));
            Assert.Equal((long)SqliteMigrations.All.Count, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version;"));
        }

        var restarted = _file.Open();
        await restarted.MigrateAsync();
        await restarted.MigrateAsync();

        Assert.NotNull(await new SqliteIdeaStore(restarted).FindAsync(tenant, idea.Id.ToString()));
    }

    [Fact]
    public async Task A_failed_write_is_rolled_back_and_the_next_writer_goes_ahead()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _file.Database.WriteAsync<int>(async (connection, transaction, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO staff_users (tenant_id, email, document) VALUES ('t', 'a@b.dk', '{}');";
            await command.ExecuteNonQueryAsync(ct);
            throw new InvalidOperationException("half-way");
        }));

        // Many writers at once take turns; none waits forever on a gate the failed write left closed.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _file.Database.ExecuteAsync(
            "INSERT INTO staff_users (tenant_id, email, document) VALUES ('t', @email, '{}');",
            command => { command.Parameters.AddWithValue("@email", $"u{i}@b.dk"); return command; })));

        await using var connection = await _file.Database.OpenConnectionAsync();
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM staff_users WHERE email = 'a@b.dk';"));
        Assert.Equal(20L, await ScalarAsync(connection, "SELECT COUNT(*) FROM staff_users;"));
    }

    [Fact]
    public async Task Connections_use_wal_a_busy_timeout_and_foreign_keys()
    {
        await using var connection = await _file.Database.OpenConnectionAsync();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(5000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous;")); // NORMAL
    }

    [Fact]
    public async Task A_new_database_gets_this_builds_page_size()
    {
        await using var connection = await _file.Database.OpenConnectionAsync();

        Assert.NotEqual(4096, SqliteDatabase.PageSize); // SQLite's default: the test would pass without the setting
        Assert.Equal((long)SqliteDatabase.PageSize, await ScalarAsync(connection, "PRAGMA page_size;"));
    }

    [Fact]
    public async Task A_database_created_with_another_page_size_keeps_it_and_is_migrated_and_used()
    {
        Directory.CreateDirectory(_file.Folder);
        await using (var old = new SqliteConnection($"Data Source={_file.FilePath};Pooling=False"))
        {
            await old.OpenAsync();
            await ScalarAsync(old, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE kept (x INTEGER); INSERT INTO kept VALUES (7);");
        }

        var tenant = Samples.NewTenant();
        var idea = Samples.NewIdea();
        var store = new SqliteIdeaStore(_file.Database);
        await store.AddAsync(tenant, idea);

        await using var connection = await _file.Database.OpenConnectionAsync();
        Assert.Equal(4096L, await ScalarAsync(connection, "PRAGMA page_size;"));
        Assert.Equal(7L, await ScalarAsync(connection, "SELECT x FROM kept;"));
        Assert.Equal((long)SqliteMigrations.LatestVersion, await ScalarAsync(connection, "SELECT MAX(version) FROM schema_version;"));
        Samples.AssertSameJson(idea, (await store.FindAsync(tenant, idea.Id.ToString()))!.Value);
    }

    [Fact]
    public async Task Reopening_the_file_keeps_the_data()
    {
        var tenant = Samples.NewTenant();
        var idea = Samples.DecidedIdea();
        var network = Samples.RunningNetwork(new DateOnly(2027, 3, 1));
        var ideaTag = await new SqliteIdeaStore(_file.Database).AddAsync(tenant, idea);
        await new SqliteNetworkStore(_file.Database).AddAsync(tenant, network);
        _file.Database.Dispose();

        var reopened = _file.Open();
        var found = await new SqliteIdeaStore(reopened).FindAsync(tenant, idea.Id.ToString());
        var networks = new SqliteNetworkStore(reopened);

        Assert.Equal(ideaTag, found!.ETag);
        Samples.AssertSameJson(idea, found.Value);
        Assert.Equal(network.NextDueUtc, await networks.NextDueAsync(tenant));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused()
    {
        await using (var connection = await _file.Database.OpenConnectionAsync())
        {
            await ScalarAsync(connection, "INSERT INTO schema_version (version, name, applied_utc) VALUES (9999, 'future', '2030-01-01');");
        }

        var older = _file.Open();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => older.MigrateAsync());
        Assert.Contains("9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_simultaneous_first_calls_migrate_once_and_all_succeed()
    {
        var store = new SqliteIdeaStore(_file.Database);
        var tenant = Samples.NewTenant();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.AddAsync(tenant, Samples.NewIdea()))));

        Assert.Equal(16, (await store.ListAsync(tenant)).Count);
        await using var connection = await _file.Database.OpenConnectionAsync();
        Assert.Equal((long)SqliteMigrations.All.Count, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task Two_databases_over_one_file_migrating_at_once_both_succeed()
    {
        var other = _file.Open();

        await Task.WhenAll(Task.Run(() => _file.Database.MigrateAsync()), Task.Run(() => other.MigrateAsync()));

        await using var connection = await other.OpenConnectionAsync();
        Assert.Equal((long)SqliteMigrations.All.Count, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version;"));
    }

    /// <summary>The runner's and the sender's queries read their index in order: no full scan, no sort.</summary>
    [Theory]
    [InlineData("SELECT id FROM networks WHERE tenant_id = 't' AND next_due_utc IS NOT NULL AND next_due_utc <= 'x' ORDER BY next_due_utc, id;", "ix_networks_next_due", false)]
    [InlineData("SELECT next_due_utc FROM networks WHERE tenant_id = 't' AND next_due_utc IS NOT NULL ORDER BY next_due_utc LIMIT 1;", "ix_networks_next_due", false)]
    [InlineData("SELECT document FROM outbox WHERE state = 'pending' AND next_attempt_utc <= 'x' ORDER BY next_attempt_utc, seq LIMIT 10;", "ix_outbox_due", false)]
    [InlineData("SELECT document FROM outbox WHERE tenant_id = 't' AND key = 'k' AND state = 'pending';", "sqlite_autoindex_outbox_1", false)]
    [InlineData("SELECT 1 FROM survey_invitations WHERE tenant_id = 't' AND token_hash = 'h';", "sqlite_autoindex_survey_invitations_1", false)]
    [InlineData("SELECT document, version FROM ideas WHERE tenant_id = 't' AND status = 'in-review' ORDER BY submitted_utc, id;", "ix_ideas_status", false)]
    [InlineData("DELETE FROM outbox_bodies WHERE seq = 1;", "INTEGER PRIMARY KEY", false)]
    [InlineData("SELECT d.network, n.progress, n.version, n.id FROM networks n JOIN network_documents d ON d.tenant_id = n.tenant_id AND d.network_id = n.id WHERE n.tenant_id = 't' ORDER BY n.created_utc, n.id;", "ix_networks_created", false)]
    [InlineData("SELECT plan FROM timeline_plans WHERE tenant_id = 't' AND network_id = 'x';", "sqlite_autoindex_timeline_plans_1", false)]
    // A network's own messages are few; sorting them by age is fine, scanning the outbox is not.
    [InlineData("SELECT document FROM outbox WHERE tenant_id = 't' AND key GLOB @pattern ORDER BY created_utc, seq;", "(tenant_id=? AND key>? AND key<?)", true)]
    public async Task The_hot_queries_use_an_index(string query, string expectedInPlan, bool maySort)
    {
        await using var connection = await _file.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query;
        if (query.Contains("@pattern", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("@pattern", "net-1/*"); // the prefix query binds its pattern, as the store does
        }
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        var text = string.Join(" | ", plan);
        Assert.Contains(expectedInPlan, text, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN ", text, StringComparison.Ordinal);
        if (!maySort)
        {
            Assert.DoesNotContain("USE TEMP B-TREE", text, StringComparison.Ordinal);
        }
    }
}
