using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Netvaerk.Functions;
using Netvaerk.Infrastructure;
using Netvaerk.Web;

// The Azure host: the same parts as the local host, with Durable orchestrations instead of the local runner.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.AddInfrastructure(builder.Configuration);      // Cosmos DB, queue outbox, SendGrid (app settings choose)
builder.Services.AddWeb();                                      // workflow use cases, JSON API, pages
builder.Services.AddFunctionsHost(builder.Configuration);        // Durable engines, App Service identity, web pipeline

builder.Build().Run();
