using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;

namespace Netvaerk.Domain.Workflow;

/// <summary>Who may sign in: registered staff, and employees by the municipality's e-mail domains.</summary>
/// <param name="FirstSecretariatEmail">Made a secretariat user at start, so someone can add the others.</param>
/// <param name="EmployeeDomains">Addresses in these domains may sign in as employees (to submit ideas).</param>
/// <param name="LinkLifetime">How long a sign-in link works.</param>
/// <param name="SessionLifetime">How long a session lasts at most, however active, before signing in again.</param>
public sealed record AccessSettings(string FirstSecretariatEmail, IReadOnlyList<string> EmployeeDomains, TimeSpan LinkLifetime, TimeSpan SessionLifetime)
{
    /// <summary>Whether the address is in one of the municipality's domains (and so may sign in as an employee).</summary>
    public bool IsEmployeeAddress(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at > 0 && EmployeeDomains.Contains(email[(at + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>Sign-in by a single-use e-mail link: the token lives only in the e-mail, the store keeps its hash.</summary>
public sealed class AccessWorkflow(IAccessStore access, IOutbox outbox, ISecretGenerator secrets, WorkflowSettings settings, AccessSettings accessSettings, TimeProvider time)
{
    private string Tenant => settings.TenantId;

    /// <summary>Makes sure the configured first secretariat user exists.</summary>
    public async Task EnsureFirstSecretariatAsync(CancellationToken cancellationToken = default)
    {
        var email = accessSettings.FirstSecretariatEmail.Trim().ToLowerInvariant();
        var user = await access.FindUserAsync(Tenant, email, cancellationToken);
        if (user is null)
        {
            await access.UpsertUserAsync(Tenant, new StaffUser(email, "Netværkssekretariatet", [StaffRole.Secretariat]), cancellationToken);
        }
        else if (!user.Has(StaffRole.Secretariat))
        {
            await access.UpsertUserAsync(Tenant, user with { Roles = [.. user.Roles, StaffRole.Secretariat] }, cancellationToken);
        }
    }

    /// <summary>
    /// The user an address signs in as: a registered user (also when deactivated, so callers can tell), or an employee of
    /// the municipality by domain, whose name is not known yet; else null.
    /// </summary>
    public async Task<StaffUser?> UserForAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim().ToLowerInvariant();
        var user = await access.FindUserAsync(Tenant, address, cancellationToken);
        if (user is not null) return user;
        return accessSettings.IsEmployeeAddress(address) ? new StaffUser(address, "", [StaffRole.Employee]) : null;
    }

    /// <summary>The user an address signs in as, if that user may sign in now (not deactivated); else null.</summary>
    public async Task<StaffUser?> ActiveUserForAsync(string email, CancellationToken cancellationToken = default) =>
        await UserForAsync(email, cancellationToken) is { Active: true } user ? user : null;

    /// <summary>
    /// Mails a sign-in link if the address may sign in; a new link voids the address's older unused ones. Says nothing
    /// either way, so the answer does not tell a stranger which addresses exist.
    /// </summary>
    public async Task RequestLinkAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await ActiveUserForAsync(email, cancellationToken);
        if (user is null) return;
        var token = secrets.NewToken();
        var now = time.GetUtcNow();
        var expires = now + accessSettings.LinkLifetime;
        var hash = SurveyTokens.Hash(token);
        await access.AddSignInTokenAsync(Tenant, new SignInToken(hash, user.Email, expires, UsedAt: null), cancellationToken);
        var recipient = new Recipient(user.Name, user.Email);
        await outbox.EnqueueAsync(new OutboxMessage($"signin/{hash}", Tenant, user.Email, user.Name,
            LifecycleMessages.SignInLink(recipient, settings.Link($"log-ind/{token}"), expires), now), cancellationToken);
    }

    /// <summary>Uses a sign-in link once; returns who signed in, or null if the link is unknown, used or expired, or the user deactivated.</summary>
    public async Task<StaffUser?> SignInAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!SurveyTokens.IsWellFormed(token)) return null;
        var used = await access.ConsumeSignInTokenAsync(Tenant, SurveyTokens.Hash(token), time.GetUtcNow(), cancellationToken);
        return used is null ? null : await ActiveUserForAsync(used.Email, cancellationToken);
    }

    /// <summary>Opens a session for a user who just signed in; returns its secret, which only the session cookie holds.</summary>
    public async Task<string> StartSessionAsync(StaffUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = secrets.NewToken();
        var now = time.GetUtcNow();
        await access.AddSessionAsync(Tenant, new StaffSession(SurveyTokens.Hash(secret), user.Email, now, now + accessSettings.SessionLifetime, null),
            cancellationToken);
        return secret;
    }

    /// <summary>
    /// The user behind a session as they are now — current roles and forum — or null when the session was ended, has run
    /// out, or its user is deactivated or no longer may sign in. Asked on every request, so a change of roles takes effect
    /// at once.
    /// </summary>
    public async Task<StaffUser?> ValidateSessionAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!SurveyTokens.IsWellFormed(secret)) return null;
        var session = await access.FindSessionAsync(Tenant, SurveyTokens.Hash(secret), cancellationToken);
        if (session is null || session.RevokedAt is not null || session.ExpiresAt <= time.GetUtcNow()) return null;
        return await ActiveUserForAsync(session.Email, cancellationToken);
    }

    /// <summary>Signing out ends the session on the server: the cookie, if copied, no longer works.</summary>
    public Task EndSessionAsync(string secret, CancellationToken cancellationToken = default) =>
        SurveyTokens.IsWellFormed(secret)
            ? access.RevokeSessionAsync(Tenant, SurveyTokens.Hash(secret), time.GetUtcNow(), cancellationToken)
            : Task.CompletedTask;

    /// <summary>The secretariat registers, changes or deactivates a staff user; deactivation ends all their sessions.</summary>
    public async Task SaveUserAsync(StaffUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var saved = user with { Email = Participants.EmailAddress.Require(user.Email).ToLowerInvariant() };
        await access.UpsertUserAsync(Tenant, saved, cancellationToken);
        if (!saved.Active) await access.RevokeSessionsAsync(Tenant, saved.Email, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>A signed-in person gives their name (asked at first sign-in); an employee by domain becomes a stored user.</summary>
    public async Task<StaffUser> SetNameAsync(string email, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var user = await UserForAsync(email, cancellationToken) ?? throw new Common.NotFoundException("Brugeren findes ikke.");
        var named = user with { Name = name.Trim() };
        await access.UpsertUserAsync(Tenant, named, cancellationToken);
        return named;
    }
}
