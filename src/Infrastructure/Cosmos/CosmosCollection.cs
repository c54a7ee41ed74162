using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>
/// One container seen through the operations the stores need, each inside one tenant's partition: point reads and
/// writes by id (with ETags), and queries whose WHERE names <c>c.tenantId</c> (so they stay in the partition, and so a
/// server that ignores the partition in the request options still answers right).
/// </summary>
internal sealed class CosmosCollection(CosmosDatabase database, string name)
{
    private readonly Container _container = database.Container(name);

    /// <summary>The document, or null when there is none (404).</summary>
    public async Task<StoredDocument?> ReadAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        using var response = await database.SendAsync($"read {name}",
            ct => _container.ReadItemStreamAsync(id, new PartitionKey(tenantId), cancellationToken: ct), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return new StoredDocument(await ParseAsync(response, cancellationToken), response.Headers.ETag);
    }

    /// <summary>Creates the document; returns its ETag, or null when one with its id exists (409).</summary>
    public async Task<string?> CreateAsync(string tenantId, byte[] document, CancellationToken cancellationToken)
    {
        using var response = await database.SendAsync($"create in {name}",
            ct => _container.CreateItemStreamAsync(new MemoryStream(document, writable: false), new PartitionKey(tenantId), cancellationToken: ct),
            cancellationToken, idempotent: false);
        if (response.StatusCode == HttpStatusCode.Conflict) return null;
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag;
    }

    /// <summary>
    /// Replaces the document if it still has <paramref name="etag"/>; returns the new ETag. A changed document (412)
    /// throws <see cref="ConcurrencyException"/>, a missing one (404) <see cref="InvalidOperationException"/>.
    /// </summary>
    public async Task<string> ReplaceAsync(string tenantId, string id, byte[] document, string etag, CancellationToken cancellationToken)
    {
        using var response = await database.SendAsync($"replace in {name}",
            ct => _container.ReplaceItemStreamAsync(new MemoryStream(document, writable: false), id, new PartitionKey(tenantId),
                new ItemRequestOptions { IfMatchEtag = etag }, ct), cancellationToken, idempotent: false);
        if (response.StatusCode == HttpStatusCode.PreconditionFailed) throw new ConcurrencyException();
        if (response.StatusCode == HttpStatusCode.NotFound) throw new InvalidOperationException($"There is no {name} document {id} in tenant {tenantId}.");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag;
    }

    /// <summary>Creates or overwrites the document; returns its ETag.</summary>
    public async Task<string> UpsertAsync(string tenantId, byte[] document, CancellationToken cancellationToken)
    {
        using var response = await database.SendAsync($"upsert in {name}",
            ct => _container.UpsertItemStreamAsync(new MemoryStream(document, writable: false), new PartitionKey(tenantId), cancellationToken: ct),
            cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag;
    }

    /// <summary>Deletes the document (if it still has <paramref name="etag"/>, when given); false when there is none.</summary>
    public async Task<bool> DeleteAsync(string tenantId, string id, string? etag, CancellationToken cancellationToken)
    {
        using var response = await database.SendAsync($"delete in {name}",
            ct => _container.DeleteItemStreamAsync(id, new PartitionKey(tenantId),
                etag is null ? null : new ItemRequestOptions { IfMatchEtag = etag }, ct), cancellationToken, idempotent: etag is null);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (response.StatusCode == HttpStatusCode.PreconditionFailed) throw new ConcurrencyException();
        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>
    /// Reads the document's body (null when there is none), lets <paramref name="change"/> decide what it becomes (null:
    /// nothing), and writes that back — created when absent, replaced under the ETag it read. A conflict (someone wrote
    /// in between) reads again and decides again; after <paramref name="attempts"/> conflicts it gives up with
    /// <see cref="ConcurrencyException"/>. This is how a store makes one document's read-modify-write atomic.
    /// </summary>
    public async Task UpdateAsync<T>(
        string tenantId, string id, Func<T?, T?> change, Action<Utf8JsonWriter> envelope, CancellationToken cancellationToken, int attempts = 50)
        where T : class
    {
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var document = await ReadAsync(tenantId, id, cancellationToken);
            if (change(document?.Body<T>()) is not { } changed) return;
            var replacement = CosmosValues.Document(id, tenantId, changed, envelope);
            try
            {
                if (document is null)
                {
                    if (await CreateAsync(tenantId, replacement, cancellationToken) is not null) return;
                }
                else
                {
                    await ReplaceAsync(tenantId, id, replacement, document.ETag, cancellationToken);
                    return;
                }
            }
            catch (ConcurrencyException)
            {
                // Changed between our read and write: decide again on what is there now.
            }
        }

        throw new ConcurrencyException();
    }

    /// <summary>
    /// The documents of the tenant matching <paramref name="where"/> (an expression over <c>c</c>; <c>@tenant</c> is
    /// bound), every page. No ORDER BY: callers sort, as the result is small and a cross-page ORDER BY needs the query
    /// plan that a local server lacks.
    /// </summary>
    public async Task<List<StoredDocument>> QueryAsync(
        string tenantId, string where, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken, string select = "*")
    {
        var query = new QueryDefinition($"SELECT {select} FROM c WHERE c.tenantId = @tenant AND ({where})").WithParameter("@tenant", tenantId);
        foreach (var (key, value) in parameters ?? new Dictionary<string, object?>())
        {
            query = query.WithParameter(key, value);
        }

        var results = new List<StoredDocument>();
        using var iterator = _container.GetItemQueryStreamIterator(query,
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(tenantId) });
        while (iterator.HasMoreResults)
        {
            // A failed page leaves the iterator where it was, so a retry reads the same page again.
            using var page = await database.SendAsync($"query {name}", iterator.ReadNextAsync, cancellationToken);
            page.EnsureSuccessStatusCode();
            var root = await ParseAsync(page, cancellationToken);
            foreach (var document in root.GetProperty("Documents").EnumerateArray())
            {
                results.Add(new StoredDocument(document, document.TryGetProperty("_etag", out var etag) ? etag.GetString() ?? "" : ""));
            }
        }

        return results;
    }

