using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Cosmos;
using Netvaerk.Infrastructure.Tests.Stores;
using Netvaerk.Testing;

namespace Netvaerk.Infrastructure.Tests.Cosmos;

// The same store contracts as SQLite, against npm @vercel/cosmosdb-server; every test gets a database of its own.

[Collection(CosmosTests.Name)]
public sealed class CosmosIdeaStoreTests(CosmosFixture cosmos) : IdeaStoreContract
{
    protected override async Task<IIdeaStore> CreateStoreAsync() => new CosmosIdeaStore(await cosmos.Server.CreateDatabaseAsync());
}

[Collection(CosmosTests.Name)]
public sealed class CosmosNetworkStoreTests(CosmosFixture cosmos) : NetworkStoreContract
{
    protected override async Task<INetworkStore> CreateStoreAsync() => new CosmosNetworkStore(await cosmos.Server.CreateDatabaseAsync());
}

[Collection(CosmosTests.Name)]
public sealed class CosmosOutboxTests(CosmosFixture cosmos) : OutboxContract
{
    protected override async Task<IOutbox> CreateStoreAsync() => new CosmosOutbox(await cosmos.Server.CreateDatabaseAsync(), TimeProvider.System);
}

[Collection(CosmosTests.Name)]
public sealed class CosmosSurveyStoreTests(CosmosFixture cosmos) : SurveyStoreContract
{
    protected override async Task<ISurveyStore> CreateStoreAsync() => new CosmosSurveyStore(await cosmos.Server.CreateDatabaseAsync());
}

[Collection(CosmosTests.Name)]
public sealed class CosmosInvolvementStoreTests(CosmosFixture cosmos) : InvolvementStoreContract
{
    protected override async Task<IInvolvementStore> CreateStoreAsync() => new CosmosInvolvementStore(await cosmos.Server.CreateDatabaseAsync());
}

[Collection(CosmosTests.Name)]
public sealed class CosmosAccessStoreTests(CosmosFixture cosmos) : AccessStoreContract
{
    protected override async Task<IAccessStore> CreateStoreAsync() => new CosmosAccessStore(await cosmos.Server.CreateDatabaseAsync());
}
