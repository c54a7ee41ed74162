using Microsoft.Extensions.Diagnostics.HealthChecks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

/// <summary>Healthy when the store answers a read in this tenant's partition (a miss is an answer).</summary>
internal sealed class StoreHealthCheck(IIdeaStore ideas, WorkflowSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await ideas.FindAsync(settings.TenantId, "health-check", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Lageret svarer ikke.", e);
        }
    }
}
