namespace Netvaerk.Domain.Common;

/// <summary>The thing asked for does not exist (in this tenant). The message is Danish.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException() : base("Findes ikke.") { }

    public NotFoundException(string message) : base(message) { }

    public NotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
