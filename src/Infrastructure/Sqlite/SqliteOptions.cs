namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>Where the single-machine database lives. Bound from the <c>Sqlite</c> configuration section.</summary>
public sealed class SqliteOptions
{
    public const string SectionName = "Sqlite";

    public const string DefaultPath = "data/netvaerk.db";

    /// <summary>The database file; a relative path is resolved against the current directory. Its folder is created.</summary>
    public string Path { get; set; } = DefaultPath;
}
