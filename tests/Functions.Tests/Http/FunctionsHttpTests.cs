using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Functions.Approvals;
using Netvaerk.Functions.Timelines;
using Netvaerk.Testing;

namespace Netvaerk.Functions.Tests.Http;

/// <summary>
/// The Functions host's HTTP side: the same routes as the local host (by construction, and checked), the one catch-all
/// function the build indexes, identity from App Service Authentication, and requests that start and end orchestrations.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class FunctionsHttpTests(AzuriteFixture azurite)
{
    private const string Secretariat = "netvaerkssekretariatet@albertslund.dk";

    [Fact]
    public async Task The_Functions_pipeline_answers_exactly_the_routes_of_the_local_host()
    {
        // Any type of the local host's assembly names its entry point (both hosts' Program classes are visible here).
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var folder = Path.Combine(Path.GetTempPath(), "netvaerk-routes-" + Guid.NewGuid().ToString("N"));
        await using var local = new WebApplicationFactory<Local.Runner.LocalRunner>().WithWebHostBuilder(b => b
            .UseSetting("Sqlite:Path", Path.Combine(folder, "netvaerk.db"))
            .UseSetting("Mailbox:Folder", Path.Combine(folder, "mail"))
            .UseSetting("Runner:Enabled", "false"));
        var localRoutes = Describe(local.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>());

        await using var functions = await FunctionsWebHost.StartAsync(azurite.Server.ConnectionString, timeout.Token);
        var functionRoutes = Describe(functions.Pipeline.Endpoints);

        Assert.Contains("POST /api/ideas/", localRoutes);
        Assert.Contains("* /health", localRoutes);
        Assert.True(localRoutes.Count > 30, $"Only {localRoutes.Count} routes found on the local host.");
        Assert.Equal(localRoutes, functionRoutes);
    }

    [Fact]
    public void The_build_indexes_one_catch_all_HTTP_function_for_every_method_the_routes_use_and_host_json_keeps_paths_as_they_are()
    {
        var functions = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Functions", "functions.metadata"))).RootElement;
        var http = functions.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Function: f.GetProperty("name").GetString(), Binding: b)))
            .Where(x => x.Binding.GetProperty("type").GetString() == "httpTrigger")
            .ToList();

        var (name, binding) = Assert.Single(http);
        Assert.Equal(nameof(Functions.Http.HttpEntry), name);
        Assert.Equal("{*path}", binding.GetProperty("route").GetString());
        var methods = binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToHashSet();
        foreach (var method in new[] { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" }) Assert.Contains(method, methods);

        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Functions", "host.json"))).RootElement;
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        // New instances start on the orchestrator's current shape; older ones keep theirs (decision 009).
        var durable = host.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal(NetworkTimeline.CurrentVersion, durable.GetProperty("defaultVersion").GetString());
        Assert.Equal("CurrentOrOlder", durable.GetProperty("versionMatchStrategy").GetString());

        // Every orchestrator, activity and trigger the host needs is indexed.
        var names = functions.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToHashSet();
        foreach (var expected in Enum.GetValues<Domain.Timelines.StepKind>().Select(TimelineActivities.For)
            .Concat([nameof(NetworkTimeline), nameof(TimelineActivities.NextStep), nameof(IdeaApproval), nameof(ApprovalActivities.FollowUpDecision),
                nameof(Functions.Schedules.DigestTimer), nameof(Functions.Mail.MailFunctions.SendMail), nameof(Functions.Mail.MailFunctions.DeadLetterMail), nameof(Functions.Mail.MailSweep)]))
        {
            Assert.Contains(expected, names);
        }
    }

    [Fact]
    public async Task People_are_who_App_Service_Authentication_says_with_the_roles_of_their_access_record_and_link_sign_in_is_off()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var host = await FunctionsWebHost.StartAsync(azurite.Server.ConnectionString, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(FunctionsWebHost.As(HttpMethod.Get, "/api/mail/undelivered", Secretariat), timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await host.Http.SendAsync(FunctionsWebHost.As(HttpMethod.Get, "/api/mail/undelivered", "sara.jensen@albertslund.dk"), timeout.Token)).StatusCode);
        var anonymous = await host.Http.SendAsync(FunctionsWebHost.As(HttpMethod.Get, "/api/mail/undelivered", null), timeout.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        // Someone outside the municipality's domains, or a header that is not the platform's, is nobody.
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await host.Http.SendAsync(FunctionsWebHost.As(HttpMethod.Get, "/api/mail/undelivered", "someone@example.com"), timeout.Token)).StatusCode);
        using var garbage = FunctionsWebHost.As(HttpMethod.Get, "/api/mail/undelivered", null);
        garbage.Headers.Add(Web.Api.AppServiceAuthenticationHandler.PrincipalHeader, "not base64 {");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(garbage, timeout.Token)).StatusCode);

        var link = await host.Http.SendAsync(FunctionsWebHost.As(HttpMethod.Post, "/api/auth/link", null, new { email = "sara.jensen@albertslund.dk" }), timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.Contains("kommunekonto", await link.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);

        Assert.Equal("Healthy", await host.Http.GetStringAsync(new Uri("/health", UriKind.Relative), timeout.Token));
    }

    [Fact]
    public async Task Routing_an_idea_over_HTTP_starts_its_approval_orchestration_and_the_decision_over_HTTP_ends_it()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var host = await FunctionsWebHost.StartAsync(azurite.Server.ConnectionString, timeout.Token);
        var sara = "sara.jensen@albertslund.dk";

        var submitted = await host.Http.SendAsync(FunctionsWebHost.As(HttpMethod.Post, "/api/ideas", sara,
            new { title = "Frivillighed i Albertslund", description = "Flere borgere i frivilligt arbejde.", suggestedType = "welfare" }), timeout.Token);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("idea").GetProperty("id").GetString()!;

        (await host.Http.SendAsync(FunctionsWebHost.As(HttpMethod.Post, $"/api/ideas/{id}/route", Secretariat, new { }), timeout.Token)).EnsureSuccessStatusCode();
        var tenant = "albertslund";
        var approval = ApprovalInput.InstanceIdFor(tenant, id);
        var running = await host.Durable.Client.WaitForInstanceStartAsync(approval, getInputsAndOutputs: true, timeout.Token);
        Assert.True(running.RuntimeStatus == OrchestrationRuntimeStatus.Running, $"{running.RuntimeStatus}: {running.FailureDetails?.ErrorMessage}");

        (await host.Http.SendAsync(FunctionsWebHost.As(HttpMethod.Post, $"/api/ideas/{id}/decision", Secretariat, new { outcome = "approved" }), timeout.Token))
            .EnsureSuccessStatusCode();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Durable.Client.WaitForInstanceCompletionAsync(approval, timeout.Token)).RuntimeStatus);
    }

    private static List<string> Describe(IEnumerable<RouteEndpoint> endpoints) =>
        endpoints.Select(e => $"{string.Join(",", (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Order())} {e.RoutePattern.RawText}")
            .Order(StringComparer.Ordinal).ToList();
}
