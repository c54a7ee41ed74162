using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

internal static class SurveyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // Answering needs only the personal link's token, no sign-in.
        var answering = api.MapGroup("/surveys").WithTags("Spørgeskemaer").AllowAnonymous();
        answering.MapGet("/{token}", async (string token, SurveyWorkflow surveys, CancellationToken ct) =>
            Results.Ok(await surveys.FormAsync(token, ct))).Produces<SurveyForm>();

        answering.MapPost("/{token}/answers", async (string token, SurveyAnswersRequest request, SurveyWorkflow surveys, CancellationToken ct) =>
        {
            if (request.Answers is null || request.Answers.Count == 0)
            {
                return Problems.Validation(new() { ["answers"] = ["Besvar spørgsmålene, før du sender."] });
            }

            try
            {
                await surveys.SubmitAsync(token, request.Answers, ct);
            }
            catch (SurveyAnswersInvalidException e)
            {
                return Problems.Validation(e.Problems.GroupBy(p => $"answers.{p.Key}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
            }

            return Results.Ok(new { message = "Tak for dine svar!" });
        }).Produces(StatusCodes.Status200OK);

        var networks = api.MapGroup("/networks").WithTags("Netværk").RequireAuthorization(Policies.Staff);
        networks.MapGet("/{id:guid}/surveys", async (Guid id, SurveyWorkflow surveys, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
            NetworkEndpoints.MaySee(http, (await workflow.GetAsync(id, ct)).Value) ? Results.Ok(await surveys.StatusAsync(id, ct)) : NetworkEndpoints.Forbidden()).Produces<SurveyStatus[]>();

        // The evaluation as the report page shows it, every figure anonymity-safe: JSON, and CSV for Danish Excel.
        networks.MapGet("/{id:guid}/evaluation", async (Guid id, SurveyWorkflow surveys, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
            NetworkEndpoints.MaySee(http, (await workflow.GetAsync(id, ct)).Value) ? Results.Ok(await surveys.EvaluationAsync(id, ct)) : NetworkEndpoints.Forbidden())
            .Produces<NetworkEvaluation>();

        networks.MapGet("/{id:guid}/evaluation.csv", async (Guid id, SurveyWorkflow surveys, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
            NetworkEndpoints.MaySee(http, (await workflow.GetAsync(id, ct)).Value)
                ? Results.File(Reports.EvaluationCsv.Write(await surveys.EvaluationAsync(id, ct)), Reports.EvaluationCsv.ContentType, $"evaluering-{id}.csv")
                : NetworkEndpoints.Forbidden())
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        networks.MapGet("/targets", async (SurveyWorkflow surveys, CancellationToken ct) => Results.Ok(await surveys.PortfolioAsync(ct)))
            .RequireAuthorization(Policies.Secretariat).Produces<PortfolioTargets>();

        networks.MapGet("/{id:guid}/involvement", async (Guid id, InvolvementWorkflow involvement, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
            NetworkEndpoints.MaySee(http, (await workflow.GetAsync(id, ct)).Value) ? Results.Ok(await involvement.ListAsync(id, ct)) : NetworkEndpoints.Forbidden()).Produces<InvolvementRecord[]>();

        networks.MapPost("/{id:guid}/involvement", async (Guid id, InvolvementRequest request, InvolvementWorkflow involvement,
            NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            if (await NetworkEndpoints.Leads(id, workflow, http, ct) is { } denied) return denied;
            var v = new RequestValidation();
            var group = v.Enum<StakeholderGroup>("group", request.Group, "Gruppen");
            var who = v.Text("who", request.Who, "Hvem der blev inddraget", 500);
            if (request.HowMany is null or < 1 or > 100_000) v.Add("howMany", "Antallet skal være et helt tal mellem 1 og 100.000.");
            var how = v.Text("how", request.How, "Hvordan de blev inddraget", 2000);
            var date = v.Date("date", request.Date, "Datoen");
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var record = await involvement.RegisterAsync(id, group!.Value, who, request.HowMany!.Value, how, date!.Value, http.User.Email(), ct);
            return Results.Created($"/api/networks/{id}/involvement/{record.Id}", record);
        }).Produces<InvolvementRecord>(StatusCodes.Status201Created);
    }
}
