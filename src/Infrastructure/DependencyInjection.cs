using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Cosmos;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Infrastructure.Queues;
using Netvaerk.Infrastructure.SendGrid;
using Netvaerk.Infrastructure.Sqlite;

namespace Netvaerk.Infrastructure;

/// <summary>Registrations of the infrastructure adapters.</summary>
public static partial class DependencyInjection
{
    /// <summary>
    /// The adapters <see cref="InfrastructureChoice"/> names (<c>Netvaerk:Store</c>, <c>Netvaerk:Outbox</c>,
    /// <c>Netvaerk:Mail</c>; SQLite, the store's own outbox and the local mailbox by default), each with its options
    /// validated when the host starts.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var choice = InfrastructureChoice.From(configuration);
        services.AddSingleton(choice);

        _ = choice.Store switch
        {
            StoreKind.Cosmos => services.AddCosmosStores(),
            _ => services.AddSqliteStores(),
        };
        _ = choice.Mail switch
        {
            MailKind.SendGrid => services.AddSendGridMail(),
            _ => services.AddLocalMailbox(),
        };
        _ = choice.Outbox switch
        {
            OutboxKind.StorageQueue => services.AddOutboxQueue(),
            _ => services.AddTransient<IOutboxDelivery>(sp => sp.GetRequiredService<OutboxDispatcher>()),
        };
        return services;
    }

    /// <summary>
    /// The SQLite stores for one machine: <see cref="SqliteOptions"/> from the <c>Sqlite</c> section (validated at
    /// start), one <see cref="SqliteDatabase"/> (migrated when the host starts, and in any case before the first store
    /// call) and every store port.
    /// </summary>
    public static IServiceCollection AddSqliteStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SqliteOptions>()
            .BindConfiguration(SqliteOptions.SectionName)
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.Path) && o.Path.IndexOfAny(Path.GetInvalidPathChars()) < 0,
                "Sqlite:Path must name the database file (a relative path is resolved against the working directory).")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<SqliteOptions>>().Value));
        services.AddHostedService<SqliteMigrationService>();
        services.TryAddSingleton<IIdeaStore, SqliteIdeaStore>();
        services.TryAddSingleton<INetworkStore, SqliteNetworkStore>();
        services.TryAddSingleton<IOutbox, SqliteOutbox>();
        services.TryAddSingleton<ISurveyStore, SqliteSurveyStore>();
        services.TryAddSingleton<IInvolvementStore, SqliteInvolvementStore>();
        services.TryAddSingleton<IAccessStore, SqliteAccessStore>();
        return services;
    }

    /// <summary>
    /// The Cosmos DB stores: <see cref="CosmosOptions"/> from <c>Cosmos</c> (validated at start), one client, and the
    /// database and containers created at start only when <see cref="CosmosOptions.CreateIfMissing"/> says so.
    /// </summary>
    public static IServiceCollection AddCosmosStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CosmosOptions>()
            .BindConfiguration(CosmosOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Endpoint is null || o.Endpoint.Scheme == Uri.UriSchemeHttps, "Cosmos:Endpoint must be an https:// address.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TrustedCertificatePath) || File.Exists(o.TrustedCertificatePath),
                "Cosmos:TrustedCertificatePath names a file that does not exist.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CosmosDatabase(
            sp.GetRequiredService<IOptions<CosmosOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CosmosDatabase>>()));
        services.AddHostedService<CosmosInitializer>();
        services.TryAddSingleton<IIdeaStore, CosmosIdeaStore>();
        services.TryAddSingleton<INetworkStore, CosmosNetworkStore>();
        services.TryAddSingleton<IOutbox, CosmosOutbox>();
        services.TryAddSingleton<ISurveyStore, CosmosSurveyStore>();
        services.TryAddSingleton<IInvolvementStore, CosmosInvolvementStore>();
        services.TryAddSingleton<IAccessStore, CosmosAccessStore>();
        return services;
    }

    /// <summary>
    /// SendGrid as the mail transport (<see cref="SendGridOptions"/> from <c>SendGrid</c>), and the outbox options the
    /// senders share.
    /// </summary>
    public static IServiceCollection AddSendGridMail(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SendGridOptions>()
            .BindConfiguration(SendGridOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.From is not null && MimeKit.MailboxAddress.TryParse(o.From, out _), "SendGrid:From must be an e-mail address, e.g. \"Netværksstedet <netvaerk@albertslund.dk>\".")
            .ValidateOnStart();
        services.AddOutboxOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<IMailTransport, SendGridMailTransport>();
        services.AddTransient<OutboxDispatcher>();
        return services;
    }

    /// <summary>
    /// The queue outbox: the store's outbox wrapped so every message also gets a queue reference, and the queue sender
    /// as the delivery (<see cref="OutboxQueueOptions"/> from <c>OutboxQueue</c>).
    /// </summary>
    public static IServiceCollection AddOutboxQueue(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OutboxQueueOptions>()
            .BindConfiguration(OutboxQueueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<OutboxQueueClients>();
        services.AddHostedService<OutboxQueueInitializer>();

        // The store's outbox stays what it is; IOutbox becomes the queueing wrapper around it.
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IOutbox))
            ?? throw new InvalidOperationException("Register the stores before the outbox queue.");
        services.Remove(store);
        services.AddSingleton(sp => new StoreOutbox(Resolve(sp, store)));
        services.AddSingleton<IOutbox>(sp => new QueuedOutbox(sp.GetRequiredService<StoreOutbox>().Outbox, sp.GetRequiredService<OutboxQueueClients>()));
        services.AddTransient<QueueDelivery>();
        services.AddTransient<QueueOutboxSender>();
        services.AddTransient<IOutboxDelivery>(sp => sp.GetRequiredService<QueueOutboxSender>());
        return services;
    }

    internal static IServiceCollection AddOutboxOptions(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    private static IOutbox Resolve(IServiceProvider services, ServiceDescriptor descriptor) => (IOutbox)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>The store's own outbox, under the queueing wrapper.</summary>
    private sealed record StoreOutbox(IOutbox Outbox);
}

/// <summary>Creates the Cosmos DB database and containers at start, when configured to (never in Azure).</summary>
internal sealed class CosmosInitializer(CosmosDatabase database, IOptions<CosmosOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateIfMissing ? database.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Creates the outbox queue and its poison queue at start, when configured to (never in Azure).</summary>
internal sealed class OutboxQueueInitializer(OutboxQueueClients queue) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        queue.Options.CreateIfMissing ? queue.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
