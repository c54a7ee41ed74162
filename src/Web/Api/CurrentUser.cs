using System.Security.Claims;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Web.Api;

internal static class CurrentUser
{
    /// <summary>The claim holding the session's secret (the cookie is encrypted, so it stays secret).</summary>
    public const string SessionClaim = "netvaerk:session";

    /// <summary>The signed-in user with their roles; <paramref name="sessionSecret"/> only for a link sign-in's session.</summary>
    public static ClaimsPrincipal Principal(StaffUser user, string? sessionSecret, string authenticationType = "netvaerk-link")
    {
        var claims = new List<Claim>
        {
            // A stable identifier: antiforgery tokens are bound to it.
            new(ClaimTypes.NameIdentifier, user.Email),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Name, user.Name),
        };
        if (sessionSecret is not null) claims.Add(new Claim(SessionClaim, sessionSecret));
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        if (user.Forum is { } forum) claims.Add(new Claim("forum", forum.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static string Email(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Email) ?? "";

    /// <summary>
    /// The signed-in person; until they have given their name it is their address, which letters never use as a greeting
    /// (they say "Goddag").
    /// </summary>
    public static Person Person(this ClaimsPrincipal principal) =>
        new(principal.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } name ? name : principal.Email(), principal.Email());

    public static bool IsSecretariat(this ClaimsPrincipal principal) => principal.IsInRole(nameof(StaffRole.Secretariat));

    /// <summary>The forum a forum member sits in, or null.</summary>
    public static string? Forum(this ClaimsPrincipal principal) =>
        principal.IsInRole(nameof(StaffRole.ForumMember)) ? principal.FindFirstValue("forum") : null;
}
