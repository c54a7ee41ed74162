using System.ComponentModel.DataAnnotations;

namespace Netvaerk.Infrastructure.Queues;

/// <summary>The Storage queue that carries outbox references. Bound from the <c>OutboxQueue</c> section.</summary>
public sealed class OutboxQueueOptions : IValidatableObject
{
    public const string SectionName = "OutboxQueue";

    /// <summary>The queue service in Azure, e.g. <c>https://netvaerkst.queue.core.windows.net/</c>; the managed identity signs in.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>A connection string instead (Azurite, local runs): <c>UseDevelopmentStorage=true</c> or a full one.</summary>
    public string? ConnectionString { get; set; }

    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "OutboxQueue:QueueName must be a valid queue name (3-63 lower-case letters, digits and single hyphens).")]
    public string QueueName { get; set; } = "outbox";

    /// <summary>Where a reference goes after <see cref="MaxDequeueCount"/> failed handlings (as the Functions runtime names it).</summary>
    public string PoisonQueueName => $"{QueueName}-poison";

    /// <summary>
    /// How long a received reference stays invisible, and how long a claim holds the entry: sized for one send with its
    /// in-call retries (SendGrid's up to ~10 s, a slow store), with room to spare.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Handlings of one reference that ended without an answer (the sender died or threw) before it is poison.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>References received per request (the service allows 32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// A pending entry due this long ago has lost its reference (a crash between the store and the queue); the sender
    /// queues a new one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Creates the queues when they are missing (local, tests); infra creates them in Azure.</summary>
    public bool CreateIfMissing { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ServiceUri is null == string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "OutboxQueue needs exactly one of ServiceUri (Azure, managed identity) and ConnectionString (Azurite).",
                [nameof(ServiceUri), nameof(ConnectionString)]);
        }
    }
}
