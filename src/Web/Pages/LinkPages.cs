using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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
/// The pages behind the links in e-mails: signing in, answering a survey, and unsubscribing. Opening a link (GET) never uses it up —
/// mail scanners open links too — the button on the page (POST) does. The token in the address is the credential,
/// so there is no cookie to forge requests with and no antiforgery token is needed.
/// </summary>
public static class LinkPages
{
    public static IEndpointRouteBuilder MapLinkPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/log-ind/{token}", (string token) => Page("Log ind", $"""
            <p>Tryk på knappen for at logge ind på Netværksstedet. Linket kan kun bruges én gang.</p>
            <form method="post" action="/log-ind/{E(token)}"><button type="submit">Log ind</button></form>
            """)).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/log-ind/{token}", async (string token, AccessWorkflow access, HttpContext http, CancellationToken ct) =>
        {
            var user = await access.SignInAsync(token, ct);
            if (user is null)
            {
                return Page("Linket virker ikke", "<p>Linket er ugyldigt, allerede brugt eller udløbet. Bed om et nyt link til at logge ind.</p>", 400);
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentUser.Principal(user));
            return Page("Du er logget ind", $"<p>Velkommen, {E(user.Name)}. Du er logget ind som {E(user.Email)}.</p>");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        endpoints.MapGet("/svar/{token}", async (string token, SurveyWorkflow surveys, CancellationToken ct) =>
            await SurveyPageAsync(token, surveys, answers: null, problems: [], ct)).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/svar/{token}", async (string token, HttpRequest request, SurveyWorkflow surveys, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var answers = form.Where(f => f.Key != "send" && !string.IsNullOrWhiteSpace(f.Value))
                .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            try
            {
                await surveys.SubmitAsync(token, answers, ct);
            }
            catch (SurveyAnswersInvalidException e)
            {
                return await SurveyPageAsync(token, surveys, answers, e.Problems, ct);
            }
            catch (DomainException e)
            {
                return Page("Svaret kunne ikke gemmes", $"<p>{E(e.Message)}</p>", 409);
            }

            return Page("Tak for dine svar", "<p>Dine svar er gemt. Resultaterne vises kun samlet, aldrig for den enkelte.</p>");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        endpoints.MapGet("/afmeld/{networkId:guid}/{participantId:guid}", (Guid networkId, Guid participantId) => Page("Afmeld e-mails", $"""
            <p>Vil du ikke længere have e-mails fra dette netværk? Tryk på knappen, så skriver vi ikke til dig igen om netværket.</p>
            <form method="post" action="/afmeld/{networkId}/{participantId}"><button type="submit">Afmeld</button></form>
            """)).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/afmeld/{networkId:guid}/{participantId:guid}", async (Guid networkId, Guid participantId, NetworkWorkflow networks, CancellationToken ct) =>
            await networks.UnsubscribeAsync(networkId, participantId, ct) is { } name
                ? Page("Du er afmeldt", $"<p>{E(name)}, du får ikke flere e-mails fra netværket. Dit samtykke er trukket tilbage.</p>")
                : Page("Afmeldt", "<p>Der er ikke flere e-mails at afmelde fra dette link.</p>"))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        return endpoints;
    }

    private static async Task<IResult> SurveyPageAsync(
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
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Spørgeskema for netværket »{E(form.NetworkName)}«. Felter med * skal udfyldes.</p>");
        if (errors.Count > 0) html.Append("<p class=\"fejl\" role=\"alert\">Nogle svar mangler eller er ikke gyldige. Se markeringerne nedenfor.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/svar/{E(token)}\">");
        foreach (var q in form.Questions)
        {
            var value = answers is not null && answers.TryGetValue(q.Key, out var v) ? v : null;
            html.Append(CultureInfo.InvariantCulture, $"<fieldset><legend>{E(q.Text)}{(q.Required ? " *" : "")}</legend>");
            if (q.Help is not null) html.Append(CultureInfo.InvariantCulture, $"<p>{E(q.Help)}</p>");
            if (errors.TryGetValue(q.Key, out var error)) html.Append(CultureInfo.InvariantCulture, $"<p class=\"fejl\">{E(error)}</p>");
            html.Append(q.Type switch
            {
                AnswerType.Scale => Choices(q.Key, Enumerable.Range(SurveyAnswers.ScaleMin, SurveyAnswers.ScaleMax).Select(n => (n.ToString(CultureInfo.InvariantCulture), Label(q, n))), value),
                AnswerType.YesNo => Choices(q.Key, [(SurveyAnswers.Yes, "Ja"), (SurveyAnswers.No, "Nej")], value),
                AnswerType.Number => $"<input type=\"number\" name=\"{E(q.Key)}\" min=\"{q.Min}\" max=\"{q.Max}\" value=\"{E(value)}\">",
                _ => $"<textarea name=\"{E(q.Key)}\" maxlength=\"{SurveyAnswers.MaxTextLength}\">{E(value)}</textarea>",
            });
            html.Append("</fieldset>");
        }

        html.Append("<button type=\"submit\" name=\"send\" value=\"1\">Send svar</button></form>");
        return Page("Spørgeskema", html.ToString(), errors.Count > 0 ? 400 : 200);
    }

    private static string Label(SurveyQuestion q, int n) =>
        n == SurveyAnswers.ScaleMin && q.LowLabel is not null ? $"{n} – {q.LowLabel}"
        : n == SurveyAnswers.ScaleMax && q.HighLabel is not null ? $"{n} – {q.HighLabel}"
        : n.ToString(CultureInfo.InvariantCulture);

    private static string Choices(string name, IEnumerable<(string Value, string Label)> options, string? selected) =>
        "<div class=\"valg\">" + string.Concat(options.Select(o =>
            $"<label><input type=\"radio\" name=\"{E(name)}\" value=\"{E(o.Value)}\"{(o.Value == selected ? " checked" : "")}> {E(o.Label)}</label>")) + "</div>";
}
