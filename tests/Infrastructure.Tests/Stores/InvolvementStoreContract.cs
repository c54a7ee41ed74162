using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Infrastructure.Tests.Stores.Samples;

namespace Netvaerk.Infrastructure.Tests.Stores;

/// <summary>What every <see cref="IInvolvementStore"/> adapter must do. Subclass it with a factory for the adapter.</summary>
public abstract class InvolvementStoreContract
{
    /// <summary>A store over storage of its own for this test (or at least one no other test writes the same tenants in).</summary>
    protected abstract Task<IInvolvementStore> CreateStoreAsync();

    private static InvolvementRecord Record(string networkId, DateOnly date, string? id = null, StakeholderGroup group = StakeholderGroup.Citizens) =>
        new(id ?? Guid.NewGuid().ToString(), networkId, group, "Beboere i Hyldespjældet", 12, "Dialogmøde i beboerhuset", date,
            At(2027, 3, 10, 15, 45), "mette.holm@albertslund.dk");

    [Fact]
    public async Task An_added_record_is_listed_exactly_as_given()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = Record("net-1", new DateOnly(2027, 3, 9), group: StakeholderGroup.KnowledgeInstitutions);

        Assert.True(await store.AddAsync(tenant, record));

        var listed = Assert.Single(await store.ListAsync(tenant, "net-1"));
        Assert.Equal(record, listed);
        Assert.Equal(record.RegisteredAt.Offset, listed.RegisteredAt.Offset);
    }

    [Fact]
    public async Task Adding_a_record_with_an_existing_id_stores_nothing()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var record = Record("net-1", new DateOnly(2027, 3, 9));
        await store.AddAsync(tenant, record);

        Assert.False(await store.AddAsync(tenant, record with { HowMany = 99 }));

        Assert.Equal(12, Assert.Single(await store.ListAsync(tenant, "net-1")).HowMany);
    }

    [Fact]
    public async Task Records_are_listed_per_network_by_date()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var later = Record("net-1", new DateOnly(2027, 3, 20));
        var earlier = Record("net-1", new DateOnly(2027, 3, 2));
        await store.AddAsync(tenant, later);
        await store.AddAsync(tenant, Record("net-2", new DateOnly(2027, 3, 1)));
        await store.AddAsync(tenant, earlier);

        Assert.Equal([earlier, later], await store.ListAsync(tenant, "net-1"));
        Assert.Empty(await store.ListAsync(tenant, "net-3"));
    }

    [Fact]
    public async Task A_record_in_one_tenant_is_invisible_in_another()
    {
        var store = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        var record = Record("net-1", new DateOnly(2027, 3, 9));
        await store.AddAsync(tenantA, record);

        Assert.Empty(await store.ListAsync(tenantB, "net-1"));
        Assert.True(await store.AddAsync(tenantB, record));
    }
}
