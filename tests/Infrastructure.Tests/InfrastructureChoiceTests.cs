using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Cosmos;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Infrastructure.Queues;
using Netvaerk.Infrastructure.SendGrid;
using Netvaerk.Infrastructure.Sqlite;

namespace Netvaerk.Infrastructure.Tests;

/// <summary>Netvaerk:Store, Netvaerk:Outbox and Netvaerk:Mail choose the adapters; each adapter's options are checked at start.</summary>
public sealed class InfrastructureChoiceTests
{
    private static IHost Host(params (string Key, string? Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddInfrastructure(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public void Nothing_configured_is_the_embedded_system()
    {
        using var host = Host(("Sqlite:Path", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.db")));

        Assert.Equal(InfrastructureChoice.Embedded, host.Services.GetRequiredService<InfrastructureChoice>());
        Assert.IsType<SqliteOutbox>(host.Services.GetRequiredService<IOutbox>());
        Assert.IsType<LocalMailbox>(host.Services.GetRequiredService<IMailTransport>());
        Assert.IsType<OutboxDispatcher>(host.Services.GetRequiredService<IOutboxDelivery>());
    }

    [Fact]
    public void The_Azure_adapters_are_chosen_by_configuration_alone_in_any_casing()
    {
        using var host = Host(
            ("Netvaerk:Store", "cosmos"), ("Netvaerk:Outbox", "StorageQueue"), ("Netvaerk:Mail", "SENDGRID"),
            ("Cosmos:Endpoint", "https://localhost:8081/"), ("Cosmos:Key", "a2V5"),
            ("OutboxQueue:ConnectionString", "UseDevelopmentStorage=true"),
            ("SendGrid:ApiKey", "SG.x"));

        Assert.Equal(new InfrastructureChoice(StoreKind.Cosmos, OutboxKind.StorageQueue, MailKind.SendGrid), host.Services.GetRequiredService<InfrastructureChoice>());
        Assert.IsType<CosmosIdeaStore>(host.Services.GetRequiredService<IIdeaStore>());
        Assert.IsType<QueuedOutbox>(host.Services.GetRequiredService<IOutbox>());
        Assert.IsType<SendGridMailTransport>(host.Services.GetRequiredService<IMailTransport>());
        Assert.IsType<QueueOutboxSender>(host.Services.GetRequiredService<IOutboxDelivery>());
    }

    [Theory]
    [InlineData("Netvaerk:Store", "Mongo", "Netvaerk:Store is 'Mongo'; it must be one of Sqlite, Cosmos")]
    [InlineData("Netvaerk:Outbox", "ServiceBus", "Netvaerk:Outbox is 'ServiceBus'; it must be one of Local, StorageQueue")]
    [InlineData("Netvaerk:Mail", "Smtp", "Netvaerk:Mail is 'Smtp'; it must be one of Mailbox, SendGrid")]
    [InlineData("Netvaerk:Store", "1", "Netvaerk:Store is '1'")]
    public void An_unknown_adapter_stops_the_host_naming_the_setting_and_the_choices(string key, string value, string message)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Host((key, value)));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cosmos:Endpoint must name the Cosmos DB account endpoint", "Netvaerk:Store", "Cosmos")]
    [InlineData("SendGrid:ApiKey must hold the SendGrid API key", "Netvaerk:Mail", "SendGrid")]
    [InlineData("OutboxQueue needs exactly one of ServiceUri (Azure, managed identity) and ConnectionString (Azurite).", "Netvaerk:Outbox", "StorageQueue")]
    public async Task An_adapter_without_its_settings_stops_the_host_at_start_with_a_clear_message(string message, string key, string value)
    {
        using var host = Host((key, value), ("Sqlite:Path", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.db")));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_Cosmos_endpoint_is_refused()
    {
        using var host = Host(("Netvaerk:Store", "Cosmos"), ("Cosmos:Endpoint", "http://localhost:8081/"), ("Cosmos:Key", "a2V5"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cosmos:Endpoint must be an https:// address.", failure.Message, StringComparison.Ordinal);
    }
}
