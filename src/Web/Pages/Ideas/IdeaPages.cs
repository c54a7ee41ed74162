using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Workflow;
using Netvaerk.Web.Api;
using static Netvaerk.Web.Pages.Html;

namespace Netvaerk.Web.Pages.Ideas;

/// <summary>
/// The idea form (two steps: the idea with the guide's questions, then the recommendation and sending), the idea's own
/// page with the receipt and the answer to a forum's questions, and the list of ideas. The form travels whole in each
/// post, so nothing is stored until it is sent; a send is refused past the per-person limit and dropped quietly when a
/// bot filled in the honeypot.
/// </summary>
public static class IdeaPages
{
    public static IEndpointRouteBuilder MapIdeaPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ideer/ny", () => Render<IdeaFormPage>(new { Draft = new IdeaDraft() }))
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/ideer/ny", async (HttpContext http, IdeaWorkflow workflow, IdeaSubmissionLimiter limiter, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            var draft = IdeaDraft.From(form!);
            var action = form!["handling"].ToString();
            var errors = draft.Validate();
            if (action == "ret" || errors.Count > 0)
            {
                return Render<IdeaFormPage>(new { Draft = draft, Errors = errors }, errors.Count > 0 && action != "ret" ? 400 : 200);
            }

            var recommendation = NetworkTypeGuide.Recommend(draft.GuideAnswers);
            if (action != "send") return Render<IdeaReviewPage>(new { Draft = draft, Recommendation = recommendation });

            // A person never sees the honeypot: whatever filled it in gets a receipt-like page and nothing is stored.
            if (form[IdeaDraft.Honeypot].ToString().Length > 0)
            {
                return Page("Tak for din idé", "<p>Vi har modtaget din idé.</p>");
            }

            if (!limiter.TryAcquire(http.User.Email()))
            {
                return Page("Du har sendt mange idéer på kort tid",
                    "<p>Du kan sende flere idéer om lidt. Din idé er ikke gemt: gå tilbage, og send den igen senere.</p>", 429);
            }

