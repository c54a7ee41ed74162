using System.Security.Cryptography;

namespace Netvaerk.Local;

/// <summary>
/// Secrets the embedded host keeps beside its database, so that a newcomer's first run needs no configuration and
/// later runs keep pairing survey answers: the file is made once and read ever after.
/// </summary>
internal static class LocalSecrets
{
    public const string RespondentKeyFile = "respondent-key.secret";

    /// <summary>The base64 secret in <paramref name="folder"/>, made (32 random bytes, owner-only) on first use.</summary>
    public static string ReadOrCreate(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(folder);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var writer = new StreamWriter(path, options);
            writer.Write(secret);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim(); // another process made it first
        }
    }
}
