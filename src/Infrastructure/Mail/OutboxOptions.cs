using System.ComponentModel.DataAnnotations;

namespace Netvaerk.Infrastructure.Mail;

/// <summary>How <see cref="OutboxDispatcher"/> works through the outbox. Bound from <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Failed attempts after which an entry is dead-lettered (never retried automatically).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How many due entries one <see cref="OutboxDispatcher.DeliverDueAsync"/> call takes.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How many entries are sent at the same time.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;
}