            var (idea, _) = await workflow.SubmitAsync(draft.Theme, draft.Description, http.User.Person(), draft.Type, draft.GuideAnswers, ct);
            // Post/redirect/get: reloading the receipt does not send the idea twice.
            return Results.Redirect($"/ideer/{idea.Value.Id}?kvittering=1", permanent: false, preserveMethod: false);
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapGet("/ideer", async (HttpContext http, IdeaWorkflow workflow, TimeProvider time, CancellationToken ct) =>
        {
            var all = await workflow.ListAsync(ct);
            return Render<IdeaListPage>(new { Ideas = all.Select(i => i.Value).Where(i => IdeaAccess.MaySee(i, http.User)).ToList(), Now = time.GetUtcNow() });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapGet("/ideer/{id:guid}", async (Guid id, HttpContext http, IdeaWorkflow workflow, CancellationToken ct) =>
        {
            var idea = await FindAsync(workflow, id, ct);
            if (idea is null) return NotFound();
            if (!IdeaAccess.MaySee(idea, http.User)) return Forbidden();
            return Render<IdeaPage>(new
            {
                Idea = idea, Receipt = http.Request.Query.ContainsKey("kvittering"), CanAnswer = CanAnswer(idea, http),
                CanRoute = CanRoute(idea, http), CanDecide = CanDecide(idea, http),
            });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/ideer/{id:guid}/oplysninger", async (Guid id, HttpContext http, IdeaWorkflow workflow, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            var idea = await FindAsync(workflow, id, ct);
            if (idea is null) return NotFound();
            if (!IdeaAccess.MaySee(idea, http.User)) return Forbidden();
            var information = form!["oplysninger"].ToString().Trim();
            var error = information.Length == 0 ? "Skriv de oplysninger, forummet beder om."
                : information.Length > 8000 ? "Højst 8.000 tegn." : null;
            if (!CanAnswer(idea, http))
            {
                return Page("Idéen venter ikke på oplysninger", "<p>Forummet har ikke bedt om flere oplysninger om idéen, eller de er allerede sendt.</p>"
                    + $"<p><a class=\"function-link\" href=\"/ideer/{id}\">Til idéen</a></p>", 409);
            }

            if (error is not null)
            {
                return Render<IdeaPage>(new { Idea = idea, CanAnswer = true, Information = information,
                    Errors = new Dictionary<string, string> { ["oplysninger"] = error } }, 400);
            }

            await workflow.ProvideInfoAsync(id, information, ifMatch: null, ct);
            return Results.Redirect($"/ideer/{id}");
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/ideer/{id:guid}/forum", async (Guid id, HttpContext http, IdeaWorkflow workflow, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            var idea = await FindAsync(workflow, id, ct);
            if (idea is null) return NotFound();
            if (!CanRoute(idea, http)) return NotNow(id, "Idéen kan ikke sendes til et forum nu: den er allerede hos et forum eller afgjort.");
            if (Forms.Choice<Forum>(form!["forum"].ToString()) is not { } forum)
            {
                return Page("Vælg et forum", "<p>Vælg det forum, der skal beslutte idéen.</p>"
                    + $"<p><a class=\"function-link\" href=\"/ideer/{id}\">Tilbage til idéen</a></p>", 400);
            }

            await workflow.RouteAsync(id, forum, ifMatch: null, ct);
            return Results.Redirect($"/ideer/{id}");
        }).RequireAuthorization(Policies.Secretariat).ExcludeFromDescription();

        endpoints.MapPost("/ideer/{id:guid}/beslutning", async (Guid id, HttpContext http, IdeaWorkflow workflow, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            var idea = await FindAsync(workflow, id, ct);
            if (idea is null) return NotFound();
            if (!IdeaAccess.MaySee(idea, http.User)) return Forbidden();
            if (!CanDecide(idea, http)) return NotNow(id, "Idéen venter ikke på en beslutning fra dit forum.");
            var choice = form!["beslutning"].ToString();
            var reason = form["begrundelse"].ToString().Trim();
            DecisionOutcome? outcome = choice switch
            {
                "godkend" => DecisionOutcome.Approved,
                "afvis" => DecisionOutcome.Rejected,
                "mere-info" => DecisionOutcome.NeedsInfo,
                _ => null,
            };
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (outcome is null) errors["beslutning"] = "Vælg en beslutning.";
            if (outcome == DecisionOutcome.Rejected && reason.Length == 0) errors["begrundelse"] = "Et afslag skal begrundes.";
            if (outcome == DecisionOutcome.NeedsInfo && reason.Length == 0) errors["begrundelse"] = "Skriv, hvilke oplysninger der mangler.";
            if (reason.Length > 4000) errors["begrundelse"] = "Højst 4.000 tegn.";
            if (errors.Count > 0)
            {
                return Render<IdeaPage>(new { Idea = idea, CanDecide = true, Decision = choice, Reason = reason, Errors = errors }, 400);
            }

            await workflow.DecideAsync(id, outcome!.Value, reason.Length == 0 ? null : reason, ifMatch: null, ct);
            return Results.Redirect($"/ideer/{id}");
        }).RequireAuthorization(Policies.Decider).ExcludeFromDescription();

        return endpoints;
    }

    /// <summary>The secretariat puts an idea to a forum while no forum has it.</summary>
    private static bool CanRoute(Idea idea, HttpContext http) =>
        http.User.IsSecretariat() && (idea.Status == IdeaStatus.Submitted || (idea.Status == IdeaStatus.InReview && idea.RoutedAt is null));

    /// <summary>A forum member decides for their own forum, the secretariat records any forum's decision.</summary>
    private static bool CanDecide(Idea idea, HttpContext http) =>
        idea.Status == IdeaStatus.InReview && idea.RoutedAt is not null
        && (http.User.IsSecretariat() || http.User.Forum() == idea.DecidingForum?.ToString());

    private static IResult NotNow(Guid id, string why) =>
        Page("Det kan ikke lade sig gøre nu", $"<p>{E(why)}</p><p><a class=\"function-link\" href=\"/ideer/{id}\">Til idéen</a></p>", 409);

    private static bool CanAnswer(Idea idea, HttpContext http) =>
        idea.Status == IdeaStatus.NeedsInfo && (IdeaAccess.Own(idea, http.User) || http.User.IsSecretariat());

    private static Task<Idea?> FindAsync(IdeaWorkflow workflow, Guid id, CancellationToken ct) => Html.FoundAsync(workflow.GetAsync(id, ct));

    private static IResult NotFound() => Page("Idéen findes ikke", "<p>Der er ingen idé på denne adresse.</p><p><a class=\"function-link\" href=\"/ideer\">Til idéerne</a></p>", 404);

    internal static IResult Forbidden() => Page("Du har ikke adgang", "<p>Du har ikke adgang til denne side. Kontakt Netværkssekretariatet, hvis du mener, du burde have adgang.</p>", 403);
}

/// <summary>Ideas a person sends through the form, limited per person (a fixed window per hour).</summary>
public sealed class IdeaSubmissionLimiter(IOptions<AccessOptions> options) : IDisposable
{
    private readonly PerKeyHourlyLimiter _perPerson = new(options.Value.IdeasPerPersonPerHour);

    public bool TryAcquire(string email) => _perPerson.TryAcquire(email);

    public void Dispose() => _perPerson.Dispose();
}
