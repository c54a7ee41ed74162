using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// One hash over the whole mailbox — every file's name and bytes, in name order — so two runs (or two builds) can be
/// compared byte for byte. Survey links carry random tokens (unguessable by design, drawn while networks run in
/// parallel), so each token is replaced by the same placeholder first, read with quoted-printable's soft line breaks
/// taken out (one may fall inside the token or even inside "svar/"); a token has a fixed length, so nothing else moves.
/// </summary>
internal static partial class Fingerprint
{
    public static string Of(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(file)).Replace("=\r\n", "", StringComparison.Ordinal);
            hash.AppendData(Encoding.Latin1.GetBytes(SurveyToken().Replace(text, "svar/<token>")));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // 43 URL-safe Base64 characters (32 random bytes).
    [GeneratedRegex("svar/[A-Za-z0-9_-]{43}", RegexOptions.CultureInvariant)]
    private static partial Regex SurveyToken();
}
