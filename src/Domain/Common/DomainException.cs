namespace Netvaerk.Domain.Common;

/// <summary>
/// A rule of the domain was broken (an illegal transition, an impossible change). The message is Danish,
/// because it is shown to the user as it is; <see cref="Code"/> is a stable English key for APIs and tests.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message) => Code = code;

    public DomainException() : base("Ugyldig handling.") => Code = "invalid";

    public DomainException(string message) : base(message) => Code = "invalid";

    public DomainException(string message, Exception innerException) : base(message, innerException) => Code = "invalid";

    public string Code { get; }
}
