using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Netvaerk.Domain.Ports;
using Netvaerk.Functions.Approvals;
using Netvaerk.Functions.Http;
using Netvaerk.Functions.Timelines;
using Netvaerk.Infrastructure;
using Netvaerk.Web;

namespace Netvaerk.Functions;

public static class DependencyInjection
{
    /// <summary>
    /// The Azure host's own parts: Durable engines for timelines and approvals, identity from App Service
    /// Authentication, the shared web pipeline behind the catch-all HTTP function, and telemetry.
    /// </summary>
    public static IServiceCollection AddFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // E-mail leaves through the queue trigger; with the store's own outbox nothing would ever send it.
        if (InfrastructureChoice.From(configuration).Outbox != OutboxKind.StorageQueue)
        {
            throw new InvalidOperationException("The Functions host sends e-mail from the queue: set Netvaerk:Outbox to StorageQueue.");
        }

        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.TryAddSingleton(TimeProvider.System);
        services.AddRouting();
        services.AddAppServiceIdentity();
        services.AddSingleton<DurableClients>();
        services.AddSingleton<ITimelineEngine, DurableTimelineEngine>();
        services.AddSingleton<IApprovalEngine, DurableApprovalEngine>();
        services.AddSingleton<WebPipeline>();
        services.AddHostedService<FirstSecretariat>();
        return services;
    }
}
