using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Ports;

public enum StaffRole
{
    /// <summary>Netværkssekretariatet: reviews and routes ideas, starts networks, sees the portfolio.</summary>
    Secretariat,

    /// <summary>A member of Direktørforum or Chefforum: decides ideas.</summary>
    ForumMember,

    /// <summary>Leads one or more networks.</summary>
    NetworkLeader,

    /// <summary>Any employee: submits ideas.</summary>
    Employee,
}

/// <summary>
/// A staff user, known by e-mail address (lower case); a forum member also names the forum. <see cref="Name"/> is empty
/// until the person gives it (an employee signing in by the municipality's domain); letters then greet neutrally. A
/// deactivated user (<see cref="Active"/> false) cannot sign in, and their sessions end.
/// </summary>
public sealed record StaffUser(string Email, string Name, IReadOnlyList<StaffRole> Roles, Forum? Forum = null, bool Active = true)
{
    public bool Has(StaffRole role) => Roles.Contains(role);

    /// <summary>The name, or the address while no name is known: for lists and "submitted by", never for a greeting.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Email : Name;
}

/// <summary>
/// A signed-in browser. The cookie carries the session's secret; the store keeps its hash, so signing out (or the
/// secretariat deactivating the user) ends the session on the server, not only in that browser.
/// </summary>
public sealed record StaffSession(string SessionHash, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>A single-use sign-in link; only the hash of its token is stored.</summary>
public sealed record SignInToken(string TokenHash, string Email, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

public interface IAccessStore
{
    Task<StaffUser?> FindUserAsync(string tenantId, string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffUser>> ListUsersAsync(string tenantId, CancellationToken cancellationToken = default);

    Task UpsertUserAsync(string tenantId, StaffUser user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new sign-in token and, in the same write, voids every unused token of the same address: only the newest
    /// link works.
    /// </summary>
    Task AddSignInTokenAsync(string tenantId, SignInToken token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the token used and returns it, atomically, if it exists, is unused and has not expired at
    /// <paramref name="now"/>; otherwise null.
    /// </summary>
    Task<SignInToken?> ConsumeSignInTokenAsync(string tenantId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task AddSessionAsync(string tenantId, StaffSession session, CancellationToken cancellationToken = default);

    Task<StaffSession?> FindSessionAsync(string tenantId, string sessionHash, CancellationToken cancellationToken = default);

    /// <summary>Ends one session (sign-out); ending an ended or unknown session changes nothing.</summary>
    Task RevokeSessionAsync(string tenantId, string sessionHash, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Ends every open session of the address (deactivation).</summary>
    Task RevokeSessionsAsync(string tenantId, string email, DateTimeOffset at, CancellationToken cancellationToken = default);
}
