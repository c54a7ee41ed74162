using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Infrastructure.Tests.Mail;

public sealed class MailServiceCollectionExtensionsTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<IOutbox, InMemoryOutbox>();
        services.AddLocalMailbox();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddLocalMailbox_binds_the_Mailbox_and_Outbox_sections_and_resolves_the_mailbox_and_dispatcher()
    {
        using var provider = Provider(new()
        {
            ["Mailbox:Folder"] = "var/post",
            ["Mailbox:From"] = "Sekretariatet <sekretariat@albertslund.dk>",
            ["Outbox:MaxAttempts"] = "3",
            ["Outbox:BatchSize"] = "10",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();

        var mailbox = Assert.IsType<LocalMailbox>(provider.GetRequiredService<IMailTransport>());
        Assert.Equal(Path.GetFullPath("var/post"), mailbox.Folder);
        Assert.Equal("Sekretariatet <sekretariat@albertslund.dk>", provider.GetRequiredService<IOptions<MailboxOptions>>().Value.From);
        var outbox = provider.GetRequiredService<IOptions<OutboxOptions>>().Value;
        Assert.Equal(3, outbox.MaxAttempts);
        Assert.Equal(10, outbox.BatchSize);
        Assert.NotNull(provider.GetRequiredService<OutboxDispatcher>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddLocalMailbox_defaults_to_data_mail_from_Netvaerksstedet_with_five_attempts()
    {
        using var provider = Provider([]);

        provider.GetRequiredService<IStartupValidator>().Validate();

        var mailbox = provider.GetRequiredService<IOptions<MailboxOptions>>().Value;
        Assert.Equal("data/mail", mailbox.Folder);
        Assert.Equal("Netværksstedet <netvaerk@albertslund.dk>", mailbox.From);
        Assert.Equal(5, provider.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxAttempts);
    }

    [Theory]
    [InlineData("Mailbox:From", "ikke en adresse")]
    [InlineData("Mailbox:Folder", "")]
    [InlineData("Outbox:MaxAttempts", "0")]
    [InlineData("Outbox:BatchSize", "0")]
    public void Invalid_settings_fail_validation_at_start(string key, string value)
    {
        using var provider = Provider(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }
}
