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

/// <summary>A staff user, known by e-mail address (lower case); a forum member also names the forum.</summary>
public sealed record StaffUser(string Email, string Name, IReadOnlyList<StaffRole> Roles, Forum? Forum = null)
{
    public bool Has(StaffRole role) => Roles.Contains(role);
}

/// <summary>A single-use sign-in link; only the hash of its token is stored.</summary>
public sealed record SignInToken(string TokenHash, string Email, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

public interface IAccessStore
{
    Task<StaffUser?> FindUserAsync(string tenantId, string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffUser>> ListUsersAsync(string tenantId, CancellationToken cancellationToken = default);

    Task UpsertUserAsync(string tenantId, StaffUser user, CancellationToken cancellationToken = default);

    Task AddSignInTokenAsync(string tenantId, SignInToken token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the token used and returns it, atomically, if it exists, is unused and has not expired at
    /// <paramref name="now"/>; otherwise null.
    /// </summary>
    Task<SignInToken?> ConsumeSignInTokenAsync(string tenantId, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);
}
