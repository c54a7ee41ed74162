using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.SendGrid;
using Netvaerk.Infrastructure.Tests.Mail;
using Netvaerk.Testing;

namespace Netvaerk.Infrastructure.Tests.SendGrid;

/// <summary>The real SendGrid client against a local endpoint that records what it receives and fails on demand.</summary>
public sealed class SendGridMailTransportTests : IAsyncLifetime, IDisposable
{
    private const string ApiKey = "SG.test-key-that-must-never-be-logged";
    private RecordingSendGrid _sendGrid = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _sendGrid = await RecordingSendGrid.StartAsync();

    public async Task DisposeAsync() => await _sendGrid.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private SendGridMailTransport Transport(int maxAttempts = 3) => new(_http, Options.Create(new SendGridOptions
    {
        ApiKey = ApiKey,
        Endpoint = _sendGrid.Endpoint,
        MaxAttempts = maxAttempts,
        MaxRetryWait = TimeSpan.FromSeconds(2),
        FirstRetryDelay = TimeSpan.FromMilliseconds(50),
    }), TimeProvider.System, NullLogger<SendGridMailTransport>.Instance);

    [Fact]
    public async Task A_message_goes_out_with_its_recipient_parts_calendar_attachment_and_key()
    {
        var message = TestMessages.Invitation();

        await Transport().SendAsync(message);

        var mail = Assert.Single(_sendGrid.Accepted);
        Assert.Equal(ApiKey, mail.ApiKey);
        Assert.Equal("soren@albertslund.dk", mail.To);
        Assert.Equal("Søren Ærø", mail.Body["personalizations"]![0]!["to"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("netvaerk@albertslund.dk", mail.Body["from"]!["email"]!.GetValue<string>());
        Assert.Equal("Netværksstedet", mail.Body["from"]!["name"]!.GetValue<string>());
        Assert.Equal(TestMessages.Subject, mail.Subject);
        Assert.Equal(TestMessages.TextBody, mail.Content("text/plain"));
        Assert.Equal(TestMessages.HtmlBody, mail.Content("text/html"));

        var attachment = Assert.Single(mail.Body["attachments"]!.AsArray())!;
        Assert.Equal("invitation.ics", attachment["filename"]!.GetValue<string>());
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", attachment["type"]!.GetValue<string>());
        Assert.Equal("attachment", attachment["disposition"]!.GetValue<string>());
        Assert.Equal(TestMessages.Ics, Encoding.UTF8.GetString(Convert.FromBase64String(attachment["content"]!.GetValue<string>())));

        Assert.Equal(message.Key, mail.Key);

        // Personal links (surveys, sign-in) must not be rewritten through a tracking redirect.
        Assert.False(mail.Body["tracking_settings"]!["click_tracking"]!["enable"]!.GetValue<bool>());
        Assert.False(mail.Body["tracking_settings"]!["open_tracking"]!["enable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_cancellation_notice_carries_method_cancel()
    {
        var message = TestMessages.Invitation() with
        {
            Message = TestMessages.Invitation().Message with
            {
                Attachments = [new Domain.Messages.EmailAttachment("aflysning.ics", "text/calendar; method=CANCEL; charset=utf-8", "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n")],
            },
        };

        await Transport().SendAsync(message);

        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", Assert.Single(_sendGrid.Accepted).Body["attachments"]![0]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_transient_answer_is_retried_and_the_message_goes_out_once(HttpStatusCode status)
    {
        _sendGrid.FailNext(2, status, retryAfter: status == HttpStatusCode.TooManyRequests ? TimeSpan.FromSeconds(1) : null);

        await Transport().SendAsync(TestMessages.Invitation());

        Assert.Equal(3, _sendGrid.SendRequests);
        Assert.Single(_sendGrid.Accepted);
    }

    [Fact]
    public async Task Transient_answers_past_the_attempts_surface_as_a_retryable_failure()
    {
        _sendGrid.FailNext(3, HttpStatusCode.ServiceUnavailable);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Transport().SendAsync(TestMessages.Invitation()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Empty(_sendGrid.Accepted);
    }

    [Fact]
    public async Task A_refused_address_is_a_permanent_failure_that_names_the_recipient_and_not_the_key()
    {
        _sendGrid.FailNext(1, HttpStatusCode.BadRequest);

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(() => Transport().SendAsync(TestMessages.Invitation()));

        Assert.Equal(1, _sendGrid.SendRequests);
        Assert.Contains("soren@albertslund.dk", failure.Message, StringComparison.Ordinal);
        Assert.Contains("simulated 400", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_api_key_is_not_the_recipients_fault_and_is_not_permanent()
    {
        _sendGrid.FailNext(1, HttpStatusCode.Unauthorized);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Transport().SendAsync(TestMessages.Invitation()));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.DoesNotContain(ApiKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_activity_says_whether_a_key_was_accepted()
    {
        var sent = TestMessages.Invitation();
        var other = TestMessages.Invitation(key: "net-1/workshop-invite/1/\"odd\"@albertslund.dk");
        await Transport().SendAsync(sent);

        Assert.True(await Transport().HasSentAsync(sent));
        Assert.False(await Transport().HasSentAsync(other));
    }
}
