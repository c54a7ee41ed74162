namespace Netvaerk.Testing;

/// <summary>One Cosmos DB API server (behind its fault proxy) for every test class of the "cosmos" collection.</summary>
public sealed class CosmosFixture : IAsyncLifetime
{
    public CosmosServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CosmosServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync(); // it may have failed to start
    }
}

[CollectionDefinition(Name)]
public sealed class CosmosTests : ICollectionFixture<CosmosFixture>
{
    public const string Name = "cosmos";
}

/// <summary>One Azurite for every test class of the "azurite" collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync();

    public Task DisposeAsync()
    {
        Server?.Dispose(); // it may have failed to start
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