    private static async Task<JsonElement> ParseAsync(ResponseMessage response, CancellationToken cancellationToken)
    {
        using var json = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        return json.RootElement.Clone();
    }
}

/// <summary>A document as read, with the ETag a replace must present.</summary>
internal sealed record StoredDocument(JsonElement Root, string ETag)
{
    /// <summary>The domain value under <c>body</c>, read with the domain's JSON.</summary>
    public T Body<T>() => Root.GetProperty("body").Deserialize<T>(TimelineJson.Options)
        ?? throw new InvalidOperationException("A stored document has an empty body.");

    public string String(string property) => Root.GetProperty(property).GetString() ?? "";

    public string? StringOrNull(string property) =>
        Root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Ids and values as the documents hold them.</summary>
internal static class CosmosValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz";

    /// <summary>Fixed-width UTC ISO-8601 text, so text order is time order in range filters.</summary>
    public static string Instant(DateTimeOffset value) => value.ToUniversalTime().ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string? InstantOrNull(DateTimeOffset? value) => value is { } instant ? Instant(instant) : null;

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTimeOffset? ParseInstantOrNull(string? text) => text is null ? null : ParseInstant(text);

    /// <summary>E-mail addresses compare case-insensitively and without surrounding blanks.</summary>
    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// A document id for a key of ours: <c>kind:key</c> with the characters Cosmos DB forbids in ids (<c>/ \ ? #</c>) and
    /// <c>%</c> (which URL paths decode) escaped as <c>~</c> and two hex digits, so it stays readable and unambiguous; a key
    /// too long for an id (255) becomes its SHA-256 instead.
    /// </summary>
    public static string Id(string kind, string key)
    {
        var builder = new StringBuilder(kind.Length + key.Length + 8).Append(kind).Append(':');
        foreach (var c in key)
        {
            _ = c switch
            {
                '~' => builder.Append("~7E"),
                '%' => builder.Append("~25"),
                '/' => builder.Append("~2F"),
                '\\' => builder.Append("~5C"),
                '?' => builder.Append("~3F"),
                '#' => builder.Append("~23"),
                _ => builder.Append(c),
            };
        }

        return builder.Length <= 255
            ? builder.ToString()
            : $"{kind}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
    }

    /// <summary>A document: <c>id</c>, <c>tenantId</c>, the envelope fields the queries filter on, then the domain value as <c>body</c>.</summary>
    public static byte[] Document<T>(string id, string tenantId, T body, Action<Utf8JsonWriter>? envelope = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("tenantId", tenantId);
            envelope?.Invoke(writer);
            writer.WritePropertyName("body");
            JsonSerializer.Serialize(writer, body, TimelineJson.Options);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
