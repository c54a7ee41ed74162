using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Local.Runner;
using Netvaerk.Web;

namespace Netvaerk.Local;

public static class DependencyInjection
{
    /// <summary>The one-machine engine: the runner drives timelines from the stored state and wakes on changes.</summary>
    public static IServiceCollection AddLocalHost(this IServiceCollection services)
    {
        services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Unless configured, the survey pseudonyms' secret lives beside the database, made on the first run.
        services.AddOptions<EvaluationOptions>().PostConfigure<IOptions<SqliteOptions>>((o, sqlite) =>
        {
            if (!string.IsNullOrEmpty(o.RespondentKeySecret)) return;
            var folder = Path.GetDirectoryName(Path.GetFullPath(sqlite.Value.Path)) ?? ".";
            o.RespondentKeySecret = LocalSecrets.ReadOrCreate(folder, LocalSecrets.RespondentKeyFile);
        });
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
