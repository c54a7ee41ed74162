using Netvaerk.Domain.Ports;
using static Netvaerk.Infrastructure.Tests.Stores.Samples;

namespace Netvaerk.Infrastructure.Tests.Stores;

/// <summary>What every <see cref="IAccessStore"/> adapter must do. Subclass it with a factory for the adapter.</summary>
public abstract class AccessStoreContract
{
    private static readonly DateTimeOffset Now = At(2027, 3, 1, 10);

    /// <summary>A store over storage of its own for this test (or at least one no other test writes the same tenants in).</summary>
    protected abstract Task<IAccessStore> CreateStoreAsync();

    private static StaffUser Mette(params StaffRole[] roles) =>
        new("mette.holm@albertslund.dk", "Mette Holm", roles.Length == 0 ? [StaffRole.NetworkLeader, StaffRole.Employee] : roles);

    private static SignInToken Token(DateTimeOffset expiresAt, DateTimeOffset? usedAt = null) =>
        new(TokenHash(), "mette.holm@albertslund.dk", expiresAt, usedAt);

    [Fact]
    public async Task An_upserted_user_is_found_by_email_in_any_case_with_every_role()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var user = Mette();

        await store.UpsertUserAsync(tenant, user);

        var found = await store.FindUserAsync(tenant, " Mette.Holm@Albertslund.DK ");
        Assert.NotNull(found);
        Assert.Equal(user.Email, found.Email);
        Assert.Equal(user.Name, found.Name);
        Assert.Equal(user.Roles, found.Roles);
        Assert.Null(await store.FindUserAsync(tenant, "ukendt@albertslund.dk"));
    }

    [Fact]
    public async Task Upserting_a_known_user_replaces_the_name_and_roles()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        await store.UpsertUserAsync(tenant, Mette());

        await store.UpsertUserAsync(tenant, Mette(StaffRole.Secretariat) with { Email = "METTE.HOLM@albertslund.dk", Name = "Mette S. Holm" });

        var user = Assert.Single(await store.ListUsersAsync(tenant));
        Assert.Equal("mette.holm@albertslund.dk", user.Email);
        Assert.Equal("Mette S. Holm", user.Name);
        Assert.Equal([StaffRole.Secretariat], user.Roles);
    }

    [Fact]
    public async Task Users_are_listed_per_tenant_by_email()
    {
        var store = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        await store.UpsertUserAsync(tenantA, new StaffUser("ole@albertslund.dk", "Ole", [StaffRole.ForumMember]));
        await store.UpsertUserAsync(tenantA, new StaffUser("anna@albertslund.dk", "Anna", [StaffRole.Employee]));
        await store.UpsertUserAsync(tenantB, Mette());

        Assert.Equal(["anna@albertslund.dk", "ole@albertslund.dk"], (await store.ListUsersAsync(tenantA)).Select(u => u.Email));
        Assert.Null(await store.FindUserAsync(tenantA, "mette.holm@albertslund.dk"));
    }

    [Fact]
    public async Task A_valid_token_is_consumed_once_and_returned_marked_used()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var token = Token(Now.AddMinutes(15));
        await store.AddSignInTokenAsync(tenant, token);

        var consumed = await store.ConsumeSignInTokenAsync(tenant, token.TokenHash, Now);

        Assert.NotNull(consumed);
        Assert.Equal(token with { UsedAt = Now }, consumed);
        Assert.Null(await store.ConsumeSignInTokenAsync(tenant, token.TokenHash, Now.AddSeconds(1)));
    }

    [Fact]
    public async Task An_expired_token_cannot_be_consumed()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var expired = Token(Now.AddMinutes(-1));
        var expiringNow = Token(Now);
        await store.AddSignInTokenAsync(tenant, expired);
        await store.AddSignInTokenAsync(tenant, expiringNow);

        Assert.Null(await store.ConsumeSignInTokenAsync(tenant, expired.TokenHash, Now));
        Assert.Null(await store.ConsumeSignInTokenAsync(tenant, expiringNow.TokenHash, Now));
    }

    [Fact]
    public async Task An_expiry_is_compared_as_an_instant_whatever_its_offset()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var token = Token(Now.AddMinutes(1).ToOffset(TimeSpan.FromHours(-10)));
        await store.AddSignInTokenAsync(tenant, token);

        Assert.NotNull(await store.ConsumeSignInTokenAsync(tenant, token.TokenHash, Now.ToOffset(TimeSpan.FromHours(10))));
    }

    [Fact]
    public async Task A_used_or_unknown_token_cannot_be_consumed()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var used = Token(Now.AddMinutes(15), usedAt: Now.AddMinutes(-2));
        await store.AddSignInTokenAsync(tenant, used);

        Assert.Null(await store.ConsumeSignInTokenAsync(tenant, used.TokenHash, Now));
        Assert.Null(await store.ConsumeSignInTokenAsync(tenant, TokenHash(), Now));
    }

    [Fact]
    public async Task A_token_in_one_tenant_cannot_be_consumed_in_another()
    {
        var store = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        var token = Token(Now.AddMinutes(15));
        await store.AddSignInTokenAsync(tenantA, token);

        Assert.Null(await store.ConsumeSignInTokenAsync(tenantB, token.TokenHash, Now));
        Assert.NotNull(await store.ConsumeSignInTokenAsync(tenantA, token.TokenHash, Now));
    }

    [Fact]
    public async Task Of_simultaneous_consumes_of_one_token_exactly_one_succeeds()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var token = Token(Now.AddMinutes(15));
        await store.AddSignInTokenAsync(tenant, token);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => store.ConsumeSignInTokenAsync(tenant, token.TokenHash, Now))));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Adding_a_token_hash_twice_throws()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var token = Token(Now.AddMinutes(15));
        await store.AddSignInTokenAsync(tenant, token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddSignInTokenAsync(tenant, token));
    }

    [Fact]
    public async Task A_new_sign_in_token_voids_the_older_unused_tokens_of_the_same_address_only()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var older = Token(Now.AddMinutes(30));
        var other = new SignInToken(TokenHash(), "ole@albertslund.dk", Now.AddMinutes(30), null);
        await store.AddSignInTokenAsync(tenant, older);
        await store.AddSignInTokenAsync(tenant, other);
        var newer = Token(Now.AddMinutes(40)) with { Email = "METTE.HOLM@albertslund.dk" };

        await store.AddSignInTokenAsync(tenant, newer);

        Assert.Null(await store.ConsumeSignInTokenAsync(tenant, older.TokenHash, Now));
        Assert.NotNull(await store.ConsumeSignInTokenAsync(tenant, newer.TokenHash, Now));
        Assert.NotNull(await store.ConsumeSignInTokenAsync(tenant, other.TokenHash, Now));
    }

    [Fact]
    public async Task A_session_is_found_until_it_is_revoked()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var session = new StaffSession(TokenHash(), "mette.holm@albertslund.dk", Now, Now.AddHours(12), null);
        await store.AddSessionAsync(tenant, session);

        var found = await store.FindSessionAsync(tenant, session.SessionHash);
        Assert.Equal(session, found);
        Assert.Null(await store.FindSessionAsync(NewTenant(), session.SessionHash));

        await store.RevokeSessionAsync(tenant, session.SessionHash, Now.AddHours(1));
        await store.RevokeSessionAsync(tenant, session.SessionHash, Now.AddHours(2));
        Assert.Equal(Now.AddHours(1), (await store.FindSessionAsync(tenant, session.SessionHash))!.RevokedAt);
    }

    [Fact]
    public async Task Revoking_an_address_ends_all_its_sessions_and_no_one_elses()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var laptop = new StaffSession(TokenHash(), "mette.holm@albertslund.dk", Now, Now.AddHours(12), null);
        var phone = laptop with { SessionHash = TokenHash() };
        var ole = new StaffSession(TokenHash(), "ole@albertslund.dk", Now, Now.AddHours(12), null);
        foreach (var s in new[] { laptop, phone, ole }) await store.AddSessionAsync(tenant, s);

        await store.RevokeSessionsAsync(tenant, "Mette.Holm@albertslund.dk", Now.AddHours(1));

        Assert.NotNull((await store.FindSessionAsync(tenant, laptop.SessionHash))!.RevokedAt);
        Assert.NotNull((await store.FindSessionAsync(tenant, phone.SessionHash))!.RevokedAt);
        Assert.Null((await store.FindSessionAsync(tenant, ole.SessionHash))!.RevokedAt);
    }

    [Fact]
    public async Task A_deactivated_user_is_stored_as_such()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();

        await store.UpsertUserAsync(tenant, Mette() with { Active = false, Name = "" });

        var found = await store.FindUserAsync(tenant, "mette.holm@albertslund.dk");
        Assert.False(found!.Active);
        Assert.Equal("", found.Name);
    }
}
