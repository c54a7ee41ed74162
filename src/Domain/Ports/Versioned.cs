namespace Netvaerk.Domain.Ports;

/// <summary>
/// A stored value with the concurrency token it was read with (SQLite row version, Cosmos ETag). An update must
/// present the token it read; if someone else wrote in between, the store refuses with <see cref="ConcurrencyException"/>.
/// </summary>
public sealed record Versioned<T>(T Value, string ETag);

/// <summary>A stale update was refused: the stored value changed after it was read.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException() : base("Data er ændret af en anden i mellemtiden. Hent dem igen, og prøv på ny.") { }

    public ConcurrencyException(string message) : base(message) { }

    public ConcurrencyException(string message, Exception innerException) : base(message, innerException) { }
}
