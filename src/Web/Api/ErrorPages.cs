using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Web.Pages;

namespace Netvaerk.Web.Api;

/// <summary>
/// What an error status without a body becomes: a Danish page for a person's browser outside <c>/api</c>, Danish
/// problem details for everything else.
/// </summary>
internal static class ErrorPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (WantsPage(http.Request))
        {
            await Html.Page(Problems.TitleFor(status).TrimEnd('.'), $"<p>{Html.E(Problems.DefaultDetail(status, http))}</p>"
                + "<p><a href=\"/\">Til forsiden</a></p>", status).ExecuteAsync(http);
            return;
        }

        // A client that accepts neither JSON nor HTML (Accept: image/png) still gets the problem, as JSON.
        if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = http }))
        {
            await Problems.Write(http, status, Problems.DefaultDetail(status, http));
        }
    }

    /// <summary>A browser asking for a page: not the API, and HTML accepted.</summary>
    public static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
