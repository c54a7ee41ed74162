using System.Text.Json;

namespace Netvaerk.Infrastructure.Queues;

/// <summary>
/// What a queue message carries: which outbox entry to deliver. The entry itself (its body can be far over a queue
/// message's 64 KiB) stays in the store.
/// </summary>
public sealed record OutboxReference(string TenantId, string Key)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>The reference in a message's text, or null when the text is not one.</summary>
    public static OutboxReference? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<OutboxReference>(text, s_json) is { TenantId.Length: > 0, Key.Length: > 0 } reference ? reference : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
