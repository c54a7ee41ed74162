using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// Staff users (JSON documents keyed by lower-case e-mail) and single-use sign-in tokens (only their hashes).
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
        return await command.ReadAllAsync(reader => TimelineJson.Deserialize<StaffUser>(reader.GetString(0)), cancellationToken);
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
        var added = await database.ExecuteAsync("""
            INSERT INTO sign_in_tokens (tenant_id, token_hash, email, expires_utc, used_utc)
            VALUES (@tenant, @token, @email, @expires, @used)
            ON CONFLICT (tenant_id, token_hash) DO NOTHING;
            """, command => command
                .With("@tenant", tenantId)
                .With("@token", token.TokenHash)
                .With("@email", token.Email)
                .With("@expires", SqliteValues.Instant(token.ExpiresAt))
                .With("@used", SqliteValues.InstantOrNull(token.UsedAt)), cancellationToken);
        if (added == 0)
        {
            throw new InvalidOperationException($"A sign-in token with that hash already exists in tenant {tenantId}.");
        }
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
