using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Local.Tests.Hardening;

/// <summary>
/// The API document tells the truth: each operation lists its success and problem responses; each request body has an
/// example that meets its schema; and for every field the document calls required, or whose values it lists, a request
/// without it (or with a value outside the list) is refused with 400 naming exactly that field.
/// </summary>
public sealed class ApiDocumentTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        if (schema["$ref"] is { } reference) return Resolve(document, document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!);
        foreach (var key in new[] { "oneOf", "anyOf" })
        {
            if (schema[key] is JsonArray options && options.FirstOrDefault(o => o?["type"]?.ToString() != "null") is { } branch) return Resolve(document, branch);
        }

        return schema;
    }

    /// <summary>Every (path, schema) of an example body: "leader.name", "participants[0].kind", "roles[0]".</summary>
    private static IEnumerable<(string Path, JsonNode Schema, bool Required, JsonNode? Value, JsonNode Parent, object Key)> Fields(
        JsonNode document, JsonNode schema, JsonNode example, string prefix)
    {
        schema = Resolve(document, schema);
        var required = schema["required"] is JsonArray r ? r.Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];
        if (schema["properties"] is not JsonObject properties || example is not JsonObject obj) yield break;
        foreach (var (name, propertySchema) in properties)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            var value = obj[name];
            yield return (path, propertySchema!, required.Contains(name), value, obj, name);
            var resolved = Resolve(document, propertySchema!);
            if (value is JsonObject) foreach (var f in Fields(document, resolved, value, path)) yield return f;
            if (value is JsonArray { Count: > 0 } array && resolved["items"] is { } items)
            {
                var itemSchema = Resolve(document, items);
                if (array[0] is JsonObject) foreach (var f in Fields(document, itemSchema, array[0]!, $"{path}[0]")) yield return f;
                else yield return ($"{path}[0]", itemSchema, false, array[0], array, 0);
            }
        }
    }

    private static string[] EnumOf(JsonNode document, JsonNode schema) =>
        Resolve(document, schema)["enum"] is JsonArray values ? values.Where(v => v is not null).Select(v => v!.GetValue<string>()).ToArray() : [];

    [Fact]
    public async Task Every_operation_lists_its_problems_and_every_body_field_the_document_constrains_is_enforced_as_written()
    {
        using var host = new TestHost(_data, _clock);
        var (networkId, secretariat) = await Scenarios.RunningAsync(host, "2027-03-01");
        var idea = await (await secretariat.PostAsJsonAsync("/api/ideas", new { title = "Idé", description = "Beskrivelse" })).ReadAsync();
        var ideaId = idea.GetProperty("idea").GetProperty("id").GetString();
        var document = JsonNode.Parse(await secretariat.GetStringAsync("/openapi/v1.json"))!;
        var checkedFields = 0;

        foreach (var (route, operations) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.Any(r => r.Key.StartsWith('2')), $"{method} {route} lists no success");
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4'))
                {
                    Assert.True(response!["content"]?["application/problem+json"] is not null, $"{method} {route} {status} is not problem details");
                    Assert.True(Danish.IsDanish(response["description"]!.GetValue<string>()), $"{method} {route} {status}");
                }

                if (operation["requestBody"] is not { } body) continue;
                Assert.Equal("HttpValidationProblemDetails", responses["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>().Split('/')[^1]);
                var schema = Resolve(document, body["content"]!["application/json"]!["schema"]!);
                var example = Assert.IsType<JsonArray>(schema["examples"], exactMatch: false)[0]!;
                var path = route.Replace("{id}", route.StartsWith("/api/ideas", StringComparison.Ordinal) ? ideaId : networkId, StringComparison.Ordinal)
                    .Replace("{meetingId}", "meeting-2", StringComparison.Ordinal).Replace("{email}", "ny@albertslund.dk", StringComparison.Ordinal)
                    .Replace("{token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", StringComparison.Ordinal)
                    .Replace("{type}", "learning", StringComparison.Ordinal).Replace("{kind}", "end", StringComparison.Ordinal)
                    .Replace("{stepId}", "end-evaluation", StringComparison.Ordinal);

                async Task<HttpResponseMessage> SendAsync(JsonNode json) =>
                    await secretariat.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path)
                    {
                        Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"),
                    });

                var valid = await SendAsync(example.DeepClone());
                Assert.True(valid.StatusCode != HttpStatusCode.BadRequest || !(await valid.Content.ReadAsStringAsync()).Contains("\"errors\"", StringComparison.Ordinal),
                    $"{method} {route}: the example is refused: {await valid.Content.ReadAsStringAsync()}");

                foreach (var field in Fields(document, schema, example, "").ToList())
                {
                    var values = EnumOf(document, field.Schema);
                    if (field.Value is not null && values.Length > 0 && field.Value is JsonValue v && v.TryGetValue<string>(out var given))
                    {
                        Assert.Contains(given, values);
                    }

                    var variants = new List<(string Why, Action<JsonNode> Change)>();
                    if (field.Required && field.Key is string key) variants.Add(("without", root => Parent(root, field.Path).AsObject().Remove(key)));
                    if (values.Length > 0) variants.Add(("with an unknown value for", root => Set(root, field.Path, "ugyldig-værdi")));
                    foreach (var (why, change) in variants)
                    {
                        var changed = example.DeepClone();
                        change(changed);
                        var response = await SendAsync(changed);
                        var text = await response.Content.ReadAsStringAsync();
                        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {route} {why} {field.Path}: {(int)response.StatusCode} {text}");
                        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
                        Assert.True(errors.TryGetProperty(field.Path, out _), $"{method} {route} {why} {field.Path}: {text}");
                        checkedFields++;
                    }
                }
            }
        }

        Assert.True(checkedFields >= 30, $"only {checkedFields} field checks");
    }

    private static JsonNode Parent(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.')[..^1]) node = Step(node, part);
        return node;
    }

    private static JsonNode Step(JsonNode node, string part) =>
        part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]![0]! : node[part]!;

    private static void Set(JsonNode root, string path, string value)
    {
        var last = path.Split('.')[^1];
        var parent = Parent(root, path);
        if (last.EndsWith("[0]", StringComparison.Ordinal)) parent[last[..^3]]![0] = value;
        else parent[last] = value;
    }

    public void Dispose() => _data.Dispose();
}
