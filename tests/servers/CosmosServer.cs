using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Netvaerk.Infrastructure.Cosmos;

namespace Netvaerk.Testing;

/// <summary>
/// npm <c>@vercel/cosmosdb-server</c> on loopback behind a small proxy of ours. The proxy passes every request through,
/// and (1) answers a read of a missing document with the real service's 404, where this server answers 500 (see
/// ../shared/COSMOS-EMULATOR.md), and (2) injects 429s and 503s on demand, so the retry policy meets real faults.
/// </summary>
public sealed partial class CosmosServer : IAsyncDisposable
{
    private readonly NodeServer _node;
    private readonly WebApplication _proxy;
    private readonly HttpClient _upstream;
    private readonly Lock _gate = new();
    private readonly Queue<Fault> _faults = new();
    private int _requests;
    private int _injected;

    private CosmosServer(NodeServer node, WebApplication proxy, HttpClient upstream, Uri endpoint)
    {
        _node = node;
        _proxy = proxy;
        _upstream = upstream;
        Endpoint = endpoint;
    }

    /// <summary>The proxy's address, which the clients use.</summary>
    public Uri Endpoint { get; }

    /// <summary>The server itself, without the proxy (for measurements; reads of missing documents answer 500 there).</summary>
    public Uri DirectEndpoint => _upstream.BaseAddress!;

    /// <summary>The server's self-signed certificate, which the proxy presents too and the tests' clients trust.</summary>
    public static string CertificatePath => Path.Combine(TestServers.Folder, "node_modules", "@vercel", "cosmosdb-server", "cert.pem");

    /// <summary>Requests that reached the proxy, and faults it answered instead of the server.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int InjectedFaults => Volatile.Read(ref _injected);

    /// <summary>Options for a client of a fresh database of its own (created on first use).</summary>
    public CosmosOptions Options(string? database = null, bool direct = false) => new()
    {
        Endpoint = direct ? DirectEndpoint : Endpoint,
        Key = Convert.ToBase64String("netvaerk-tests"u8.ToArray()),
        Database = database ?? $"db-{Guid.NewGuid():N}",
        CreateIfMissing = true,
        TrustedCertificatePath = CertificatePath,
        MaxRetryWait = TimeSpan.FromSeconds(10),
    };

    /// <summary>A client of a fresh, created database.</summary>
    public async Task<CosmosDatabase> CreateDatabaseAsync(TimeProvider? time = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var database = new CosmosDatabase(Options(), time);
            await database.EnsureCreatedAsync();
            if (attempt == 5 || await PathSafeAsync(database)) return database;
            // The server numbers resources and writes the numbers in base64, so some ids hold a '/' (the 63rd database's
            // do): a request that addresses the container by its id (a query's partition key ranges) then 404s. The
            // real service never makes such ids; take the next database.
            database.Dispose();
        }
    }

    private static async Task<bool> PathSafeAsync(CosmosDatabase database)
    {
        foreach (var name in CosmosDatabase.ContainerNames)
        {
            using var response = await database.Container(name).ReadContainerStreamAsync();
            using var json = await System.Text.Json.JsonDocument.ParseAsync(response.Content);
            if (json.RootElement.GetProperty("_rid").GetString()?.Contains('/', StringComparison.Ordinal) != false) return false;
        }

        return true;
    }

    /// <summary>The next <paramref name="count"/> document requests are answered with <paramref name="status"/> instead.</summary>
    public void Inject(int count, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _faults.Enqueue(new Fault(status, retryAfter));
        }
    }

    /// <summary>The next <paramref name="count"/> document requests are held for <paramref name="delay"/> before they go on (a slow or hung server).</summary>
    public void Stall(int count, TimeSpan delay)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _faults.Enqueue(new Fault(0, null, delay));
        }
    }

    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    public static async Task<CosmosServer> StartAsync()
    {
        var node = await TestServers.StartNodeAsync("cosmos.js 0", ListeningRegex());
        var serverPort = int.Parse(node.Ready.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var certificate = X509Certificate2.CreateFromPemFile(CertificatePath,
            Path.Combine(TestServers.Folder, "node_modules", "@vercel", "cosmosdb-server", "key.pem"));
        var upstream = new HttpClient(new SocketsHttpHandler
        {
            // The test server's own self-signed certificate, and nothing else.
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = new Uri($"https://127.0.0.1:{serverPort}") };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var proxy = builder.Build();
        CosmosServer? self = null;
        proxy.Run(context => self!.ForwardAsync(context));
        await proxy.StartAsync();
        var address = new Uri(proxy.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        self = new CosmosServer(node, proxy, upstream, new Uri($"https://127.0.0.1:{address.Port}/"));
        return self;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Path.Value ?? "";
        var fault = path.Contains("/docs", StringComparison.Ordinal) ? NextFault() : null;
        if (fault?.Delay is { } stall)
        {
            Interlocked.Increment(ref _injected);
            try
            {
                await Task.Delay(stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up, as it should
            }

            fault = null;
        }

        if (fault is not null)
        {
            Interlocked.Increment(ref _injected);
            context.Response.StatusCode = (int)fault.Status;
            if (fault.RetryAfter is { } after) context.Response.Headers["x-ms-retry-after-ms"] = ((int)after.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"code":"{{fault.Status}}","message":"injected by the test proxy"}""");
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            body.Position = 0;
            request.Content = new StreamContent(body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        var content = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);

        // The server's answer to a read of a missing document; the real service says 404.
        if (response.StatusCode == HttpStatusCode.InternalServerError
            && System.Text.Encoding.UTF8.GetString(content).Contains("Cannot read properties of undefined", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"code":"NotFound","message":"Entity with the specified id does not exist in the system."}""");
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase)) continue;
            context.Response.Headers[name] = values.ToArray();
        }

        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private Fault? NextFault()
    {
        lock (_gate) return _faults.Count > 0 ? _faults.Dequeue() : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.StopAsync();
        await _proxy.DisposeAsync();
        _upstream.Dispose();
        _node.Dispose();
    }

    private sealed record Fault(HttpStatusCode Status, TimeSpan? RetryAfter, TimeSpan? Delay = null);

    [GeneratedRegex(@"listening (\d+)")]
    private static partial Regex ListeningRegex();
}
