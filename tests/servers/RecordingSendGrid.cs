using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Netvaerk.Testing;

/// <summary>
/// A local HTTP endpoint that speaks the two SendGrid v3 calls we make: <c>POST /v3/mail/send</c> (recorded, answered 202
/// or with the statuses queued by <see cref="FailNext"/>) and <c>GET /v3/messages</c> (the activity query by our custom
/// arg, answered from what was accepted). The real <c>SendGrid</c> client is pointed at it.
/// </summary>
public sealed class RecordingSendGrid : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(HttpStatusCode Status, TimeSpan? RetryAfter)> _failures = new();
    private readonly ConcurrentQueue<RecordedMail> _accepted = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private int _requests;

    private RecordingSendGrid(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every send answered 202, in order.</summary>
    public IReadOnlyList<RecordedMail> Accepted => _accepted.ToArray();

    /// <summary>Every send request, whatever the answer.</summary>
    public int SendRequests => Volatile.Read(ref _requests);

    /// <summary>The clock that stamps each accepted send (a test's fake clock); the wall clock by default.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Called after a send is recorded and before its 202 is written (a test may stop the sender there).</summary>
    public Action<RecordedMail>? OnAccepted { get; set; }

    /// <summary>Sends to this address are answered 400, as SendGrid answers an address it will not deliver to.</summary>
    public void Refuse(string address) => _refused[address] = true;

    /// <summary>The next <paramref name="count"/> sends are answered <paramref name="status"/> instead of 202.</summary>
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < count; i++) _failures.Enqueue((status, retryAfter));
    }

    public static async Task<RecordingSendGrid> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var self = new RecordingSendGrid(app);
        app.MapPost("/v3/mail/send", (Delegate)self.SendAsync);
        app.MapGet("/v3/messages", (Delegate)self.Activity);
        await app.StartAsync();
        self.Endpoint = new Uri(app.Urls.First());
        return self;
    }

    private async Task<IResult> SendAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (context.Request.Headers.Authorization.ToString() is not { Length: > 7 } auth || !auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Results.Json(new { errors = new[] { new { message = "authorization required" } } }, statusCode: 401);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty body");
        var to = body["personalizations"]?[0]?["to"]?[0]?["email"]?.GetValue<string>() ?? "";
        if (_refused.ContainsKey(to))
        {
            return Results.Json(new { errors = new[] { new { message = "Does not contain a valid address.", field = "personalizations.0.to" } } }, statusCode: 400);
        }

        if (_failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is { } after) context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { errors = new[] { new { message = $"simulated {(int)failure.Status}", field = (string?)null } } },
                statusCode: (int)failure.Status);
        }

        var mail = new RecordedMail(body, auth["Bearer ".Length..], Clock());
        _accepted.Enqueue(mail);
        OnAccepted?.Invoke(mail);
        return Results.StatusCode(202);
    }

    private IResult Activity(HttpContext context)
    {
        // query=unique_args['netvaerk_key']="<key>"
        var query = context.Request.Query["query"].ToString();
        var start = query.IndexOf("=\"", StringComparison.Ordinal);
        var key = start < 0 ? "" : query[(start + 2)..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
        var found = _accepted.Where(m => m.Key == key).Select(m => new { msg_id = Guid.NewGuid().ToString("N"), status = "processed" }).Take(1).ToArray();
        return Results.Json(new { messages = found });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One accepted send as SendGrid received it.</summary>
public sealed record RecordedMail(JsonNode Body, string ApiKey, DateTimeOffset At)
{
    public IEnumerable<(string FileName, string Type, string Content)> Attachments =>
        (Body["attachments"]?.AsArray() ?? []).Select(a => (a!["filename"]!.GetValue<string>(), a["type"]!.GetValue<string>(),
            System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(a["content"]!.GetValue<string>()))));

    public string Key => Body["custom_args"]?["netvaerk_key"]?.GetValue<string>() ?? "";

    public string To => Body["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>();

    public string Subject => Body["subject"]?.GetValue<string>() ?? "";

    public string? Content(string type) =>
        Body["content"]?.AsArray().FirstOrDefault(c => c!["type"]!.GetValue<string>() == type)?["value"]?.GetValue<string>();

    public override string ToString() => Body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
