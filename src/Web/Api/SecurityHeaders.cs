using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

/// <summary>
/// Headers every response carries, and the guard against other sites' requests. Pages load nothing but their own files
/// (the design system's stylesheet, script, fonts and icons) and post only to themselves; nothing may frame them
/// (clickjacking); no response is cached, since nearly all hold personal data or a personal link (the design system's
/// files say otherwise for themselves); and no address with a token in
/// it leaks to another site through the Referer header.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; script-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'";

    public static Task ApplyAsync(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>
    /// Refuses a state-changing request that a browser says comes from another site (Fetch Metadata, or an Origin that is
    /// not ours). Antiforgery tokens protect the forms; this also covers the JSON API and requests without a body, such
    /// as signing out. Clients that are not browsers send neither header and pass.
    /// </summary>
    public static async Task GuardCrossSiteAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next();
            return;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        // A browser that sends Fetch Metadata says where the request comes from; only older ones need the Origin check.
        // Origin "null" is what a browser sends for our own forms under Referrer-Policy: no-referrer, so it proves
        // nothing either way (the forms' antiforgery tokens and the SameSite cookie still hold).
        var crossSite = site.Length > 0
            ? site is "cross-site" or "same-site"
            : origin.Length > 0 && origin != "null"
                && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(origin, PublicOrigin(context), StringComparison.OrdinalIgnoreCase);
        if (crossSite)
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "Forespørgsler sendt fra et andet websted afvises.");
            return;
        }

        await next();
    }

    private static string PublicOrigin(HttpContext context) =>
        context.RequestServices.GetRequiredService<WorkflowSettings>().PublicBaseUrl.GetLeftPart(UriPartial.Authority);
}
