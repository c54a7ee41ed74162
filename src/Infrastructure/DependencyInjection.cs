using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Infrastructure.Sqlite;

namespace Netvaerk.Infrastructure;

/// <summary>Registrations of the infrastructure adapters.</summary>
public static partial class DependencyInjection
{
    /// <summary>Everything the embedded host needs: SQLite stores, the local mailbox and outbox delivery.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services) =>
        services.AddSqliteStores().AddLocalMailbox();

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
}
