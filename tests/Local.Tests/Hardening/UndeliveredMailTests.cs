using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Local.Tests.Hardening;

/// <summary>An address the mail service refuses is dead-lettered at once, shown to the secretariat, and stops no one else's mail.</summary>
public sealed class UndeliveredMailTests : IDisposable
{
    private const string Refused = "ingen.postkasse@albertslund.dk";

    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0)));

    /// <summary>The mailbox, except that one address is refused for good, as SendGrid answers 400 for it.</summary>
    private sealed class RefusingTransport(LocalMailbox mailbox) : IMailTransport
    {
        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken = default) =>
            message.ToAddress == Refused
                ? throw new PermanentDeliveryException($"SendGrid refused the message to {message.ToAddress} (400): Does not contain a valid address.")
                : mailbox.SendAsync(message, cancellationToken);
    }

    private sealed class RefusingHost(DataFolder data, FakeTimeProvider clock) : TestHost(data, clock)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IMailTransport>();
                services.AddSingleton<IMailTransport>(sp => new RefusingTransport(sp.GetRequiredService<LocalMailbox>()));
            });
        }
    }

    [Fact]
    public async Task A_refused_address_is_listed_for_the_secretariat_after_one_attempt_while_the_rest_is_delivered()
    {
        using var host = new RefusingHost(_data, _clock);
        var anonymous = host.Client();
        (await anonymous.PostAsJsonAsync("/api/auth/link", new { email = Refused })).EnsureSuccessStatusCode();
        await host.SettleAsync();

        var secretariat = await host.SignInAsync(TestHost.Secretariat);
        var undelivered = await secretariat.GetFromJsonAsync<JsonElement>("/api/mail/undelivered");

        var entry = Assert.Single(undelivered.EnumerateArray());
        Assert.Equal(Refused, entry.GetProperty("to").GetString());
        Assert.Equal(1, entry.GetProperty("attempts").GetInt32());
        Assert.Contains("valid address", entry.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.MailsTo(Refused));
        Assert.NotEmpty(host.MailsTo(TestHost.Secretariat));

        var employee = await host.SignInAsync("mette.holm@albertslund.dk");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/mail/undelivered")).StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
