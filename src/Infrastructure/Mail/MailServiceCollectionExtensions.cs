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
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMailTransport, LocalMailbox>();
        // Transient: it holds no state and must not outlive a scoped IOutbox.
        services.AddTransient<OutboxDispatcher>();
        return services;
    }
}
