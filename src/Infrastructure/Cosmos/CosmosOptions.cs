using System.ComponentModel.DataAnnotations;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>Where the Cosmos DB state lives and how it is reached. Bound from the <c>Cosmos</c> section.</summary>
public sealed class CosmosOptions
{
    public const string SectionName = "Cosmos";

    /// <summary>The account endpoint, e.g. <c>https://netvaerk-prod.documents.azure.com:443/</c>.</summary>
    [Required(ErrorMessage = "Cosmos:Endpoint must name the Cosmos DB account endpoint (https://…).")]
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// An account key, for a local server only. Empty in Azure: the managed identity signs in (the account has local
    /// authentication disabled), with the data-plane role infra grants it.
    /// </summary>
    public string? Key { get; set; }

    [Required(ErrorMessage = "Cosmos:Database must name the database.")]
    public string Database { get; set; } = "netvaerk";

    /// <summary>
    /// Creates the database and containers when they are missing: for a local server and the tests. Off in Azure,
    /// where infra creates them with their indexing policies and throughput, and the identity may not create anything.
    /// </summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>
    /// A PEM file with the one self-signed server certificate to trust besides the machine's trusted roots (a local
    /// Cosmos DB API server). Nothing else is relaxed: any other certificate must still validate.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }

    /// <summary>Attempts per operation when the service answers 429, 503 or times out (the first one included).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The longest a throttled operation waits in all before its 429 surfaces.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take before it counts as timed out (and is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
