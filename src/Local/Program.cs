using Netvaerk.Infrastructure;
using Netvaerk.Local;
using Netvaerk.Local.Runner;
using Netvaerk.Local.Simulation;
using Netvaerk.Web;
using Netvaerk.Web.Api;

if (args is ["simulate", .. var rest])
{
    return SimulateCommand.Run(rest, Console.Out, Console.Error);
}

// Settings travel with the binary; data/ (database, mailbox) is relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Api.MaxBodyBytes);
// The default address lives here, not in appsettings.json, which travels into every project that references this one
// (a test process's other web hosts would read it too); --urls or ASPNETCORE_URLS still choose another.
if (string.IsNullOrEmpty(builder.Configuration["Urls"])) builder.WebHost.UseUrls("http://localhost:5080");

builder.Services.AddInfrastructure(builder.Configuration);   // stores, outbox, mail: SQLite + mailbox unless configured
builder.Services.AddWeb();              // workflow use cases, JSON API, sign-in
builder.Services.AddLocalHost();        // timeline runner on TimeProvider

var app = builder.Build();
app.UseNetvaerkWeb();
app.Use(async (context, next) =>
{
    await next(context);
    // Any write may have queued e-mail or changed a timeline: let the runner look now rather than later.
    if (!HttpMethods.IsGet(context.Request.Method)) context.RequestServices.GetRequiredService<RunnerSignal>().Notify();
});
app.MapNetvaerk();                      // API, pages, health: the same routes as the Functions host

await app.RunAsync();
return 0;

/// <summary>The embedded host's entry point (public for the end-to-end tests' WebApplicationFactory).</summary>
public partial class Program;
