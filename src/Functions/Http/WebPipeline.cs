using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Web;
using Netvaerk.Web.Api;

namespace Netvaerk.Functions.Http;

/// <summary>
/// The web front of the Functions host: the same middleware and endpoints as the local host (<see cref="Api.MapNetvaerk"/>),
/// built once over the worker's services. The catch-all HTTP function hands every request to it, so the two hosts' routes
/// are identical by construction rather than by a list kept in step.
/// </summary>
public sealed class WebPipeline
{
    private readonly RequestDelegate _pipeline;

    public WebPipeline(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        // The order WebApplication gives the local host implicitly: routing first, so authorization sees the endpoint.
        app.UseRouting();
        app.UseNetvaerkWeb();
        IEndpointRouteBuilder? routes = null;
        app.UseEndpoints(endpoints => routes = endpoints.MapNetvaerk());
        _pipeline = app.Build();
        Endpoints = routes!.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToArray();
    }

    /// <summary>The routes this pipeline answers (the test compares them with the local host's).</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints { get; }

    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The worker's own routing has matched the function already; ours must choose the endpoint afresh.
        context.SetEndpoint(null);
        return _pipeline(context);
    }
}
