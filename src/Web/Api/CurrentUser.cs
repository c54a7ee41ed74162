using System.Security.Claims;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Web.Api;

internal static class CurrentUser
{
    public static ClaimsPrincipal Principal(StaffUser user)
    {
        var claims = new List<Claim> { new(ClaimTypes.Email, user.Email), new(ClaimTypes.Name, user.Name) };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        if (user.Forum is { } forum) claims.Add(new Claim("forum", forum.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "netvaerk-link"));
    }

    public static string Email(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Email) ?? "";

    public static Person Person(this ClaimsPrincipal principal) =>
        new(principal.FindFirstValue(ClaimTypes.Name) ?? principal.Email(), principal.Email());

    public static bool IsSecretariat(this ClaimsPrincipal principal) => principal.IsInRole(nameof(StaffRole.Secretariat));
}
