using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

public sealed record IdeaResponse(string ETag, Idea Idea, GuideRecommendation? Recommendation = null);

/// <summary>Who may see an idea, the same for the API and the pages.</summary>
internal static class IdeaAccess
{
    /// <summary>The secretariat sees every idea; a forum member the ideas put to their forum; an employee their own.</summary>
    public static bool MaySee(Idea idea, System.Security.Claims.ClaimsPrincipal user) =>
        user.IsSecretariat() || (user.Forum() is { } forum && idea.DecidingForum?.ToString() == forum) || Own(idea, user);

    public static bool Own(Idea idea, System.Security.Claims.ClaimsPrincipal user) =>
        string.Equals(idea.SubmittedBy.Email, user.Email(), StringComparison.OrdinalIgnoreCase);
}

internal static class IdeaEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var ideas = api.MapGroup("/ideas").WithTags("Idéer").RequireAuthorization(Policies.Staff);

        ideas.MapPost("/", async (SubmitIdeaRequest request, IdeaWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var title = v.Text("title", request.Title, "Titlen", 200);
            var description = v.Text("description", request.Description, "Beskrivelsen", 8000);
            var type = v.Enum<NetworkType>("suggestedType", request.SuggestedType, "Netværkstypen", required: false);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var g = request.Guide;
            var answers = new GuideAnswers(Answer(g?.SpansManyAreasWithComplexProblems), Answer(g?.CitizenNearBoundedWelfare), Answer(g?.MissingKnowledgeOrCompetences));
            var (idea, recommendation) = await workflow.SubmitAsync(title, description, http.User.Person(), type, answers, ct);
            return Results.Created($"/api/ideas/{idea.Value.Id}", new IdeaResponse(idea.ETag, idea.Value, recommendation)).WithETag(http, idea.ETag);
        }).Produces<IdeaResponse>(StatusCodes.Status201Created);

        ideas.MapGet("/", async (IdeaWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var all = await workflow.ListAsync(ct);
            return Results.Ok(all.Where(i => MaySee(i.Value, http)).Select(i => new IdeaResponse(i.ETag, i.Value)));
        }).Produces<IdeaResponse[]>();

        ideas.MapGet("/{id:guid}", async (Guid id, IdeaWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var idea = await workflow.GetAsync(id, ct);
            if (!MaySee(idea.Value, http)) return Results.Forbid();
            return Results.Ok(new IdeaResponse(idea.ETag, idea.Value)).WithETag(http, idea.ETag);
        }).Produces<IdeaResponse>();

        ideas.MapPost("/{id:guid}/review", async (Guid id, IdeaWorkflow workflow, HttpContext http, CancellationToken ct) =>
            Ok(await workflow.StartReviewAsync(id, HttpConcurrency.IfMatch(http.Request), ct), http))
            .RequireAuthorization(Policies.Secretariat).Produces<IdeaResponse>();

        ideas.MapPost("/{id:guid}/route", async (Guid id, RouteIdeaRequest request, IdeaWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var forum = v.Enum<Forum>("forum", request.Forum, "Forummet", required: false);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            return Ok(await workflow.RouteAsync(id, forum, HttpConcurrency.IfMatch(http.Request), ct), http);
        }).RequireAuthorization(Policies.Secretariat).Produces<IdeaResponse>();

        ideas.MapPost("/{id:guid}/decision", async (Guid id, DecisionRequest request, IdeaWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var outcome = v.Enum<DecisionOutcome>("outcome", request.Outcome, "Beslutningen");
            var reason = v.OptionalText("reason", request.Reason, "Begrundelsen");
            if (outcome is DecisionOutcome.Rejected or DecisionOutcome.NeedsInfo && reason is null)
            {
                v.Add("reason", outcome == DecisionOutcome.Rejected ? "Et afslag skal begrundes." : "Skriv, hvilke oplysninger der mangler.");
            }

            if (!v.IsValid) return Problems.Validation(v.Errors);

            // A forum member decides for their own forum; the secretariat may record any forum's decision.
            var idea = await workflow.GetAsync(id, ct);
            if (!http.User.IsSecretariat() && http.User.Forum() != idea.Value.DecidingForum?.ToString())
            {
                return Problems.Status(403, $"Idéen afgøres af {idea.Value.DecidingForum?.DanishName() ?? "et andet forum"}, ikke af dit forum.");
            }

            return Ok(await workflow.DecideAsync(id, outcome!.Value, reason, HttpConcurrency.IfMatch(http.Request), ct), http);
        }).RequireAuthorization(Policies.Decider).Produces<IdeaResponse>();

        ideas.MapPost("/{id:guid}/info", async (Guid id, InformationRequest request, IdeaWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var information = v.Text("information", request.Information, "Oplysningerne", 8000);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var idea = await workflow.GetAsync(id, ct);
            if (!Own(idea.Value, http) && !http.User.IsSecretariat()) return Results.Forbid();
            return Ok(await workflow.ProvideInfoAsync(id, information, HttpConcurrency.IfMatch(http.Request), ct), http);
        }).Produces<IdeaResponse>();
    }

    private static GuideAnswer Answer(bool? value) => value switch { true => GuideAnswer.Yes, false => GuideAnswer.No, null => GuideAnswer.Unknown };

    private static bool MaySee(Idea idea, HttpContext http) => IdeaAccess.MaySee(idea, http.User);

    private static bool Own(Idea idea, HttpContext http) => IdeaAccess.Own(idea, http.User);

    private static IResult Ok(Domain.Ports.Versioned<Idea> idea, HttpContext http) =>
        Results.Ok(new IdeaResponse(idea.ETag, idea.Value)).WithETag(http, idea.ETag);
}
