using System.Text.RegularExpressions;
using Netvaerk.Domain.Common;

namespace Netvaerk.Domain.Participants;

/// <summary>
/// A simple, sensible e-mail check: one "@", no spaces, a non-empty local part and a domain of at least two
/// non-empty labels ("albertslund.dk"). It does not try to implement RFC 5322; the mail provider has the final say.
/// </summary>
public static partial class EmailAddress
{
    private const int MaxLength = 254;

    /// <summary>Whether <paramref name="value"/> (trimmed) looks like an e-mail address.</summary>
    public static bool IsValid(string? value)
    {
        var trimmed = value?.Trim();
        return !string.IsNullOrEmpty(trimmed) && trimmed.Length <= MaxLength && Pattern().IsMatch(trimmed);
    }

    /// <summary>The trimmed address, or a <see cref="DomainException"/> ("invalid-email") when it is not valid.</summary>
    public static string Require(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException("email-required", "E-mailadressen skal udfyldes.");
        }

        if (!IsValid(value))
        {
            throw new DomainException("invalid-email", $"»{value.Trim()}« er ikke en gyldig e-mailadresse.");
        }

        return value.Trim();
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
