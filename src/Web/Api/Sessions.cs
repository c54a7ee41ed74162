using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

/// <summary>
/// Sessions kept on the server: the cookie carries a session secret, and every request asks the store whether the
/// session is still open and who its user is now. Roles in the cookie are never trusted: a demoted user loses the role
/// on their next request, a deactivated user is signed out, and signing out ends the session for any copy of the cookie.
/// </summary>
internal static class Sessions
{
    public static async Task SignInAsync(HttpContext http, AccessWorkflow access, StaffUser user, CancellationToken cancellationToken)
    {
        var secret = await access.StartSessionAsync(user, cancellationToken);
        var principal = CurrentUser.Principal(user, secret);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        // The rest of this request (e.g. a page with a form) already acts as the signed-in user.
        http.User = principal;
    }

    public static async Task SignOutAsync(HttpContext http, AccessWorkflow access, CancellationToken cancellationToken)
    {
        if (http.User.FindFirstValue(CurrentUser.SessionClaim) is { } secret) await access.EndSessionAsync(secret, cancellationToken);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        http.User = new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>The cookie handler's per-request check: the session and the user as they are now, or no user at all.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var secret = context.Principal?.FindFirstValue(CurrentUser.SessionClaim);
        var access = context.HttpContext.RequestServices.GetRequiredService<AccessWorkflow>();
        var user = secret is null ? null : await access.ValidateSessionAsync(secret, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(CurrentUser.Principal(user, secret!));
    }
}
