using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Netvaerk.Functions.Http;
using Netvaerk.Functions.Timelines;
using Netvaerk.Infrastructure;
using Netvaerk.Web;

namespace Netvaerk.Functions.Tests.Http;

/// <summary>
/// The Functions host's services, composed exactly as its Program.cs composes them (AddInfrastructure, AddWeb,
/// AddFunctionsHost; SQLite and the queue outbox on Azurite), served by Kestrel the way the worker's ASP.NET Core
/// integration serves them: every request goes to the <see cref="WebPipeline"/> with the Durable client lent for the call
/// — what <see cref="HttpEntry"/> does, minus the function binding the Functions host runtime supplies (not installable
/// here). The Durable engine is the in-process test host, so started networks and routed ideas schedule real
/// orchestrations.
/// </summary>
internal sealed class FunctionsWebHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "netvaerk-fn-http-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;

    public DurableTaskTestHost Durable { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public WebPipeline Pipeline => Services.GetRequiredService<WebPipeline>();

    public static async Task<FunctionsWebHost> StartAsync(string azuriteConnection, CancellationToken cancellationToken)
    {
        var host = new FunctionsWebHost();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Sqlite:Path"] = Path.Combine(host._folder, "netvaerk.db");
        builder.Configuration["Netvaerk:Outbox"] = "StorageQueue";
        builder.Configuration["OutboxQueue:ConnectionString"] = azuriteConnection;
        builder.Configuration["OutboxQueue:QueueName"] = "fn" + Guid.NewGuid().ToString("N")[..12];
        builder.Configuration["OutboxQueue:CreateIfMissing"] = "true";
        builder.Configuration["Evaluation:RespondentKeySecret"] = Convert.ToBase64String(new byte[32]); // Azure keeps it in Key Vault

        builder.Services.AddInfrastructure(builder.Configuration);
        builder.Services.AddWeb();
        builder.Services.AddFunctionsHost(builder.Configuration);
        host._app = builder.Build();

        // The real orchestrators and activities, in real time: these tests look at what is scheduled, not at timers.
        var services = host._app.Services;
        host.Durable = await DurableTaskTestHost.StartAsync(registry =>
        {
            // Typed registrations: the engine then hands GetInput the input as the Functions worker does.
            registry.AddOrchestratorFunc<TimelineInput>(nameof(NetworkTimeline), (context, _) => NetworkTimeline.RunAsync(context));
            registry.AddOrchestratorFunc<Functions.Approvals.ApprovalInput>(nameof(Functions.Approvals.IdeaApproval),
                (context, _) => Functions.Approvals.IdeaApproval.RunAsync(context));
            var timeline = ActivatorUtilities.CreateInstance<TimelineActivities>(services);
            registry.AddActivityFunc<NextInput, TimelineNext>(nameof(TimelineActivities.NextStep), (_, input) => timeline.NextStep(input, cancellationToken));
            foreach (var kind in Enum.GetValues<Domain.Timelines.StepKind>())
            {
                registry.AddActivityFunc<StepInput, TimelineNext>(TimelineActivities.For(kind), (_, input) => timeline.RunAsync(input, cancellationToken));
            }

            var approvals = ActivatorUtilities.CreateInstance<Functions.Approvals.ApprovalActivities>(services);
            registry.AddActivityFunc<Functions.Approvals.FollowUpInput, Functions.Approvals.ApprovalNext>(nameof(Functions.Approvals.ApprovalActivities.FollowUpDecision),
                (_, input) => approvals.FollowUpDecision(input, cancellationToken));
        }, cancellationToken: cancellationToken);

        var clients = services.GetRequiredService<DurableClients>();
        var pipeline = services.GetRequiredService<WebPipeline>();
        host._app.Run(async http =>
        {
            using (clients.Use(host.Durable.Client))
            {
                await pipeline.HandleAsync(http);
            }
        });
        await host._app.StartAsync(cancellationToken);
        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Http = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    /// <summary>The header App Service Authentication sets for a person signed in with Entra ID.</summary>
    public static string PrincipalHeader(string email, string name) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims = new[]
            {
                new { typ = "preferred_username", val = email },
                new { typ = "name", val = name },
            },
        })));

    public static HttpRequestMessage As(HttpMethod method, string path, string? email, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (email is not null) request.Headers.Add(Web.Api.AppServiceAuthenticationHandler.PrincipalHeader, PrincipalHeader(email, "Test Person"));
        if (json is not null) request.Content = new StringContent(JsonSerializer.Serialize(json), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await Durable.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Timelines.TimelineWorld.DeleteFolder(_folder);
    }
}
