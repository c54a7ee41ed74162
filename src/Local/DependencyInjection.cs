using Microsoft.Extensions.DependencyInjection.Extensions;
using Netvaerk.Domain.Ports;
using Netvaerk.Local.Runner;

namespace Netvaerk.Local;

public static class DependencyInjection
{
    /// <summary>The one-machine engine: the runner drives timelines from the stored state and wakes on changes.</summary>
    public static IServiceCollection AddLocalHost(this IServiceCollection services)
    {
        services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunnerSignal>();
        services.AddSingleton<LocalTimelineEngine>();
        services.AddSingleton<ITimelineEngine>(sp => sp.GetRequiredService<LocalTimelineEngine>());
        services.AddSingleton<IApprovalEngine>(sp => sp.GetRequiredService<LocalTimelineEngine>());
        services.AddSingleton<LocalRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalRunner>());
        return services;
    }
}
