using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;

namespace Netvaerk.Domain.Workflow;

/// <summary>Who may sign in: registered staff, and employees by the municipality's e-mail domains.</summary>
/// <param name="FirstSecretariatEmail">Made a secretariat user at start, so someone can add the others.</param>
/// <param name="EmployeeDomains">Addresses in these domains may sign in as employees (to submit ideas).</param>
/// <param name="LinkLifetime">How long a sign-in link works.</param>
public sealed record AccessSettings(string FirstSecretariatEmail, IReadOnlyList<string> EmployeeDomains, TimeSpan LinkLifetime);

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

    /// <summary>The user an address signs in as: a registered user, or an employee of the municipality; else null.</summary>
    public async Task<StaffUser?> UserForAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim().ToLowerInvariant();
        var user = await access.FindUserAsync(Tenant, address, cancellationToken);
        if (user is not null) return user;
        var domain = address[(address.LastIndexOf('@') + 1)..];
        return accessSettings.EmployeeDomains.Contains(domain, StringComparer.OrdinalIgnoreCase)
            ? new StaffUser(address, address[..address.IndexOf('@', StringComparison.Ordinal)], [StaffRole.Employee])
            : null;
    }

    /// <summary>
    /// Mails a sign-in link if the address may sign in. Says nothing either way, so the answer does not tell a
    /// stranger which addresses exist.
    /// </summary>
    public async Task RequestLinkAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await UserForAsync(email, cancellationToken);
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

    /// <summary>Uses a sign-in link once; returns who signed in, or null if the link is unknown, used or expired.</summary>
    public async Task<StaffUser?> SignInAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!SurveyTokens.IsWellFormed(token)) return null;
        var used = await access.ConsumeSignInTokenAsync(Tenant, SurveyTokens.Hash(token), time.GetUtcNow(), cancellationToken);
        return used is null ? null : await UserForAsync(used.Email, cancellationToken);
    }

    /// <summary>The secretariat registers or changes a staff user.</summary>
    public Task SaveUserAsync(StaffUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return access.UpsertUserAsync(Tenant, user with { Email = Participants.EmailAddress.Require(user.Email).ToLowerInvariant() }, cancellationToken);
    }
}
