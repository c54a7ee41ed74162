using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local .eml mailbox as <see cref="IMailTransport"/> and the <see cref="OutboxDispatcher"/>, with
    /// <see cref="MailboxOptions"/> from <c>Mailbox</c> and <see cref="OutboxOptions"/> from <c>Outbox</c>
    /// (validated at start). The dispatcher needs an <see cref="IOutbox"/> registered elsewhere.
    /// </summary>
    public static IServiceCollection AddLocalMailbox(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<MailboxOptions>()
            .BindConfiguration(MailboxOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.From is not null && MailboxAddress.TryParse(o.From, out _), "Mailbox:From must be an e-mail address, e.g. \"Netværksstedet <netvaerk@albertslund.dk>\".")
            .ValidateOnStart();
        services.AddOutboxOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalMailbox>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<LocalMailbox>());
        // Half-written files of a killed process go at start, not only before the next delivery.
        services.AddHostedService<MailboxDebrisSweep>();
        // Transient: it holds no state and must not outlive a scoped IOutbox.
        services.AddTransient<OutboxDispatcher>();
        return services;
    }
}

/// <summary>Removes the mailbox's leftover temporary files when the host starts.</summary>
internal sealed class MailboxDebrisSweep(LocalMailbox mailbox) : Microsoft.Extensions.Hosting.IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        mailbox.SweepOnce();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
