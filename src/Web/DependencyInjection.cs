using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Infrastructure.Security;
using Netvaerk.Web.Api;

namespace Netvaerk.Web;

public static class DependencyInjection
{
    /// <summary>The workflow use cases, the JSON API's serialisation, problem details, sign-in and OpenAPI.</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddOptions<NetvaerkOptions>().BindConfiguration(NetvaerkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<NetvaerkOptions>>().Value;
            var baseUrl = o.PublicBaseUrl.EndsWith('/') ? o.PublicBaseUrl : o.PublicBaseUrl + "/";
            return new WorkflowSettings(o.TenantId, new Uri(baseUrl), o.OrganizerEmail, new Recipient(o.PoliticalLiaisonName, o.PoliticalLiaisonEmail));
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AccessOptions>>().Value;
            return new AccessSettings(o.FirstSecretariatEmail, o.EmployeeDomains, TimeSpan.FromMinutes(o.LinkLifetimeMinutes));
        });
        services.AddSingleton<ISecretGenerator, RandomSecretGenerator>();
        services.AddSingleton<StepExecutor>();
        services.AddSingleton<NetworkWorkflow>();
        services.AddSingleton<IdeaWorkflow>();
        services.AddSingleton<AccessWorkflow>();
        services.AddSingleton<SurveyWorkflow>();
        services.AddSingleton<InvolvementWorkflow>();
        services.AddSingleton<DigestWorkflow>();

        services.Configure<JsonOptions>(o => CopyTimelineJson(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "netvaerk";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // An API answers 401/403 with problem details instead of redirecting to a login page.
            o.Events.OnRedirectToLogin = ctx => Problems.Write(ctx.HttpContext, 401, "Du skal være logget ind.");
            o.Events.OnRedirectToAccessDenied = ctx => Problems.Write(ctx.HttpContext, 403, "Du har ikke adgang til denne handling.");
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Secretariat, p => p.RequireRole(nameof(StaffRole.Secretariat)))
            .AddPolicy(Policies.Decider, p => p.RequireRole(nameof(StaffRole.Secretariat), nameof(StaffRole.ForumMember)))
            .AddPolicy(Policies.Leading, p => p.RequireRole(nameof(StaffRole.Secretariat), nameof(StaffRole.NetworkLeader)));
        return services;
    }

    private static void CopyTimelineJson(JsonSerializerOptions target)
    {
        var source = TimelineJson.Options;
        target.PropertyNamingPolicy = source.PropertyNamingPolicy;
        target.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        target.Encoder = source.Encoder;
        foreach (var converter in source.Converters) target.Converters.Add(converter);
    }
}

public static class Policies
{
    public const string Staff = "staff";
    public const string Secretariat = "secretariat";
    public const string Decider = "decider";
    public const string Leading = "leading";
}
