using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Sqlite;
using Netvaerk.Infrastructure.Tests.Stores;

namespace Netvaerk.Infrastructure.Tests.Sqlite;

// The store contracts run against SQLite; every test gets a fresh database file, deleted afterwards.

public sealed class SqliteIdeaStoreTests : IdeaStoreContract, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    protected override Task<IIdeaStore> CreateStoreAsync() => Task.FromResult<IIdeaStore>(new SqliteIdeaStore(_file.Database));

    public void Dispose() => _file.Dispose();
}

public sealed class SqliteNetworkStoreTests : NetworkStoreContract, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    protected override Task<INetworkStore> CreateStoreAsync() => Task.FromResult<INetworkStore>(new SqliteNetworkStore(_file.Database));

    public void Dispose() => _file.Dispose();
}

public sealed class SqliteOutboxTests : OutboxContract, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    protected override Task<IOutbox> CreateStoreAsync() => Task.FromResult<IOutbox>(new SqliteOutbox(_file.Database));

    public void Dispose() => _file.Dispose();
}

public sealed class SqliteSurveyStoreTests : SurveyStoreContract, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    protected override Task<ISurveyStore> CreateStoreAsync() => Task.FromResult<ISurveyStore>(new SqliteSurveyStore(_file.Database));

    public void Dispose() => _file.Dispose();
}

public sealed class SqliteInvolvementStoreTests : InvolvementStoreContract, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    protected override Task<IInvolvementStore> CreateStoreAsync() =>
        Task.FromResult<IInvolvementStore>(new SqliteInvolvementStore(_file.Database));

    public void Dispose() => _file.Dispose();
}

public sealed class SqliteAccessStoreTests : AccessStoreContract, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    protected override Task<IAccessStore> CreateStoreAsync() => Task.FromResult<IAccessStore>(new SqliteAccessStore(_file.Database));

    public void Dispose() => _file.Dispose();
}
