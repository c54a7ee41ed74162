using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Netvaerk.Functions.Timelines;

namespace Netvaerk.Functions.Http;

/// <summary>
/// The one HTTP function: every method on every path (host.json sets the route prefix to empty) goes to the shared web
/// pipeline. The Durable client arrives as this invocation's binding, so the engines can start and signal orchestrations
/// from inside the request.
/// </summary>
public sealed class HttpEntry(WebPipeline pipeline, DurableClients clients)
{
    [Function(nameof(HttpEntry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", Route = "{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        request.HttpContext.RequestServices = context.InstanceServices;
        using (clients.Use(client))
        {
            await pipeline.HandleAsync(request.HttpContext);
        }

        // The pipeline has written the response.
        return new EmptyResult();
    }
}
