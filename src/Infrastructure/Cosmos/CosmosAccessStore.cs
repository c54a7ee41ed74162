using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>
/// Staff users, sign-in links and sessions in <c>access</c>: a document per user (<c>user:{email}</c>), one per address
/// holding its sign-in tokens (<c>sign-in:{email}</c>, so "only the newest link works" and "a link works once" are each
/// one atomic replace), one per token hash pointing to its address (<c>token:{hash}</c>), and one per session
/// (<c>session:{hash}</c>). Only hashes of tokens and sessions are stored.
/// </summary>
public sealed class CosmosAccessStore(CosmosDatabase database) : IAccessStore
{
    /// <summary>Used links kept per address (they record sign-ins); older ones go.</summary>
    private const int UsedTokensKept = 20;

    private readonly CosmosCollection _access = new(database, "access");

    public async Task<StaffUser?> FindUserAsync(string tenantId, string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(email);
        return (await _access.ReadAsync(tenantId, UserId(email), cancellationToken))?.Body<StaffUser>();
    }

    public async Task<IReadOnlyList<StaffUser>> ListUsersAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var documents = await _access.QueryAsync(tenantId, "c.docType = 'user'", null, cancellationToken);
        return documents.Select(d => d.Body<StaffUser>()).OrderBy(u => u.Email, StringComparer.Ordinal).ToList();
    }

    public async Task UpsertUserAsync(string tenantId, StaffUser user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Email);
        var stored = user with { Email = CosmosValues.EmailKey(user.Email) };
        await _access.UpsertAsync(tenantId, CosmosValues.Document(UserId(stored.Email), tenantId, stored, w => w.WriteString("docType", "user")),
            cancellationToken);
    }

    public async Task AddSignInTokenAsync(string tenantId, SignInToken token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(token.TokenHash);
        var email = CosmosValues.EmailKey(token.Email);
        var pointer = CosmosValues.Document(CosmosValues.Id("token", token.TokenHash), tenantId, email, w => w.WriteString("docType", "token"));
        if (await _access.CreateAsync(tenantId, pointer, cancellationToken) is null)
        {
            throw new InvalidOperationException("A sign-in token with this hash exists.");
        }

        // Older unused links go in the same write that adds the new one, so only the newest works.
        await ChangeTokensAsync(tenantId, email, tokens =>
            [.. tokens.Where(t => t.UsedAt is not null).TakeLast(UsedTokensKept), token with { Email = email }], cancellationToken);
    }

    public async Task<SignInToken?> ConsumeSignInTokenAsync(string tenantId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(tokenHash);
        if (await _access.ReadAsync(tenantId, CosmosValues.Id("token", tokenHash), cancellationToken) is not { } pointer) return null;

        SignInToken? consumed = null;
        await ChangeTokensAsync(tenantId, pointer.Body<string>(), tokens =>
        {
            consumed = null;
            var index = tokens.FindIndex(t => t.TokenHash == tokenHash);
            if (index < 0 || tokens[index].UsedAt is not null || tokens[index].ExpiresAt <= now) return null;
            consumed = tokens[index] with { UsedAt = now };
            tokens[index] = consumed;
            return tokens;
        }, cancellationToken);
        return consumed;
    }

    public async Task AddSessionAsync(string tenantId, StaffSession session, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(session.SessionHash);
        if (await _access.CreateAsync(tenantId, SessionDocument(tenantId, session with { Email = CosmosValues.EmailKey(session.Email) }), cancellationToken) is null)
        {
            throw new InvalidOperationException("A session with this hash exists.");
        }
    }

    public async Task<StaffSession?> FindSessionAsync(string tenantId, string sessionHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(sessionHash);
        return (await _access.ReadAsync(tenantId, SessionId(sessionHash), cancellationToken))?.Body<StaffSession>();
    }

    public async Task RevokeSessionAsync(string tenantId, string sessionHash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(sessionHash);
        await RevokeAsync(tenantId, sessionHash, at, cancellationToken);
    }

    public async Task RevokeSessionsAsync(string tenantId, string email, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(email);
        var open = await _access.QueryAsync(tenantId, "c.docType = 'session' AND c.email = @email AND c.revoked = false",
            new Dictionary<string, object?> { ["@email"] = CosmosValues.EmailKey(email) }, cancellationToken);
        foreach (var session in open)
        {
            await RevokeAsync(tenantId, session.Body<StaffSession>().SessionHash, at, cancellationToken);
        }
    }

    private async Task RevokeAsync(string tenantId, string sessionHash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await _access.ReadAsync(tenantId, SessionId(sessionHash), cancellationToken) is not { } document) return;
            var session = document.Body<StaffSession>();
            if (session.RevokedAt is not null) return;
            try
            {
                await _access.ReplaceAsync(tenantId, SessionId(sessionHash), SessionDocument(tenantId, session with { RevokedAt = at }), document.ETag,
                    cancellationToken);
                return;
            }
            catch (ConcurrencyException) when (attempt < 10)
            {
            }
        }
    }

    /// <summary>Reads the address's tokens and replaces them with what <paramref name="change"/> makes of them (null: nothing), under the ETag.</summary>
    private Task ChangeTokensAsync(string tenantId, string email, Func<List<SignInToken>, List<SignInToken>?> change, CancellationToken cancellationToken) =>
        _access.UpdateAsync<List<SignInToken>>(tenantId, CosmosValues.Id("sign-in", email), tokens => change(tokens ?? []),
            w => w.WriteString("docType", "sign-in"), cancellationToken);

    private static byte[] SessionDocument(string tenantId, StaffSession session) =>
        CosmosValues.Document(SessionId(session.SessionHash), tenantId, session, w =>
        {
            w.WriteString("docType", "session");
            w.WriteString("email", session.Email);
            w.WriteBoolean("revoked", session.RevokedAt is not null);
        });

    private static string UserId(string email) => CosmosValues.Id("user", CosmosValues.EmailKey(email));

    private static string SessionId(string sessionHash) => CosmosValues.Id("session", sessionHash);
}
