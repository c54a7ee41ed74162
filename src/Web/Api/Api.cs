using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Web.Pages;

namespace Netvaerk.Web.Api;

public static class Api
{
    /// <summary>Request bodies larger than this are refused (413) before anything is read or stored.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>Problem details for every error, the body limit, sign-in, and the OpenAPI document.</summary>
    public static IApplicationBuilder UseNetvaerkWeb(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages(ErrorPages.WriteAsync);
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            if (context.Request.ContentLength > MaxBodyBytes)
            {
                await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, Problems.TooLarge);
                return;
            }

            await next(context);
        });
        app.Use(SecurityHeaders.GuardCrossSiteAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Every route of the system, the same in both hosts by construction: the local host maps them on its web
    /// application, the Functions host on the pipeline its one catch-all HTTP function hands each request to.
    /// </summary>
    public static IEndpointRouteBuilder MapNetvaerk(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapNetvaerkApi();
        endpoints.MapPages();
        endpoints.MapHealthChecks(HealthPath).AllowAnonymous();
        return endpoints;
    }

    /// <summary>Answers 200 "Healthy" when the store answers (the platform's health check and the deploy smoke test).</summary>
    public const string HealthPath = "/health";

    public static IEndpointRouteBuilder MapNetvaerkApi(this IEndpointRouteBuilder endpoints)
    {
        // One document at a fixed address: the templated route answers unknown names in English plain text.
        endpoints.MapOpenApi("/openapi/v1.json");
        var api = endpoints.MapGroup("/api");
        ((IEndpointConventionBuilder)api).Finally(ApiDocument.DescribeProblems);
        AuthEndpoints.Map(api);
        IdeaEndpoints.Map(api);
        NetworkEndpoints.Map(api);
        SurveyEndpoints.Map(api);
        MailEndpoints.Map(api);
        return endpoints;
    }
}
