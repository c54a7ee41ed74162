using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Infrastructure.Security;
using Netvaerk.Web.Api;
using Netvaerk.Web.Pages;

namespace Netvaerk.Web;

public static class DependencyInjection
{
    /// <summary>The workflow use cases, the JSON API's serialisation, problem details, sign-in and OpenAPI.</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddOptions<NetvaerkOptions>().BindConfiguration(NetvaerkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        // The pages are Razor components rendered on the server (static SSR), returned as results by either host.
        services.AddRazorComponents();
        // Pages keep æ, ø, å readable in their source instead of numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services.AddWorkflows().AddJsonApi().AddSignIn();
    }

    /// <summary>
    /// People sign in through App Service Authentication (Entra ID) instead of e-mail links: the Functions host behind the
    /// platform's sign-in. Roles come from the same access records.
    /// </summary>
    public static IServiceCollection AddAppServiceIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AppServiceAuthenticationHandler.SchemeName;
                o.DefaultChallengeScheme = AppServiceAuthenticationHandler.SchemeName;
                o.DefaultForbidScheme = AppServiceAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, AppServiceAuthenticationHandler>(AppServiceAuthenticationHandler.SchemeName, null);
        services.PostConfigure<AccessOptions>(o => o.LinkSignIn = false);
        return services;
    }

    /// <summary>The Domain's use cases, with their settings from configuration.</summary>
    private static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<NetvaerkOptions>>().Value;
            var baseUrl = o.PublicBaseUrl.EndsWith('/') ? o.PublicBaseUrl : o.PublicBaseUrl + "/";
            return new WorkflowSettings(o.TenantId, new Uri(baseUrl), o.OrganizerEmail, new Recipient(o.PoliticalLiaisonName, o.PoliticalLiaisonEmail));
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AccessOptions>>().Value;
            return new AccessSettings(o.FirstSecretariatEmail, o.EmployeeDomains, TimeSpan.FromMinutes(o.LinkLifetimeMinutes),
                TimeSpan.FromHours(o.SessionLifetimeHours));
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EvaluationOptions>>().Value;
            return new EvaluationSettings(new RespondentKeys(Convert.FromBase64String(o.RespondentKeySecret)), o.AnonymityThreshold);
        });
        services.AddSingleton<ISecretGenerator, RandomSecretGenerator>();
        services.AddSingleton<StepExecutor>();
        services.AddSingleton<NetworkWorkflow>();
        services.AddSingleton<IdeaWorkflow>();
        services.AddSingleton<AccessWorkflow>();
        services.AddSingleton<SurveyWorkflow>();
        services.AddSingleton<QuestionSetWorkflow>();
        services.AddSingleton<InvolvementWorkflow>();
        services.AddSingleton<DigestWorkflow>();
        return services;
    }

    /// <summary>JSON as the Domain writes it, Danish problem details for every error, and the API document.</summary>
    private static IServiceCollection AddJsonApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => CopyTimelineJson(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        // Binding failures (broken JSON, a value of the wrong type) throw, so the handler can name the field in Danish.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(ApiDocument.Configure);
        return services;
    }

    /// <summary>Sign-in cookies backed by server-side sessions, antiforgery for the pages, limits on link requests, roles.</summary>
    private static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "netvaerk";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A page sends the browser to the sign-in page, or says in Danish that the role is missing; the API answers
            // 401/403 with problem details instead.
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (!ErrorPages.WantsPage(ctx.Request)) return Problems.Write(ctx.HttpContext, 401, "Du skal være logget ind.");
                ctx.Response.Redirect("/log-ind");
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx => ErrorPages.WantsPage(ctx.Request)
                ? Pages.Ideas.IdeaPages.Forbidden().ExecuteAsync(ctx.HttpContext)
                : Problems.Write(ctx.HttpContext, 403, "Du har ikke adgang til denne handling.");
            o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
        });
        // Cookies travel only over HTTPS outside development (browsers treat http://localhost as secure too).
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IHostEnvironment>((o, env) => o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "netvaerk-af";
            // No credential (it only pairs with the form's token), and the antiforgery system refuses plain HTTP outright
            // when its cookie must be Secure — the embedded host's http://localhost:5080. So it follows the request.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = Forms.TokenField;
            // The security headers say frame-ancestors 'none' and X-Frame-Options DENY for every response.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddSingleton<LinkRequestLimiter>();
        services.AddSingleton<Pages.Ideas.IdeaSubmissionLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) => new ValueTask(ErrorPages.WantsPage(ctx.HttpContext.Request)
                ? Html.Page("For mange forsøg", "<p>Der er sendt for mange forespørgsler herfra. Vent lidt, og prøv igen.</p>", 429).ExecuteAsync(ctx.HttpContext)
                : Problems.Write(ctx.HttpContext, 429, Problems.DefaultDetail(429, ctx.HttpContext)));
            o.AddPolicy(LinkRequestLimiter.ClientPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "ukendt",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.LinksPerClientPerHour,
                    Window = TimeSpan.FromHours(1),
                }));
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
