using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Web.Api;

/// <summary>RFC 9457 problem details with Danish titles; field errors under <c>errors</c>.</summary>
public static class Problems
{
    /// <summary>Domain rules whose breach is a conflict with the resource's state (409), not bad input (400).</summary>
    private static readonly HashSet<string> ConflictCodes = new(StringComparer.Ordinal)
    {
        "illegal-transition", "contract-incomplete", "contract-locked", "type-locked", "timeline-closed", "timeline-paused",
        "meeting-held", "meeting-cancelled", "already-answered", "idea-not-approved", "time-out-of-order", "step-not-parked",
        "question-set-changed", "survey-sent",
    };

    public const string ValidationTitle = "Oplysningerne er ikke gyldige.";

    public static IResult Validation(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: ValidationTitle, detail: "Ret felterne nedenfor, og prøv igen.");

    public static IResult Status(int status, string detail, string? code = null) => TypedResults.Problem(Make(status, detail, code));

    public static Task Write(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return Write(context, Make(status, detail, null));
    }

    /// <summary>Writes the problem as JSON whatever the client accepts (the problem-details service honours Accept).</summary>
    public static Task Write(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", context.RequestAborted);
    }

    public static (int Status, ProblemDetails Problem)? FromException(Exception exception) => exception switch
    {
        NotFoundException e => (404, Make(404, e.Message, null)),
        ConcurrencyException e => (409, Make(409, e.Message, "concurrent-change")),
        DomainException e when ConflictCodes.Contains(e.Code) => (409, Make(409, e.Message, e.Code)),
        DomainException e => (400, Make(400, e.Message, e.Code)),
        BadHttpRequestException e when e.StatusCode == 413 => (413, Make(413, TooLarge, "too-large")),
        BadHttpRequestException { InnerException: JsonException json } => (400, Unreadable(json)),
        BadHttpRequestException e when e.Message.Contains("was not provided", StringComparison.Ordinal) =>
            (400, Make(400, "Forespørgslen mangler sit indhold. Send oplysningerne som JSON.", "missing-body")),
        BadHttpRequestException e when e.StatusCode == 415 => (415, Make(415, UnsupportedMediaType, "unsupported-media-type")),
        BadHttpRequestException => (400, Make(400, "Forespørgslens indhold kunne ikke læses. Send gyldig JSON.", "unreadable-body")),
        // Form reading refuses bad content (a NUL character, a key over the form limits) with this exception.
        InvalidDataException => (400, Make(400, "Formularens indhold kunne ikke læses.", "unreadable-form")),
        _ => null,
    };

    public const string TooLarge = "Forespørgslen er for stor (højst 64 KiB).";

    public const string UnsupportedMediaType = "Indholdstypen understøttes ikke. Send oplysningerne som JSON (Content-Type: application/json).";

    /// <summary>
    /// JSON that does not parse, or a value of the wrong type: the field is named from the reader's path
    /// (<c>$.participants[0].email</c> becomes <c>participants[0].email</c>).
    /// </summary>
    private static ProblemDetails Unreadable(JsonException json)
    {
        var field = json.Path is { Length: > 1 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        // Both arrive as JsonException. A value that does not fit its field says it "could not be converted", or stops the
        // reader on the property itself (no position); broken syntax carries the position where the reader gave up.
        var stoppedOnProperty = json.LineNumber is null or 0 && json.BytePositionInLine is null or 0;
        var wrongType = json.Message.Contains("could not be converted", StringComparison.Ordinal) || (field is not null && stoppedOnProperty);
        if (field is null || !wrongType)
        {
            var problem = Make(400, "Forespørgslens indhold er ikke gyldig JSON.", "unreadable-body");
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field ?? "body"] = ["Indholdet kunne ikke læses som JSON."] };
            return problem;
        }

        var typed = Make(400, "Et felt har en forkert type.", "wrong-type");
        typed.Title = ValidationTitle;
        typed.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [$"Feltet »{field}« har en forkert type eller form."] };
        return typed;
    }

    private static ProblemDetails Make(int status, string detail, string? code)
    {
        var problem = new ProblemDetails { Status = status, Title = TitleFor(status), Detail = detail };
        if (code is not null) problem.Extensions["code"] = code;
        return problem;
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "Ugyldig forespørgsel.",
        401 => "Ikke logget ind.",
        403 => "Ingen adgang.",
        404 => "Findes ikke.",
        405 => "Metoden er ikke tilladt.",
        406 => "Svarformatet kan ikke leveres.",
        409 => "Konflikt.",
        410 => "Ikke længere tilgængelig.",
        413 => "For stor forespørgsel.",
        415 => "Indholdstypen understøttes ikke.",
        429 => "For mange forespørgsler.",
        _ => "Der opstod en fejl.",
    };

    /// <summary>A Danish detail for a status the framework answers by itself (no route, wrong method, …).</summary>
    public static string DefaultDetail(int status, HttpContext context) => status switch
    {
        400 => "Forespørgslen kunne ikke forstås.",
        401 => "Du skal være logget ind.",
        403 => "Du har ikke adgang til denne handling.",
        404 => "Adressen findes ikke.",
        405 => context.Response.Headers.Allow.Count > 0
            ? $"Metoden {context.Request.Method} kan ikke bruges her. Brug: {context.Response.Headers.Allow}."
            : $"Metoden {context.Request.Method} kan ikke bruges her.",
        413 => TooLarge,
        415 => UnsupportedMediaType,
        429 => "Du har sendt for mange forespørgsler. Vent lidt, og prøv igen.",
        _ => "Der opstod en fejl hos os. Prøv igen senere.",
    };

    /// <summary>
    /// Every problem gets a Danish title and detail: ours are written so, and the framework's own (no route, wrong method,
    /// an unhandled error) carry an English title and no detail, which are replaced here.
    /// </summary>
    internal static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        if (problem.Title != TitleFor(status) && problem.Title != ValidationTitle) problem.Title = TitleFor(status);
        problem.Detail ??= DefaultDetail(status, context.HttpContext);
    }
}

/// <summary>Turns domain, concurrency, not-found and unreadable-request exceptions into problem details; anything else is a 500.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Problems.FromException(exception) is not { } mapped) return false;
        httpContext.Response.StatusCode = mapped.Status;
        if (ErrorPages.WantsPage(httpContext.Request))
        {
            // A person at a page: the same Danish explanation, as a page with a way back.
            await Pages.Html.Page((mapped.Problem.Title ?? "Det lykkedes ikke").TrimEnd('.'),
                $"<p>{Pages.Html.E(mapped.Problem.Detail)}</p><p><a class=\"function-link\" href=\"/\">Til forsiden</a></p>", mapped.Status).ExecuteAsync(httpContext);
            return true;
        }

        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = mapped.Problem, Exception = exception }))
        {
            return true;
        }

        // The client's Accept rules out every writer (text/html on the API, image/png): answer with JSON all the same.
        await Problems.Write(httpContext, mapped.Problem);
        return true;
    }
}
