using System.Security.Cryptography;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Infrastructure.Security;

/// <summary>256 random bits from the OS's CSPRNG, base64url without padding (43 characters).</summary>
public sealed class RandomSecretGenerator : ISecretGenerator
{
    public string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
