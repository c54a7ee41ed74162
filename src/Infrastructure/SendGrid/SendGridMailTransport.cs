using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Netvaerk.Domain.Ports;
using global::SendGrid;
using global::SendGrid.Helpers.Mail;

namespace Netvaerk.Infrastructure.SendGrid;

/// <summary>
/// Sends an outbox message through SendGrid's v3 mail API: one personalization (the recipient), the text and HTML
/// parts, each attachment with its full content type (<c>text/calendar; method=REQUEST</c>), and the message key as the
/// custom arg <see cref="KeyArg"/> — by which <see cref="HasSentAsync"/> asks SendGrid's activity whether an interrupted
/// send went out. Link and open tracking are off: survey and sign-in links are personal and must reach the reader as
/// written.
/// </summary>
/// <remarks>
/// 202 is success. 429 and 5xx are retried here briefly (honouring Retry-After), then left to the outbox's longer
/// backoff. 400, 413 and 422 concern this message — usually its address — and end as a
/// <see cref="PermanentDeliveryException"/>, which dead-letters the entry for the secretariat to see. 401/403 are the
/// account's problem, not the recipient's: they surface as ordinary failures, so nothing is dead-lettered for them.
/// </remarks>
public sealed partial class SendGridMailTransport : IMailTransport
{
    /// <summary>The custom arg that carries the outbox key.</summary>
    public const string KeyArg = "netvaerk_key";

    private readonly SendGridClient _client;
    private readonly SendGridOptions _options;
    private readonly EmailAddress _from;
    private readonly TimeProvider _time;
    private readonly ILogger<SendGridMailTransport> _logger;

    public SendGridMailTransport(HttpClient http, IOptions<SendGridOptions> options, TimeProvider time, ILogger<SendGridMailTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        var from = MailboxAddress.Parse(_options.From);
        _from = new EmailAddress(from.Address, from.Name);
        _client = new SendGridClient(http, new SendGridClientOptions
        {
            ApiKey = _options.ApiKey,
            Host = _options.Endpoint.ToString().TrimEnd('/'),
        });
    }

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = Compose(message);
        for (var attempt = 1; ; attempt++)
        {
            var response = await _client.SendEmailAsync(mail, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300) return;

            var detail = await ErrorTextAsync(response, cancellationToken);
            if (status is 400 or 413 or 422)
            {
                throw new PermanentDeliveryException($"SendGrid refused the message to {message.ToAddress} ({status}): {detail}");
            }

            var transient = status == 429 || status >= 500;
            var wait = transient ? RetryAfter(response) ?? _options.FirstRetryDelay * Math.Pow(2, attempt - 1) : TimeSpan.Zero;
            if (!transient || attempt >= _options.MaxAttempts || wait > _options.MaxRetryWait)
            {
                throw new HttpRequestException($"SendGrid answered {status}: {detail}", null, response.StatusCode);
            }

            LogRetrying(message.Key, status, attempt, wait.TotalMilliseconds);
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    public async Task<bool> HasSentAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The Email Activity API, filtered on our custom arg. It lags the send by seconds to minutes, so an interrupted
        // send is only asked about after the claim's lease (minutes) has passed.
        var query = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["limit"] = 1,
            ["query"] = $"unique_args['{KeyArg}']=\"{message.Key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
        });
        var response = await _client.RequestAsync(BaseClient.Method.GET, urlPath: "messages", queryParams: query, cancellationToken: cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException(
                $"SendGrid's activity could not say whether {message.Key} was sent ({(int)response.StatusCode})", null, response.StatusCode);
        }

        using var json = JsonDocument.Parse(await response.Body.ReadAsStringAsync(cancellationToken));
        return json.RootElement.TryGetProperty("messages", out var messages) && messages.GetArrayLength() > 0;
    }

    /// <summary>The SendGrid message for an outbox message.</summary>
    private SendGridMessage Compose(OutboxMessage message)
    {
        var email = message.Message;
        var mail = new SendGridMessage
        {
            From = _from,
            Subject = email.Subject,
            PlainTextContent = email.TextBody,
            HtmlContent = string.IsNullOrEmpty(email.HtmlBody) ? null : email.HtmlBody,
        };
        mail.AddTo(new EmailAddress(message.ToAddress, string.IsNullOrWhiteSpace(message.ToName) ? null : message.ToName));
        foreach (var attachment in email.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(Encoding.UTF8.GetBytes(attachment.Content)),
                attachment.ContentType, "attachment");
        }

        mail.CustomArgs = new Dictionary<string, string> { [KeyArg] = message.Key };
        mail.SetClickTracking(false, false);
        mail.SetOpenTracking(false);
        return mail;
    }

    private TimeSpan? RetryAfter(Response response)
    {
        if (response.Headers?.RetryAfter is { } after)
        {
            return after.Delta ?? (after.Date is { } date ? date - _time.GetUtcNow() : null);
        }

        // SendGrid's rate limit headers: the reset instant in Unix seconds.
        if (response.Headers is { } headers && headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<string> ErrorTextAsync(Response response, CancellationToken cancellationToken)
    {
        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors))
            {
                return string.Join("; ", errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : e.ToString()));
            }
        }
        catch (JsonException)
        {
            // not JSON: the text itself, shortened
        }

        return body.Length > 500 ? body[..500] : body;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "SendGrid answered {Status} for {Key} on attempt {Attempt}; retrying in {DelayMs} ms")]
    private partial void LogRetrying(string key, int status, int attempt, double delayMs);
}
