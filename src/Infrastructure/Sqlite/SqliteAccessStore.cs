using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// Staff users (JSON documents keyed by lower-case e-mail), single-use sign-in tokens and sessions (only their hashes).
/// A user's e-mail is stored trimmed and in lower case, and found case-insensitively. Adding a token whose hash
/// exists throws <see cref="InvalidOperationException"/>. Token instants come back in UTC.
/// </summary>
public sealed class SqliteAccessStore(SqliteDatabase database) : IAccessStore
{
    public async Task<StaffUser?> FindUserAsync(string tenantId, string email, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(email);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT document FROM staff_users WHERE tenant_id = @tenant AND email = @email;")
            .With("@tenant", tenantId).With("@email", SqliteValues.EmailKey(email));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? TimelineJson.Deserialize<StaffUser>(json) : null;
    }

    public async Task<IReadOnlyList<StaffUser>> ListUsersAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT document FROM staff_users WHERE tenant_id = @tenant ORDER BY email;")
            .With("@tenant", tenantId);
        return await command.ReadAllAsync(reader => reader.Json<StaffUser>(0), cancellationToken);
    }

    public async Task UpsertUserAsync(string tenantId, StaffUser user, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Email);
        var stored = user with { Email = SqliteValues.EmailKey(user.Email) };
        var document = TimelineJson.Serialize(stored);
        await database.ExecuteAsync("""
            INSERT INTO staff_users (tenant_id, email, document) VALUES (@tenant, @email, @document)
            ON CONFLICT (tenant_id, email) DO UPDATE SET document = excluded.document;
            """, command => command.With("@tenant", tenantId).With("@email", stored.Email).With("@document", document), cancellationToken);
    }

    public async Task AddSignInTokenAsync(string tenantId, SignInToken token, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(token.TokenHash);
        var email = SqliteValues.EmailKey(token.Email);
        var added = await database.WriteAsync(async (connection, transaction, ct) =>
        {
            // Older unused links go, so only the newest one works (a used one stays: it records a sign-in).
            await using var voidOlder = connection.Command("""
                DELETE FROM sign_in_tokens WHERE tenant_id = @tenant AND email = @email AND used_utc IS NULL AND token_hash <> @token;
                """, transaction)
                .With("@tenant", tenantId).With("@email", email).With("@token", token.TokenHash);
            await voidOlder.ExecuteNonQueryAsync(ct);
            await using var insert = connection.Command("""
                INSERT INTO sign_in_tokens (tenant_id, token_hash, email, expires_utc, used_utc)
                VALUES (@tenant, @token, @email, @expires, @used)
                ON CONFLICT (tenant_id, token_hash) DO NOTHING;
                """, transaction)
                .With("@tenant", tenantId)
                .With("@token", token.TokenHash)
                .With("@email", email)
                .With("@expires", SqliteValues.Instant(token.ExpiresAt))
                .With("@used", SqliteValues.InstantOrNull(token.UsedAt));
            return await insert.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        if (added == 0)
        {
            throw new InvalidOperationException($"A sign-in token with that hash already exists in tenant {tenantId}.");
        }
    }

    public async Task AddSessionAsync(string tenantId, StaffSession session, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(session.SessionHash);
        await database.ExecuteAsync("""
            INSERT INTO staff_sessions (tenant_id, session_hash, email, created_utc, expires_utc, revoked_utc)
            VALUES (@tenant, @hash, @email, @created, @expires, @revoked);
            """, command => command
                .With("@tenant", tenantId)
                .With("@hash", session.SessionHash)
                .With("@email", SqliteValues.EmailKey(session.Email))
                .With("@created", SqliteValues.Instant(session.CreatedAt))
                .With("@expires", SqliteValues.Instant(session.ExpiresAt))
                .With("@revoked", SqliteValues.InstantOrNull(session.RevokedAt)), cancellationToken);
    }

    public async Task<StaffSession?> FindSessionAsync(string tenantId, string sessionHash, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(sessionHash);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT session_hash, email, created_utc, expires_utc, revoked_utc FROM staff_sessions
            WHERE tenant_id = @tenant AND session_hash = @hash;
            """).With("@tenant", tenantId).With("@hash", sessionHash);
        var found = await command.ReadAllAsync(reader => new StaffSession(reader.GetString(0), reader.GetString(1),
            SqliteValues.ParseInstant(reader.GetString(2)), SqliteValues.ParseInstant(reader.GetString(3)),
            SqliteValues.ParseInstantOrNull(reader, 4)), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task RevokeSessionAsync(string tenantId, string sessionHash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(sessionHash);
        return database.ExecuteAsync("""
            UPDATE staff_sessions SET revoked_utc = @at WHERE tenant_id = @tenant AND session_hash = @hash AND revoked_utc IS NULL;
            """, command => command.With("@tenant", tenantId).With("@hash", sessionHash).With("@at", SqliteValues.Instant(at)), cancellationToken);
    }

    public Task RevokeSessionsAsync(string tenantId, string email, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(email);
        return database.ExecuteAsync("""
            UPDATE staff_sessions SET revoked_utc = @at WHERE tenant_id = @tenant AND email = @email AND revoked_utc IS NULL;
            """, command => command.With("@tenant", tenantId).With("@email", SqliteValues.EmailKey(email)).With("@at", SqliteValues.Instant(at)),
            cancellationToken);
    }

    public async Task<SignInToken?> ConsumeSignInTokenAsync(string tenantId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(tokenHash);
        return await database.WriteAsync(async (connection, transaction, ct) =>
        {
            // One statement, so two requests with the same link cannot both get it.
            await using var command = connection.Command("""
                UPDATE sign_in_tokens SET used_utc = @now
                WHERE tenant_id = @tenant AND token_hash = @token AND used_utc IS NULL AND expires_utc > @now
                RETURNING token_hash, email, expires_utc, used_utc;
                """, transaction)
                .With("@tenant", tenantId)
                .With("@token", tokenHash)
                .With("@now", SqliteValues.Instant(now));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? ReadToken(reader) : null;
        }, cancellationToken);
    }

    private static SignInToken ReadToken(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        SqliteValues.ParseInstant(reader.GetString(2)),
        SqliteValues.ParseInstantOrNull(reader, 3));
}
