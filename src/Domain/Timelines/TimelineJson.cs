using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Netvaerk.Domain.Timelines;

/// <summary>
/// The one JSON shape of timelines (stored state, Durable inputs and events, the simulate output): camelCase
/// names and kebab-case enum values, e.g. <c>"kind": "meeting-reminder"</c>.
/// </summary>
public static class TimelineJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");

    /// <summary>The same from UTF-8 bytes, as stores keep it: no string of the whole document on the way.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");

    /// <summary>The wire name of an enum value, as it appears in JSON.</summary>
    public static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum => WireName((Enum)value);

    /// <summary>The wire name of an enum value whose type is known only at run time.</summary>
    public static string WireName(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
    }

    /// <summary>The enum value with this wire name (any case, trimmed), or null.</summary>
    public static TEnum? FromWireName<TEnum>(string? name)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(WireName(candidate), name.Trim(), StringComparison.OrdinalIgnoreCase)) return candidate;
        }

        return null;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Danish text stays readable (æ, ø, å, »«); this JSON is never inlined into HTML or script.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(StoredJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
