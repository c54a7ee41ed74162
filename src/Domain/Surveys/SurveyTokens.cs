using System.Security.Cryptography;
using System.Text;

namespace Netvaerk.Domain.Surveys;

/// <summary>
/// The personal survey link's token. The host generates it (128 random bits or more from
/// <c>RandomNumberGenerator</c>, base64url without padding); only its hash is stored (<c>SurveyInvitation.TokenHash</c>),
/// so a leaked store does not reveal working links. The token is random enough that a plain SHA-256 needs no salt.
/// </summary>
public static class SurveyTokens
{
    /// <summary>22 base64url characters carry 128 bits.</summary>
    public const int MinLength = 22;

    /// <summary>Far beyond any generated token; stops arbitrary input from being hashed.</summary>
    public const int MaxLength = 256;

    /// <summary>The SHA-256 of the token's UTF-8 bytes as lower-case hex (64 characters).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>
    /// Whether the text can be a token: base64url characters only (A–Z, a–z, 0–9, '-', '_', no padding), at least
    /// <see cref="MinLength"/> and at most <see cref="MaxLength"/> characters. Checked before a link is looked up.
    /// </summary>
    public static bool IsWellFormed(string? token)
    {
        if (token is null || token.Length is < MinLength or > MaxLength) return false;
        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }

        return true;
    }
}
