using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>
/// The Cosmos DB database of the stores: one container per port, partitioned by tenant (<c>/tenantId</c>), reached
/// through the stream API (the documents are written and read with the domain's own JSON, not the SDK's serializer).
/// Every call goes through <see cref="SendAsync"/>, which retries what is transient and lets everything else surface.
/// </summary>
/// <remarks>docs/cosmos.md describes the documents, ids, indexing and the request-unit cost of each operation.</remarks>
public sealed partial class CosmosDatabase : IDisposable
{
    /// <summary>The containers, one per store port; all partitioned by <c>/tenantId</c>.</summary>
    public static IReadOnlyList<string> ContainerNames { get; } = ["ideas", "networks", "outbox", "surveys", "involvement", "access"];

    private readonly CosmosClient _client;
    private readonly CosmosOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CosmosDatabase(CosmosOptions options, TimeProvider? time = null, ILogger<CosmosDatabase>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<CosmosDatabase>.Instance;
        _client = CreateClient(options);
        DatabaseName = options.Database;
    }

    public string DatabaseName { get; }

    public Container Container(string name) => _client.GetContainer(DatabaseName, name);

    /// <summary>Creates the database and the containers if missing (local servers and tests; infra does it in Azure).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var database = (await _client.CreateDatabaseIfNotExistsAsync(DatabaseName, cancellationToken: cancellationToken)).Database;
        foreach (var name in ContainerNames)
        {
            var properties = new ContainerProperties(name, "/tenantId");

            // Only the envelope is queried; the domain documents under /body are never filtered on, so indexing them
            // would only make every write dearer (docs/cosmos.md).
            properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/body/*" });
            await database.CreateContainerIfNotExistsAsync(properties, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Runs one request, retrying 429 (after the server's <c>x-ms-retry-after-ms</c>), 503, 408 and 449 and failed
    /// connections, with exponential backoff, until <see cref="CosmosOptions.MaxAttempts"/> or
    /// <see cref="CosmosOptions.MaxRetryWait"/> is reached. Each attempt may take <see cref="CosmosOptions.RequestTimeout"/>;
    /// one that takes longer is abandoned and retried only when <paramref name="idempotent"/> (reads, queries, upserts):
    /// a create or replace that timed out may have happened, and repeating it would answer 409 or 412 for our own write,
    /// so its timeout surfaces and the caller's own retry (a timeline step's, the outbox's) starts over from what is
    /// stored. The last answer is returned whatever it is; callers decide.
    /// </summary>
    internal async Task<ResponseMessage> SendAsync(
        string operation, Func<CancellationToken, Task<ResponseMessage>> request, CancellationToken cancellationToken, bool idempotent = true)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            ResponseMessage? response = null;
            Exception? failure = null;
            using var attemptTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTime.CancelAfter(_options.RequestTimeout);
            try
            {
                response = await request(attemptTime.Token);
            }
            catch (CosmosException ex) when (IsTransient(ex.StatusCode))
            {
                failure = ex;
            }
            catch (HttpRequestException ex)
            {
                failure = ex;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The attempt's time ran out (or the SDK's own timeout), not the caller's.
                if (!idempotent) throw new CosmosTransientException(operation, attempt, ex);
                failure = ex;
            }

            if (response is not null && !IsTransient(response.StatusCode))
            {
                return response;
            }

            var delay = RetryAfter(response) ?? Backoff(attempt);
            if (attempt >= _options.MaxAttempts || waited + delay > _options.MaxRetryWait)
            {
                if (response is not null) return response;
                throw new CosmosTransientException(operation, attempt, failure!);
            }

            LogRetrying(operation, (int?)response?.StatusCode ?? 0, attempt, delay.TotalMilliseconds);
            response?.Dispose();
            await Task.Delay(delay, _time, cancellationToken);
            waited += delay;
        }
    }

    /// <summary>What a 429 asks us to wait (<c>x-ms-retry-after-ms</c>), if it says.</summary>
    private static TimeSpan? RetryAfter(ResponseMessage? response) =>
        response?.StatusCode == (HttpStatusCode)429
        && double.TryParse(response.Headers["x-ms-retry-after-ms"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static bool IsTransient(HttpStatusCode status) =>
        status is (HttpStatusCode)429 or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout or (HttpStatusCode)449;

    /// <summary>100 ms, 200 ms, 400 ms … up to 5 s, with up to a fifth more at random so retrying clients spread out.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var ms = Math.Min(100 * Math.Pow(2, attempt - 1), 5_000);
        return TimeSpan.FromMilliseconds(ms * (1 + Random.Shared.NextDouble() / 5));
    }

    private static CosmosClient CreateClient(CosmosOptions options)
    {
        var endpoint = options.Endpoint?.ToString() ?? throw new InvalidOperationException("Cosmos:Endpoint is not set.");
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "netvaerk",
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            RequestTimeout = options.RequestTimeout,

            // Throttling is retried by SendAsync, where it is bounded, logged and testable; the SDK passes 429 straight up.
            MaxRetryAttemptsOnRateLimitedRequests = 0,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.Zero,
        };
        if (!string.IsNullOrWhiteSpace(options.TrustedCertificatePath))
        {
            var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(options.TrustedCertificatePath));
            clientOptions.HttpClientFactory = () => new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                SslOptions =
                {
                    // The machine's roots as always, and this one certificate besides: a local server's self-signed one.
                    RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                        errors == System.Net.Security.SslPolicyErrors.None
                        || (certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString()),
                },
            });
        }

        return string.IsNullOrWhiteSpace(options.Key)
            ? new CosmosClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new CosmosClient(endpoint, options.Key, clientOptions);
    }

    public void Dispose() => _client.Dispose();

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Cosmos DB {Operation} answered {Status} on attempt {Attempt}; retrying in {DelayMs} ms")]
    private partial void LogRetrying(string operation, int status, int attempt, double delayMs);
}

/// <summary>A Cosmos DB request that stayed unreachable through every retry.</summary>
public sealed class CosmosTransientException(string operation, int attempts, Exception innerException)
    : Exception($"Cosmos DB {operation} failed after {attempts} attempts: {innerException.Message}", innerException);
