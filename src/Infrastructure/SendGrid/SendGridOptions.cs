using System.ComponentModel.DataAnnotations;

namespace Netvaerk.Infrastructure.SendGrid;

/// <summary>How e-mail goes out through SendGrid. Bound from the <c>SendGrid</c> section.</summary>
public sealed class SendGridOptions
{
    public const string SectionName = "SendGrid";

    /// <summary>
    /// The API key (send and read activity). In Azure it comes from Key Vault through an app-setting reference; it is
    /// never logged.
    /// </summary>
    [Required(ErrorMessage = "SendGrid:ApiKey must hold the SendGrid API key (in Azure: a Key Vault reference).")]
    public string? ApiKey { get; set; }

    /// <summary>The sender as an RFC 5322 mailbox, e.g. <c>Netværksstedet &lt;netvaerk@albertslund.dk&gt;</c>.</summary>
    [Required(ErrorMessage = "SendGrid:From must be the sender's address.")]
    public string From { get; set; } = "Netværksstedet <netvaerk@albertslund.dk>";

    /// <summary>The API's base address; another only for a local endpoint (tests, a local run).</summary>
    [Required]
    public Uri Endpoint { get; set; } = new("https://api.sendgrid.com");

    /// <summary>Attempts per send while SendGrid answers 429 or 5xx (the first included); after that the outbox retries later.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt when SendGrid does not say; it doubles for each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest one send waits between attempts (a longer Retry-After is left to the outbox's retry).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(10);
}
