using System.Text.RegularExpressions;
using Netvaerk.Domain.Common;

namespace Netvaerk.Domain.Participants;

/// <summary>
/// The addresses the system accepts anywhere: what the mail headers (MIME), the calendar invitations (mailto: in
/// ATTENDEE) and the outbox keys can all carry without quoting. The local part is a dot-atom of letters (æ, ø, å
/// included: international mail, RFC 6531), digits and
/// <c>. _ + ' -</c> (no dot first, last or twice), at most 64 characters — not <c>%</c>, which a <c>mailto:</c> URI reads as
/// the start of an escape; the domain is two or more labels of letters
/// (æ, ø, å included), digits and inner hyphens, ending in a top-level domain of letters. So <c>a,b@…</c> (two
/// addresses to a mail client) and <c>x&lt;y&gt;@…</c> (markup in a header) are refused at the edge instead of failing at
/// delivery. The Infrastructure tests check that every accepted address survives MimeKit and the calendar.
/// </summary>
public static partial class EmailAddress
{
    private const int MaxLength = 254;
    private const int MaxLocalLength = 64;

    /// <summary>Whether <paramref name="value"/> (trimmed) looks like an e-mail address.</summary>
    public static bool IsValid(string? value)
    {
        var trimmed = value?.Trim();
        return !string.IsNullOrEmpty(trimmed) && trimmed.Length <= MaxLength && trimmed.IndexOf('@', StringComparison.Ordinal) <= MaxLocalLength
            && Pattern().IsMatch(trimmed);
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

    /// <summary>
    /// The looser rule of earlier versions (one "@", no spaces, a dotted domain), for rebuilding people already stored:
    /// a record written before the strict rule must stay readable — its address is then refused where it would be used
    /// (a step names the recipient as failed instead), never by making the whole network unreadable.
    /// </summary>
    public static string RequirePlausible(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException("email-required", "E-mailadressen skal udfyldes.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > MaxLength || !Plausible().IsMatch(trimmed))
        {
            throw new DomainException("invalid-email", $"»{trimmed}« er ikke en gyldig e-mailadresse.");
        }

        return trimmed;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Plausible();

    [GeneratedRegex(@"^[\p{L}\p{N}_+'-]+(\.[\p{L}\p{N}_+'-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
