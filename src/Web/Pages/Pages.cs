using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Web.Api;
using Netvaerk.Web.Pages.Ideas;
using Netvaerk.Web.Pages.Mailbox;
using static Netvaerk.Web.Pages.Html;

namespace Netvaerk.Web.Pages;

/// <summary>Every page, with the design system's files: the same in both hosts.</summary>
public static class Pages
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDesignSystem();
        endpoints.MapGet("/", (HttpContext http) => Render<StartPage>(new { SignedIn = http.User.Identity?.IsAuthenticated == true }))
            .AllowAnonymous().ExcludeFromDescription();
        MapSignIn(endpoints);
        endpoints.MapLinkPages();
        endpoints.MapIdeaPages();
        Networks.NetworkPages.MapNetworkPages(endpoints);
        Users.UserPages.MapUserPages(endpoints);
        Surveys.QuestionSetPages.MapQuestionSetPages(endpoints);
        endpoints.MapMailboxPages();
        return endpoints;
    }

    /// <summary>Asking for a sign-in link from a page: the API's rules (same answer for every address, same limits, same time).</summary>
    private static void MapSignIn(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/log-ind", (HttpContext http) => Render<SignInPage>(new { Mailbox = HasMailbox(http) }))
            .AllowAnonymous().ExcludeFromDescription().LinkSignInOnly();

        endpoints.MapPost("/log-ind", async (HttpContext http, AccessWorkflow access, LinkRequestLimiter limiter, CancellationToken ct) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            var v = new RequestValidation();
            var email = v.Email("email", form!["email"].ToString());
            IResult answer;
            if (!v.IsValid)
            {
                answer = Render<SignInPage>(new { Mailbox = HasMailbox(http), Email = form["email"].ToString(),
                    Errors = v.FirstErrors() }, 400);
            }
            else if (!limiter.TryAcquire(email))
            {
                answer = Page("For mange login-links", "<p>Der er bedt om for mange login-links til denne adresse. Vent en time, og prøv igen.</p>", 429);
            }
            else
            {
                await access.RequestLinkAsync(email, ct);
                answer = Render<SignInPage>(new { Sent = true, Mailbox = HasMailbox(http) });
            }

            await limiter.PadAsync(started, ct);
            return answer;
        }).AllowAnonymous().RequireRateLimiting(LinkRequestLimiter.ClientPolicy).ExcludeFromDescription().LinkSignInOnly();
    }

    private static bool HasMailbox(HttpContext http) => http.RequestServices.GetService<IMailTransport>() is LocalMailbox;
}
