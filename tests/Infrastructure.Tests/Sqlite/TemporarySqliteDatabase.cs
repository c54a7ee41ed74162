using Netvaerk.Infrastructure.Sqlite;

namespace Netvaerk.Infrastructure.Tests.Sqlite;

/// <summary>A database file of its own in the temp folder, deleted (with its WAL files) on dispose.</summary>
public sealed class TemporarySqliteDatabase : IDisposable
{
    private readonly List<SqliteDatabase> _opened = [];

    public TemporarySqliteDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "netvaerk-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "netvaerk.db");
        Database = Open();
    }

    /// <summary>The folder the file lives in; it does not exist until the database is first used.</summary>
    public string Folder { get; }

    public string FilePath { get; }

    public SqliteDatabase Database { get; }

    /// <summary>Another <see cref="SqliteDatabase"/> over the same file, as after a restart.</summary>
    public SqliteDatabase Open()
    {
        var database = new SqliteDatabase(new SqliteOptions { Path = FilePath });
        _opened.Add(database);
        return database;
    }

    public void Dispose()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
