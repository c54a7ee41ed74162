using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// Ideas as JSON documents with a row version. <see cref="AddAsync"/> of an id that exists throws
/// <see cref="InvalidOperationException"/>; <see cref="ReplaceAsync"/> with a stale token throws
/// <see cref="ConcurrencyException"/> and of an unknown id <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class SqliteIdeaStore(SqliteDatabase database) : IIdeaStore
{
    public async Task<Versioned<Idea>?> FindAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(ideaId);
        if (SqliteValues.GuidKey(ideaId) is not { } id)
        {
            return null;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT document, version FROM ideas WHERE tenant_id = @tenant AND id = @id;")
            .With("@tenant", tenantId).With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Versioned<Idea>>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT document, version FROM ideas WHERE tenant_id = @tenant ORDER BY submitted_utc, id;").With("@tenant", tenantId);
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<IReadOnlyList<Versioned<Idea>>> ListByStatusAsync(string tenantId, IdeaStatus status, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT document, version FROM ideas WHERE tenant_id = @tenant AND status = @status ORDER BY submitted_utc, id;")
            .With("@tenant", tenantId).With("@status", TimelineJson.WireName(status));
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<string> AddAsync(string tenantId, Idea idea, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(idea);
        var document = TimelineJson.Serialize(idea);
        var added = await database.ExecuteAsync("""
            INSERT INTO ideas (tenant_id, id, version, submitted_utc, document)
            VALUES (@tenant, @id, 1, @submitted, @document)
            ON CONFLICT (tenant_id, id) DO NOTHING;
            """, command => command
                .With("@tenant", tenantId)
                .With("@id", SqliteValues.Key(idea.Id))
                .With("@submitted", SqliteValues.Instant(idea.SubmittedAt))
                .With("@document", document), cancellationToken);
        return added == 1 ? SqliteValues.ETag(1) : throw new InvalidOperationException($"Idea {idea.Id} already exists in tenant {tenantId}.");
    }

    public async Task<string> ReplaceAsync(string tenantId, Idea idea, string etag, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(idea);
        ArgumentNullException.ThrowIfNull(etag);
        var id = SqliteValues.Key(idea.Id);
        var version = SqliteValues.ParseETag(etag);
        var document = TimelineJson.Serialize(idea);
        return await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command("""
                UPDATE ideas SET version = version + 1, submitted_utc = @submitted, document = @document
                WHERE tenant_id = @tenant AND id = @id AND version = @version;
                """, transaction)
                .With("@tenant", tenantId)
                .With("@id", id)
                .With("@version", version)
                .With("@submitted", SqliteValues.Instant(idea.SubmittedAt))
                .With("@document", document);
            if (await command.ExecuteNonQueryAsync(ct) == 1)
            {
                return SqliteValues.ETag(version + 1);
            }

            await using var exists = connection.Command("SELECT 1 FROM ideas WHERE tenant_id = @tenant AND id = @id;", transaction)
                .With("@tenant", tenantId).With("@id", id);
            throw await exists.ExecuteScalarAsync(ct) is null
                ? new InvalidOperationException($"Idea {idea.Id} does not exist in tenant {tenantId}; add it first.")
                : new ConcurrencyException();
        }, cancellationToken);
    }

    private static Versioned<Idea> Read(Microsoft.Data.Sqlite.SqliteDataReader reader) =>
        new(reader.Json<Idea>(0), SqliteValues.ETag(reader.GetInt64(1)));
}
