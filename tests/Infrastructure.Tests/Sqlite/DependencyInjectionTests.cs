using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Sqlite;

namespace Netvaerk.Infrastructure.Tests.Sqlite;

public sealed class DependencyInjectionTests : IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    public void Dispose() => _file.Dispose();

    private static ServiceProvider Provider(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSqliteStores();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Every_store_port_resolves_to_a_singleton_over_the_configured_file()
    {
        await using var provider = Provider(("Sqlite:Path", _file.FilePath));

        Assert.IsType<SqliteIdeaStore>(provider.GetRequiredService<IIdeaStore>());
        Assert.IsType<SqliteNetworkStore>(provider.GetRequiredService<INetworkStore>());
        Assert.IsType<SqliteOutbox>(provider.GetRequiredService<IOutbox>());
        Assert.IsType<SqliteSurveyStore>(provider.GetRequiredService<ISurveyStore>());
        Assert.IsType<SqliteInvolvementStore>(provider.GetRequiredService<IInvolvementStore>());
        Assert.IsType<SqliteAccessStore>(provider.GetRequiredService<IAccessStore>());
        Assert.Same(provider.GetRequiredService<IOutbox>(), provider.GetRequiredService<IOutbox>());
        Assert.Equal(_file.FilePath, provider.GetRequiredService<SqliteDatabase>().FilePath);
    }

    [Fact]
    public async Task The_hosted_service_migrates_the_database_at_start()
    {
        await using var provider = Provider(("Sqlite:Path", _file.FilePath));

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(_file.FilePath));
    }

    [Fact]
    public async Task Without_configuration_the_file_is_data_netvaerk_db()
    {
        await using var provider = Provider();

        Assert.Equal("data/netvaerk.db", provider.GetRequiredService<IOptions<SqliteOptions>>().Value.Path);
        Assert.Equal(Path.GetFullPath("data/netvaerk.db"), provider.GetRequiredService<SqliteDatabase>().FilePath);
    }

    [Fact]
    public async Task A_blank_path_is_refused_by_options_validation()
    {
        await using var provider = Provider(("Sqlite:Path", " "));

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteOptions>>().Value);
    }

    [Fact]
    public void Registering_twice_registers_each_service_once()
    {
        var services = new ServiceCollection();
        services.AddSqliteStores();
        services.AddSqliteStores();

        Assert.Single(services, d => d.ServiceType == typeof(IOutbox));
        Assert.Single(services, d => d.ServiceType == typeof(SqliteDatabase));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }
}
