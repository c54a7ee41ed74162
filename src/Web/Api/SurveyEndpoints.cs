using Netvaerk.Domain.Networks;
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

        // The secretariat's question sets: read, and save a new version (never a change in place).
        var sets = api.MapGroup("/question-sets").WithTags("Spørgeskemaer").RequireAuthorization(Policies.Secretariat);
        sets.MapGet("/", async (QuestionSetWorkflow workflow, CancellationToken ct) => Results.Ok(await workflow.ListAsync(ct)))
            .Produces<QuestionSetHistory[]>();
        sets.MapGet("/{type}/{kind}", async (string type, string kind, QuestionSetWorkflow workflow, CancellationToken ct) =>
            Parse(type, kind) is var (t, k) ? Results.Ok(await workflow.GetAsync(t, k, ct)) : UnknownSet())
            .Produces<QuestionSetHistory>();
        sets.MapPost("/{type}/{kind}/versions", async (string type, string kind, QuestionSetRequest request, QuestionSetWorkflow workflow,
            HttpContext http, CancellationToken ct) =>
        {
            if (Parse(type, kind) is not var (t, k)) return UnknownSet();
            var current = (await workflow.GetAsync(t, k, ct)).Current;
            var v = new RequestValidation();
            if (request.BasedOn is null) v.Add("basedOn", "Angiv den version, ændringen bygger på.");
            if (request.Questions is null or { Count: 0 }) v.Add("questions", "Spørgeskemaet skal have mindst ét spørgsmål.");
            var questions = new List<SurveyQuestion>();
            for (var i = 0; i < (request.Questions?.Count ?? 0); i++)
            {
                if (Question(request.Questions![i], i, current, v) is { } question) questions.Add(question);
            }

            if (!v.IsValid) return Problems.Validation(v.Errors);
            var saved = await workflow.ReviseAsync(t, k, request.BasedOn!.Value, questions, http.User.Email(), ct);
            return Results.Created($"/api/question-sets/{type}/{kind}", saved);
        }).Produces<QuestionSet>(StatusCodes.Status201Created);

        var networks = api.MapGroup("/networks").WithTags("Netværk").RequireAuthorization(Policies.Staff);
        networks.MapGet("/{id:guid}/surveys", async (Guid id, SurveyWorkflow surveys, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
            NetworkEndpoints.MaySee(http, (await workflow.GetAsync(id, ct)).Value) ? Results.Ok(await surveys.StatusAsync(id, ct)) : NetworkEndpoints.Forbidden()).Produces<SurveyStatus[]>();

        // The evaluation as the report page shows it, every figure anonymity-safe: JSON, and CSV for Danish Excel.
        // ?survey=<step id> narrows either to one survey (the per-survey report's exports).
        networks.MapGet("/{id:guid}/evaluation", async (Guid id, string? survey, SurveyWorkflow surveys, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
            NetworkEndpoints.MaySee(http, (await workflow.GetAsync(id, ct)).Value)
                ? Results.Ok(Only(await surveys.EvaluationAsync(id, ct), survey))
                : NetworkEndpoints.Forbidden())
            .Produces<NetworkEvaluation>();

        networks.MapGet("/{id:guid}/evaluation.csv", async (Guid id, string? survey, SurveyWorkflow surveys, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
            NetworkEndpoints.MaySee(http, (await workflow.GetAsync(id, ct)).Value)
                ? Results.File(Reports.EvaluationCsv.Write(Only(await surveys.EvaluationAsync(id, ct), survey)), Reports.EvaluationCsv.ContentType,
                    $"evaluering-{id}.csv")
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

    /// <summary>A question set's route words (<c>/question-sets/welfare/end</c>, the pages' <c>/spoergeskemaer/welfare/end</c>).</summary>
    internal static (NetworkType, SurveyKind)? Parse(string type, string kind) =>
        TimelineJson.FromWireName<NetworkType>(type) is { } t && TimelineJson.FromWireName<SurveyKind>(kind) is { } k ? (t, k) : null;

    private static IResult UnknownSet() => Problems.Status(404, "Spørgeskemaet findes ikke. Netværkstypen er innovation, welfare eller learning, og spørgeskemaet baseline, mid-term, end eller follow-up.", "unknown-question-set");

    /// <summary>
    /// One question of the new version: a carried-over key keeps its answer type, scale labels and short name (answers
    /// must stay comparable); a question without a key is new and gets one.
    /// </summary>
    private static SurveyQuestion? Question(QuestionInput input, int i, QuestionSet current, RequestValidation v)
    {
        var field = $"questions[{i}]";
        var text = v.Text($"{field}.text", input.Text, "Spørgsmålets tekst", QuestionSet.MaxTextLength);
        var help = v.OptionalText($"{field}.help", input.Help, "Hjælpeteksten", QuestionSet.MaxTextLength);
        var type = v.Enum<AnswerType>($"{field}.type", input.Type, "Svartypen");
        SurveyQuestion? question;
        if (input.Key is { } key)
        {
            question = current.Questions.FirstOrDefault(q => q.Key == key);
            if (question is null) v.Add($"{field}.key", $"Nøglen »{key}« findes ikke i den gældende version. Udelad nøglen for et nyt spørgsmål.");
            else if (type is not null && question.Type != type) v.Add($"{field}.type", "Et spørgsmåls svartype kan ikke ændres, så svarene kan sammenlignes. Tilføj et nyt spørgsmål i stedet.");
        }
        else
        {
            question = new SurveyQuestion($"egen.v{current.Version + 1}.{i + 1}", "", type ?? AnswerType.FreeText, false);
            if (type == AnswerType.Scale) question = question with { LowLabel = SurveyAnswers.AgreementLabels[0], HighLabel = SurveyAnswers.AgreementLabels[^1] };
        }

        if (question is null || type is null) return null;
        question = question with { Text = text, Help = help, Required = input.Required };
        if (type is AnswerType.SingleChoice or AnswerType.MultipleChoice)
        {
            question = question with { Options = Pages.Surveys.QuestionSetPages.Options(input.Options ?? [], question.Options) };
            if (question.Options.Count < 2) v.Add($"{field}.options", "Et valgspørgsmål skal have mindst to svarmuligheder.");
        }

        return question;
    }

    /// <summary>The evaluation, or only one survey of it (an unknown step id: none).</summary>
    private static NetworkEvaluation Only(NetworkEvaluation evaluation, string? surveyStepId) => surveyStepId is null
        ? evaluation
        : evaluation with { Surveys = [.. evaluation.Surveys.Where(s => s.Survey.StepId == surveyStepId)] };
}
