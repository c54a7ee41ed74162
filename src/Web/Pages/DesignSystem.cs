using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Netvaerk.Web.Pages;

/// <summary>
/// Det Fælles Designsystem's files (embedded at build from npm <c>dkfds</c>), served by both hosts from one route. The
/// version is in the path, so a browser may keep them for a year.
/// </summary>
internal static class DesignSystem
{
    public const string Version = "11.2.0";
    public const string Root = "/dkfds/" + Version;
    public const string Stylesheet = Root + "/css/dkfds.min.css";
    public const string Script = Root + "/js/dkfds.min.js";

    /// <summary>Starts the design system's enhancements (accordions, error summaries' focus …); a file, since the CSP allows no inline script.</summary>
    public const string InitScript = "/js/netvaerk.js";

    private static readonly Assembly Assembly = typeof(DesignSystem).Assembly;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapDesignSystem(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Root + "/{**path}", (string path, HttpContext http) =>
        {
            // Only names the build embedded: a path that climbs (..) or names anything else is not among them.
            var stream = Assembly.GetManifestResourceStream("dkfds/" + path);
            if (stream is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            var type = ContentTypes.TryGetContentType(path, out var t) ? t : "application/octet-stream";
            return Results.Stream(stream, type == "text/css" ? "text/css; charset=utf-8" : type);
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet(InitScript, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text("window.DKFDS && DKFDS.init();\n", "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
