using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// The database file and how to talk to it. Every store operation opens its own connection (pooled by
/// Microsoft.Data.Sqlite) and closes it again, so the stores are safe to use from many threads at once.
/// The schema is migrated once per instance, before the first connection is handed out.
/// </summary>
/// <remarks>
/// Each connection gets <c>busy_timeout = 5000</c> (wait for a writer instead of failing), <c>foreign_keys = ON</c>
/// and <c>synchronous = NORMAL</c>, the recommended setting with WAL: a commit survives an application crash, and
/// a power loss can lose only the last commits, never corrupt the file. <c>journal_mode = WAL</c> is stored in
/// the file itself and is set when the schema is migrated.
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    // A large WAL between checkpoints lets a row rewritten several times (a network per step, the outbox) reach the
    // database file once; the year benchmark wrote ~10% less with it (docs/benchmarks.md). The checkpoints themselves
    // run beside the writers (CheckpointEvery); the automatic one, inside whichever commit crosses the line, is only the
    // backstop: copying 64 MiB there held that request and every writer behind it for ~100 ms.
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 65536;";

    /// <summary>
    /// The page size of a database this build creates (SQLite's default is 4096). Most of what a step writes is a page
    /// here and a page there — a network's row, an index entry under a random key — and the WAL and the checkpoints copy
    /// whole pages, so the bytes written per e-mail follow the page size; the rows that arrive in order (the outbox,
    /// its bodies) cost the same either way. With the outbox's compact envelopes (~400 B a row, two to a page) 1024
    /// wrote a third less per e-mail in the year benchmark than 4096, for a smaller database (docs/decisions/012).
    /// A database created before keeps its size.
    /// </summary>
    public const int PageSize = 1024;

    /// <summary>Every this many write transactions, a passive checkpoint runs on a connection of its own.</summary>
    private const int CheckpointEvery = 2048;

    // The pool hands back the same native connection again and again; its settings stay with it, so they are set once
    // per native connection rather than at every open (1.4 s of the year benchmark went to repeating them).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> s_configured = [];

    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _migrated;
    private long _writes;
    private int _checkpointing;

    public SqliteDatabase(SqliteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        FilePath = Path.GetFullPath(options.Path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Creates the folder and file if needed, turns on WAL and applies every migration the file lacks, in one
    /// transaction. Runs once per instance; later calls return at once. Safe to call concurrently.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            if (Path.GetDirectoryName(FilePath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenUncheckedAsync(cancellationToken);
            await SqliteMigrations.ApplyAsync(connection, cancellationToken);
            _migrated = true;
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    /// <summary>An open connection to a migrated database. The caller disposes it (which returns it to the pool).</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        return await OpenUncheckedAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one immediate (write-locking) transaction and commits it; an exception rolls it
    /// back. Writers of this process take turns on a gate first: SQLite's own busy handler sleeps in steps of 1 ms and
    /// more, far longer than a write here takes, so waiting on it cost the runner more than the writes themselves.
    /// Other processes still meet <c>busy_timeout</c>.
    /// </summary>
    public async Task<T> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (Interlocked.Increment(ref _writes) % CheckpointEvery == 0) StartCheckpoint();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Copies the WAL into the database file beside the writers: a passive checkpoint waits for no one and no writer
    /// waits for it (readers and writers go on in the WAL meanwhile). One at a time; a failure is left to the next one
    /// and to the automatic checkpoint.
    /// </summary>
    private void StartCheckpoint()
    {
        if (Interlocked.Exchange(ref _checkpointing, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = await OpenUncheckedAsync(CancellationToken.None);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException)
            {
                // The next checkpoint, or SQLite's automatic one, does the work.
            }
            finally
            {
                Volatile.Write(ref _checkpointing, 0);
            }
        });
    }

    /// <summary>One statement as a <see cref="WriteAsync{T}"/> of its own; returns how many rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, Func<SqliteCommand, SqliteCommand> bind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = bind(connection.Command(sql, transaction));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Closes the pooled connections to the file (e.g. at shutdown, or before deleting it).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
        _migrationLock.Dispose();
        _writeGate.Dispose();
    }

    private async Task<SqliteConnection> OpenUncheckedAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && !s_configured.TryGetValue(handle, out _))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = ConnectionPragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                s_configured.AddOrUpdate(handle, s_configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
