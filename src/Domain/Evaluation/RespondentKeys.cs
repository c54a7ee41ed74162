using System.Security.Cryptography;
using System.Text;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Evaluation;

/// <summary>Who answered, as coarse as a breakdown needs: an employee, a citizen, or anyone else.</summary>
public enum RespondentGroup
{
    Employee,
    Citizen,
    Other,
}

/// <summary>
/// The pseudonymous respondent key: HMAC-SHA256 under the installation's secret of the network and the person's
/// e-mail. The same person answering two surveys of one network gets the same key (so before/after is paired per
/// person); another network gives another key, and without the secret nobody — not even with the database and
/// the participant list — can tell whose key it is.
/// </summary>
public sealed class RespondentKeys
{
    /// <summary>256 bits, HMAC-SHA256's block-size-worth of key.</summary>
    public const int MinSecretBytes = 32;

    private readonly byte[] _secret;

    public RespondentKeys(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinSecretBytes)
        {
            throw new ArgumentException($"The respondent-key secret must be at least {MinSecretBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>32 lower-case hex characters (128 bits: collisions are out of the question within a network).</summary>
    public string For(string networkId, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var message = Encoding.UTF8.GetBytes(networkId + "\n" + email.Trim().ToLowerInvariant());
        return Convert.ToHexStringLower(HMACSHA256.HashData(_secret, message).AsSpan(0, 16));
    }

    public static RespondentGroup GroupOf(ParticipantKind? kind) => kind switch
    {
        ParticipantKind.Employee => RespondentGroup.Employee,
        ParticipantKind.Citizen => RespondentGroup.Citizen,
        _ => RespondentGroup.Other,
    };

    public static string DanishName(RespondentGroup group) => group switch
    {
        RespondentGroup.Employee => "Medarbejdere",
        RespondentGroup.Citizen => "Borgere",
        _ => "Andre deltagere",
    };
}
