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
        "meeting-held", "meeting-cancelled", "already-answered", "idea-not-approved", "time-out-of-order",
    };

    public static IResult Validation(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Oplysningerne er ikke gyldige.", detail: "Ret felterne nedenfor, og prøv igen.");

    public static IResult Status(int status, string detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = TitleFor(status), Detail = detail };
        if (code is not null) problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    public static Task Write(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = TitleFor(status), Detail = detail },
            options: null, contentType: "application/problem+json");
    }

    public static (int Status, ProblemDetails Problem)? FromException(Exception exception) => exception switch
    {
        NotFoundException e => (404, Make(404, e.Message, null)),
        ConcurrencyException e => (409, Make(409, e.Message, "concurrent-change")),
        DomainException e when ConflictCodes.Contains(e.Code) => (409, Make(409, e.Message, e.Code)),
        DomainException e => (400, Make(400, e.Message, e.Code)),
        BadHttpRequestException e when e.StatusCode == 413 => (413, Make(413, "Forespørgslen er for stor (højst 64 KiB).", "too-large")),
        BadHttpRequestException e => (400, Make(400, "Forespørgslens indhold kunne ikke læses. Send gyldig JSON.", "unreadable-body")),
        _ => null,
    };

    private static ProblemDetails Make(int status, string detail, string? code)
    {
        var problem = new ProblemDetails { Status = status, Title = TitleFor(status), Detail = detail };
        if (code is not null) problem.Extensions["code"] = code;
        return problem;
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "Ugyldig forespørgsel.",
        401 => "Ikke logget ind.",
        403 => "Ingen adgang.",
        404 => "Findes ikke.",
        409 => "Konflikt.",
        410 => "Ikke længere tilgængelig.",
        413 => "For stor forespørgsel.",
        _ => "Der opstod en fejl.",
    };
}

/// <summary>Turns domain, concurrency and not-found exceptions into problem details; anything else is a 500.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Problems.FromException(exception) is not { } mapped) return false;
        httpContext.Response.StatusCode = mapped.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = mapped.Problem, Exception = exception });
    }
}
