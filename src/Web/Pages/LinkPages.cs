using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Workflow;
using Netvaerk.Web.Api;
using static Netvaerk.Web.Pages.Html;

namespace Netvaerk.Web.Pages;

/// <summary>
/// The pages behind the links in e-mails: signing in (and giving one's name the first time), answering a survey,
/// unsubscribing, and signing out. Opening a link (GET) never uses it up — mail scanners open links too — the button
/// on the page (POST) does. Every form carries an antiforgery token: without it another site could sign a visitor in
/// as someone else, unsubscribe them or sign them out.
/// </summary>
public static class LinkPages
{
    public static IEndpointRouteBuilder MapLinkPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/log-ind/{token}", (string token, HttpContext http) => Page("Log ind",
            "<p>Tryk på knappen for at logge ind på Netværksstedet. Linket kan kun bruges én gang.</p>"
            + Forms.Form(http, $"/log-ind/{token}", "", "Log ind"))).AllowAnonymous().ExcludeFromDescription().LinkSignInOnly();

        endpoints.MapPost("/log-ind/{token}", async (string token, AccessWorkflow access, HttpContext http, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (_, { } refused)) return refused;
            var user = await access.SignInAsync(token, ct);
            if (user is null)
            {
                return Page("Linket virker ikke", "<p>Linket er ugyldigt, allerede brugt eller udløbet. Bed om et nyt link til at logge ind.</p>", 400);
            }

            await Sessions.SignInAsync(http, access, user, ct);
            if (string.IsNullOrWhiteSpace(user.Name)) return NamePage(http, error: null);
            return Page("Du er logget ind", $"<p>Velkommen, {E(user.Name)}. Du er logget ind som {E(user.Email)}.</p>" + SignOutForm(http));
        }).AllowAnonymous().ExcludeFromDescription().LinkSignInOnly();

        endpoints.MapPost("/mit-navn", async (AccessWorkflow access, HttpContext http, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            var name = form!["navn"].ToString().Trim();
            if (name.Length is 0 or > 200) return NamePage(http, name.Length == 0 ? "Skriv dit navn." : "Navnet må højst være 200 tegn.");
            var user = await access.SetNameAsync(http.User.Email(), name, ct);
            return Page("Tak", $"<p>Velkommen, {E(user.Name)}. Du er logget ind som {E(user.Email)}.</p>" + SignOutForm(http));
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapGet("/log-ud", (HttpContext http) => Page("Log ud", "<p>Vil du logge ud af Netværksstedet?</p>" + SignOutForm(http)))
            .AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/log-ud", async (AccessWorkflow access, HttpContext http, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (_, { } refused)) return refused;
            await Sessions.SignOutAsync(http, access, ct);
            return Page("Du er logget ud", "<p>Du er logget ud af Netværksstedet.</p>");
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet("/svar/{token}", async (string token, SurveyWorkflow surveys, HttpContext http, CancellationToken ct) =>
            await SurveyPageAsync(http, token, surveys, answers: null, problems: [], ct)).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/svar/{token}", async (string token, SurveyWorkflow surveys, HttpContext http, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            var answers = form!.Where(f => f.Key is not ("send" or Forms.TokenField) && !string.IsNullOrWhiteSpace(f.Value))
                .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            try
            {
                await surveys.SubmitAsync(token, answers, ct);
            }
            catch (SurveyAnswersInvalidException e)
            {
                return await SurveyPageAsync(http, token, surveys, answers, e.Problems, ct);
            }
            catch (NotFoundException e)
            {
                return Page("Spørgeskemaet findes ikke", $"<p>{E(e.Message)}</p>", 404);
            }
            catch (DomainException e)
            {
                return Page("Svaret kunne ikke gemmes", $"<p>{E(e.Message)}</p>", 409);
            }

            return Page("Tak for dine svar", "<p>Dine svar er gemt. Resultaterne vises kun samlet, aldrig for den enkelte.</p>");
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet("/afmeld/{networkId:guid}/{participantId:guid}", (Guid networkId, Guid participantId, HttpContext http) => Page("Afmeld e-mails",
            "<p>Vil du ikke længere have e-mails fra dette netværk? Tryk på knappen, så skriver vi ikke til dig igen om netværket.</p>"
            + Forms.Form(http, $"/afmeld/{networkId}/{participantId}", "", "Afmeld"))).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/afmeld/{networkId:guid}/{participantId:guid}", async (Guid networkId, Guid participantId, NetworkWorkflow networks, HttpContext http, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (_, { } refused)) return refused;
            return await networks.UnsubscribeAsync(networkId, participantId, ct) is { } name
                ? Page("Du er afmeldt", $"<p>{E(name)}, du får ikke flere e-mails fra netværket. Dit samtykke er trukket tilbage.</p>")
                : Page("Afmeldt", "<p>Der er ikke flere e-mails at afmelde fra dette link.</p>");
        }).AllowAnonymous().ExcludeFromDescription();

        return endpoints;
    }

    /// <summary>Asked once, at the first sign-in: letters greet people by name, not by the first half of their address.</summary>
    private static IResult NamePage(HttpContext http, string? error) => Page("Hvad hedder du?",
        "<p>Du er logget ind. Skriv dit navn, så vi kan bruge det i de mails, Netværksstedet sender dig.</p>"
        + (error is null ? "" : $"<p class=\"fejl\" role=\"alert\" id=\"navn-fejl\">{E(error)}</p>")
        + Forms.Form(http, "/mit-navn",
            "<label class=\"felt\" for=\"navn\">Dit navn</label>"
            + $"<input type=\"text\" id=\"navn\" name=\"navn\" maxlength=\"200\" autocomplete=\"name\" required{(error is null ? "" : " aria-describedby=\"navn-fejl\"")}>",
            "Gem navn"),
        error is null ? 200 : 400);

    private static string SignOutForm(HttpContext http) => Forms.Form(http, "/log-ud", "", "Log ud");

    private static async Task<IResult> SurveyPageAsync(HttpContext http,
        string token, SurveyWorkflow surveys, Dictionary<string, string>? answers, IReadOnlyList<SurveyProblem> problems, CancellationToken ct)
    {
        SurveyForm form;
        try
        {
            form = await surveys.FormAsync(token, ct);
        }
        catch (NotFoundException e)
        {
            return Page("Spørgeskemaet findes ikke", $"<p>{E(e.Message)}</p>", 404);
        }

        if (form.Answered) return Page("Du har allerede svaret", "<p>Du har allerede besvaret dette spørgeskema. Tak for det!</p>");
        if (form.Closed) return Page("Spørgeskemaet er lukket", "<p>Spørgeskemaet er lukket, så der kan ikke længere svares.</p>");

        var errors = problems.ToDictionary(p => p.Key, p => p.Message, StringComparer.Ordinal);
        return Render<Surveys.SurveyPage>(new
        {
            Form = form, Token = token, Errors = errors,
            Answers = (IReadOnlyDictionary<string, string>?)answers ?? new Dictionary<string, string>(StringComparer.Ordinal),
        }, errors.Count > 0 ? 400 : 200);
    }
}
