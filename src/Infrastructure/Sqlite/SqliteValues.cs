using System.Globalization;
using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>Conversions between domain values and what the columns hold.</summary>
internal static class SqliteValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz";

    /// <summary>
    /// An instant as fixed-width UTC ISO-8601 text (<c>2027-03-01T07:00:00.0000000+00:00</c>), so text order is time
    /// order. Only for columns SQL compares; documents keep the original offset.
    /// </summary>
    public static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static object InstantOrNull(DateTimeOffset? value) => value is { } instant ? Instant(instant) : DBNull.Value;

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTimeOffset? ParseInstantOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseInstant(reader.GetString(ordinal));

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The canonical text of a Guid id (lower case, with hyphens), or null when the text is not a Guid.</summary>
    public static string? GuidKey(string id) => Guid.TryParse(id, out var guid) ? Key(guid) : null;

    public static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>E-mail addresses compare case-insensitively and without surrounding blanks.</summary>
    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The row version a token names, or -1 (which matches no row) when it is not a token from this store.</summary>
    public static long ParseETag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;

    public static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A JSON column parsed from its UTF-8 bytes, which is how SQLite keeps the text: no string of the whole document
    /// on the way (the outbox's ~4 KB bodies, networks, lists the digests read whole).
    /// </summary>
    public static T Json<T>(this SqliteDataReader reader, int ordinal) =>
        TimelineJson.Deserialize<T>(reader.GetFieldValue<byte[]>(ordinal));

    public static void RequireTenant(string tenantId) => ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);

    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Runs the query and turns every row into a value with <paramref name="read"/>.</summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        this SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
