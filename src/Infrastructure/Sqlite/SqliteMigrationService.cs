using Microsoft.Extensions.Hosting;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// Migrates the database when the host starts, so a broken schema stops the start instead of the first request.
/// (The stores would migrate on first use anyway.)
/// </summary>
internal sealed class SqliteMigrationService(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
