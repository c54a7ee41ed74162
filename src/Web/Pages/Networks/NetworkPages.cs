using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Web.Api;
using static Netvaerk.Web.Pages.Html;

namespace Netvaerk.Web.Pages.Networks;

/// <summary>
/// The network's page (linked from the leader's digest and the contract reminder) and the secretariat's portfolio
/// (linked from the monthly digest). Pause, resume and close go through the same timeline changes as the API.
/// </summary>
public static class NetworkPages
{
    public static IEndpointRouteBuilder MapNetworkPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/portefolje", async (NetworkWorkflow workflow, IdeaWorkflow ideas, SurveyWorkflow surveys, EvaluationSettings evaluation,
            TimeProvider time, CancellationToken ct) =>
            Render<PortfolioPage>(new
            {
                Networks = (await workflow.ListAsync(ct)).Select(n => n.Value).ToList(),
                Awaiting = (await ideas.ListAsync(ct)).Select(i => i.Value).Where(ApprovalSchedule.IsAwaitingDecision).OrderBy(i => i.RoutedAt).ToList(),
                Now = time.GetUtcNow(),
                Targets = await surveys.PortfolioAsync(ct),
                Threshold = evaluation.AnonymityThreshold,
            }))
            .RequireAuthorization(Policies.Secretariat).ExcludeFromDescription();

        endpoints.MapGet("/netvaerk/{id:guid}", (Guid id, HttpContext http, NetworkWorkflow workflow, CancellationToken ct) => ShowAsync(id, http, workflow, ct))
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        // The contract reminder's link: the contract form, opening with what the contract lacks.
        endpoints.MapGet("/netvaerk/{id:guid}/kontrakt", async (Guid id, HttpContext http, NetworkWorkflow workflow, CancellationToken ct) =>
        {
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!NetworkEndpoints.MaySee(http, record)) return Ideas.IdeaPages.Forbidden();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            return Render<ContractPage>(new { record.Network });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/kontrakt", async (Guid id, HttpContext http, NetworkWorkflow workflow, AccessWorkflow access, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            var posted = ContractFields.ToDictionary(f => f, f => form![f].ToString().Trim(), StringComparer.Ordinal);
            string? Field(string name) => posted[name].Length == 0 ? null : posted[name];
            var request = new ContractRequest(Field("theme"), Field("purpose"), Field("type"), Field("mandate"), Field("expectedOutput"),
                Field("expectedOutcome"),
                Field("leader-name") is null && Field("leader-email") is null ? null : new PersonRequest(Field("leader-name"), Field("leader-email")),
                Field("decidingForum"),
                Field("timeFrame-start") is null && Field("timeFrame-end") is null ? null : new TimeFrameRequest(Field("timeFrame-start"), Field("timeFrame-end")),
                Field("involvementPlan"), Field("evaluationPlan"));
            var (v, change, leader) = await ContractInput.ReadAsync(request, access, ct);
            if (!v.IsValid)
            {
                return Render<ContractPage>(new
                {
                    record.Network, Posted = posted,
                    Errors = v.Errors.ToDictionary(e => e.Key.Replace('.', '-'), e => e.Value[0], StringComparer.Ordinal),
                }, 400);
            }

            await workflow.UpdateContractAsync(id, change, ifMatch: null, ct);
            if (leader is not null) await NetworkEndpoints.GrantLeaderAsync(access, leader, ct);
            return Results.Redirect($"/netvaerk/{id}");
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/pause", (Guid id, HttpContext http, NetworkWorkflow workflow, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(id, http, workflow, form => (new TimelinePaused(time.GetUtcNow()), Text(form["pause-begrundelse"]), null), ct))
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/genoptag", (Guid id, HttpContext http, NetworkWorkflow workflow, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(id, http, workflow, _ => (new TimelineResumed(time.GetUtcNow()), null, null), ct))
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/luk", (Guid id, HttpContext http, NetworkWorkflow workflow, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(id, http, workflow, form =>
            {
                var reason = Text(form["luk-begrundelse"]);
                var error = reason is null ? "Skriv, hvorfor netværket lukkes før tid." : reason.Length > 2000 ? "Højst 2.000 tegn." : null;
                return (new TimelineClosedEarly(time.GetUtcNow()), reason, error);
            }, ct))
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/deltagere", async (Guid id, HttpContext http, NetworkWorkflow workflow, TimeProvider time, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            var posted = ParticipantFields.ToDictionary(f => f, f => form![f].ToString().Trim(), StringComparer.Ordinal);
            var v = new RequestValidation();
            var name = v.Text("deltager-navn", posted["deltager-navn"], "Navnet");
            var email = v.Email("deltager-email", posted["deltager-email"]);
            var kind = Forms.Choice<ParticipantKind>(posted["deltager-type"]);
            if (kind is null) v.Add("deltager-type", "Vælg deltagerens type.");
            var role = Forms.Choice<ParticipantRole>(posted["deltager-rolle"]) ?? ParticipantRole.Core;
            var consent = v.OptionalText("deltager-samtykke", posted["deltager-samtykke"], "Samtykkets kilde", 500);
            var errors = v.FirstErrors();
            if (errors.Count == 0)
            {
                try
                {
                    await workflow.AddParticipantsAsync(id, [new Participant(Guid.NewGuid(), name, email, kind!.Value, role,
                        consent is null ? null : new Consent(time.GetUtcNow(), consent))], ifMatch: null, ct);
                    return Results.Redirect($"/netvaerk/{id}");
                }
                catch (DomainException e)
                {
                    errors["deltager-samtykke"] = e.Message; // the Domain refuses an external without consent, or a duplicate
                }
            }

            return await NetworkPageAsync(http, record, ct, 400, new() { ["Posted"] = posted, ["Errors"] = errors });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapGet("/netvaerk/{id:guid}/evaluering", async (Guid id, HttpContext http, NetworkWorkflow workflow, SurveyWorkflow surveys, CancellationToken ct) =>
        {
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!NetworkEndpoints.MaySee(http, record)) return Ideas.IdeaPages.Forbidden();
            // The store lists a network's surveys in the order they were sent.
            return Render<Surveys.SurveyResultsPage>(new { Evaluation = await surveys.EvaluationAsync(id, ct) });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapGet("/netvaerk/{id:guid}/evaluering/{stepId}", async (Guid id, string stepId, HttpContext http, NetworkWorkflow workflow, SurveyWorkflow surveys, CancellationToken ct) =>
        {
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!NetworkEndpoints.MaySee(http, record)) return Ideas.IdeaPages.Forbidden();
            var evaluation = await surveys.EvaluationAsync(id, ct);
            if (evaluation.Surveys.FirstOrDefault(s => s.Survey.StepId == stepId) is not { } one)
            {
                return Page("Spørgeskemaet findes ikke", "<p>Netværket har ikke sendt et spørgeskema på denne adresse.</p>"
                    + $"<p><a class=\"function-link\" href=\"/netvaerk/{id}/evaluering\">Til evalueringen</a></p>", 404);
            }

            return Render<Surveys.SurveyResultsPage>(new { Evaluation = evaluation with { Surveys = [one] }, Only = one });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapGet("/netvaerk/{id:guid}/afslutningsrapport", async (Guid id, HttpContext http, NetworkWorkflow workflow, SurveyWorkflow surveys,
            InvolvementWorkflow involvement, TimeProvider time, CancellationToken ct) =>
        {
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!NetworkEndpoints.MaySee(http, record)) return Ideas.IdeaPages.Forbidden();
            return Render<Surveys.ClosingReportPage>(new
            {
                record.Network, record.Timeline, Involvement = await involvement.ListAsync(id, ct),
                Evaluation = await surveys.EvaluationAsync(id, ct),
                Now = time.GetUtcNow(),
            });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/deltagere/{participantId:guid}/fjern", async (Guid id, Guid participantId, HttpContext http, NetworkWorkflow workflow, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (_, var refused) && refused is not null) return refused;
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            try
            {
                await workflow.RemoveParticipantAsync(id, participantId, ifMatch: null, ct);
                return Results.Redirect($"/netvaerk/{id}#deltagere");
            }
            catch (Exception e) when (e is DomainException or NotFoundException)
            {
                // The last core participant of a running network, a locked contract, or a participant already removed.
                return await NetworkPageAsync(http, record, ct, e is NotFoundException ? 404 : 400,
                    new() { ["Errors"] = new Dictionary<string, string> { ["deltagere"] = e.Message } });
            }
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/deltagere/import", async (Guid id, HttpContext http, NetworkWorkflow workflow, TimeProvider time, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            var (lines, error) = await ReadImportAsync(form!.Files.GetFile("deltager-fil"), record, time.GetUtcNow(), ct);
            if (lines is null) return await NetworkPageAsync(http, record, ct, 400, new() { ["Errors"] = new Dictionary<string, string> { ["deltager-fil"] = error! } });
            var valid = lines.Where(l => l.Participant is not null).Select(l => l.Participant!).ToList();
            if (valid.Count > 0)
            {
                try
                {
                    record = (await workflow.AddParticipantsAsync(id, valid, ifMatch: null, ct)).Value;
                }
                catch (DomainException e)
                {
                    return await NetworkPageAsync(http, record, ct, 400, new() { ["Errors"] = new Dictionary<string, string> { ["deltager-fil"] = e.Message } });
                }
            }

            // The report stays on the page (no redirect): it is the answer to this upload, not a state of the network.
            return await NetworkPageAsync(http, record, ct, valid.Count > 0 ? 200 : 400, new() { ["Import"] = lines });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/inddragelse", async (Guid id, HttpContext http, NetworkWorkflow workflow, InvolvementWorkflow involvement, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            var posted = InvolvementFields.ToDictionary(f => f, f => form![f].ToString().Trim(), StringComparer.Ordinal);
            var v = new RequestValidation();
            var group = Forms.Choice<StakeholderGroup>(posted["inddragelse-gruppe"]);
            if (group is null) v.Add("inddragelse-gruppe", "Vælg, hvem der blev inddraget.");
            var who = v.Text("inddragelse-hvem", posted["inddragelse-hvem"], "Hvem der blev inddraget", 500);
            if (!int.TryParse(posted["inddragelse-antal"], NumberStyles.None, CultureInfo.InvariantCulture, out var howMany) || howMany is < 1 or > 100_000)
                v.Add("inddragelse-antal", "Skriv antallet som et helt tal mellem 1 og 100.000.");
            var how = v.Text("inddragelse-hvordan", posted["inddragelse-hvordan"], "Hvordan de blev inddraget", 2000);
            var date = v.Date("inddragelse-dato", posted["inddragelse-dato"], "Datoen");
            var errors = v.FirstErrors();
            if (errors.Count > 0) return await NetworkPageAsync(http, record, ct, 400, new() { ["Posted"] = posted, ["Errors"] = errors });
            await involvement.RegisterAsync(id, group!.Value, who, howMany, how, date!.Value, http.User.Email(), ct);
            return Results.Redirect($"/netvaerk/{id}#inddragelse");
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/start", async (Guid id, HttpContext http, NetworkWorkflow workflow, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayStart(http, record)) return Ideas.IdeaPages.Forbidden();
            var posted = StartFields.ToDictionary(f => f, f => form![f].ToString().Trim(), StringComparer.Ordinal);
            var v = new RequestValidation();
            var date = v.Date("start-dato", posted["start-dato"], "Datoen for opstartsworkshoppen");
            var from = v.Time("start-fra", posted["start-fra"], "Mødestart", required: false);
            var to = v.Time("start-til", posted["start-til"], "Mødeslut", required: false);
            var place = v.OptionalText("start-sted", posted["start-sted"], "Mødestedet", 300);
            var errors = v.FirstErrors();
            if (errors.Count == 0)
            {
                try
                {
                    await workflow.StartAsync(id, date!.Value, s => s with
                    {
                        MeetingStart = from ?? s.MeetingStart, MeetingEnd = to ?? s.MeetingEnd, Place = place ?? s.Place,
                    }, ifMatch: null, ct);
                    return Results.Redirect($"/netvaerk/{id}");
                }
                catch (DomainException e)
                {
                    errors["start-dato"] = e.Message; // too soon, too far ahead, or the contract is not complete
                }
            }

            return await NetworkPageAsync(http, record, ct, 400, new() { ["Posted"] = posted, ["Errors"] = errors });
        }).RequireAuthorization(Policies.Secretariat).ExcludeFromDescription();

        endpoints.MapGet("/netvaerk/{id:guid}/moeder/{meetingId}", async (Guid id, string meetingId, HttpContext http, NetworkWorkflow workflow, CancellationToken ct) =>
        {
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            if (record.Timeline?.Meeting(meetingId) is not { Cancelled: false } meeting) return NoSuchMeeting(id);
            return Render<MeetingPage>(new { NetworkId = id, Theme = record.Network.Contract.Theme ?? "", Meeting = meeting });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/moeder/{meetingId}/flyt", async (Guid id, string meetingId, HttpContext http, NetworkWorkflow workflow, TimeProvider time, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            if (record.Timeline?.Meeting(meetingId) is not { Cancelled: false } meeting) return NoSuchMeeting(id);
            var posted = MeetingFields.ToDictionary(f => f, f => form![f].ToString().Trim(), StringComparer.Ordinal);
            var v = new RequestValidation();
            var date = v.Date("dato", posted["dato"], "Datoen");
            var start = v.Time("fra", posted["fra"], "Starttidspunktet");
            var end = v.Time("til", posted["til"], "Sluttidspunktet");
            var place = v.OptionalText("sted", posted["sted"], "Mødestedet", 300);
            var errors = v.FirstErrors();
            if (errors.Count == 0)
            {
                try
                {
                    await workflow.ChangeTimelineAsync(id, new MeetingMoved(meetingId, date!.Value, start!.Value, end!.Value, place, time.GetUtcNow()), null, ifMatch: null, ct);
                    return Results.Redirect($"/netvaerk/{id}");
                }
                catch (DomainException e)
                {
                    errors["dato"] = e.Message; // not a working day, in the past, the end before the start …
                }
            }

            return Render<MeetingPage>(new { NetworkId = id, Theme = record.Network.Contract.Theme ?? "", Meeting = meeting, Posted = posted, Errors = errors }, 400);
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapGet("/netvaerk/{id:guid}/spoergeskemaer/{stepId}", async (Guid id, string stepId, HttpContext http, NetworkWorkflow workflow, CancellationToken ct) =>
        {
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            if (PendingSurvey(record, stepId) is not { } survey) return NoSuchSurvey(id);
            return Render<SurveyPolicyPage>(new { NetworkId = id, record.Timeline, Survey = survey });
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/spoergeskemaer/{stepId}", async (Guid id, string stepId, HttpContext http, NetworkWorkflow workflow, TimeProvider time, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
            if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
            if (PendingSurvey(record, stepId) is not { } survey) return NoSuchSurvey(id);
            var posted = PolicyFields.ToDictionary(f => f, f => form![f].ToString().Trim(), StringComparer.Ordinal);
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            int Number(string field)
            {
                if (int.TryParse(posted[field], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 99) return n;
                errors[field] = "Skriv et helt tal.";
                return 0;
            }

            var policy = new SurveyPolicy(Number("mellemrum"), Number("antal"), Number("lukker"));
            foreach (var (field, message) in errors.Count == 0 ? TimelineState.PolicyProblems(policy) : [])
            {
                errors.TryAdd(field switch
                {
                    nameof(SurveyPolicy.ReminderAfterWorkingDays) => "mellemrum",
                    nameof(SurveyPolicy.MaxReminders) => "antal",
                    _ => "lukker",
                }, message);
            }

            if (errors.Count == 0)
            {
                try
                {
                    await workflow.ChangeTimelineAsync(id, new SurveyPolicyChanged(stepId, policy, time.GetUtcNow()), null, ifMatch: null, ct);
                    return Results.Redirect($"/netvaerk/{id}#spoergeskemaer");
                }
                catch (DomainException e)
                {
                    errors["mellemrum"] = e.Message; // sent meanwhile
                }
            }

            return Render<SurveyPolicyPage>(new { NetworkId = id, record.Timeline, Survey = survey, Posted = posted, Errors = errors }, 400);
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/netvaerk/{id:guid}/moeder/{meetingId}/aflys", (Guid id, string meetingId, HttpContext http, NetworkWorkflow workflow, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(id, http, workflow, _ => (new MeetingCancelled(meetingId, time.GetUtcNow()), null, null), ct))
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        return endpoints;
    }

    private static readonly string[] MeetingFields = ["dato", "fra", "til", "sted"];

    private static readonly string[] PolicyFields = ["mellemrum", "antal", "lukker"];

    /// <summary>A survey step of the network that has not been sent: only then may its reminders change.</summary>
    private static TimelineStep? PendingSurvey(NetworkRecord record, string stepId) =>
        record.Timeline?.Step(stepId) is { Survey: not null, IsPending: true } step && step.Kind != StepKind.SurveyReminder ? step : null;

    private static IResult NoSuchSurvey(Guid id) => Page("Spørgeskemaet kan ikke ændres",
        "<p>Netværket har ikke et spørgeskema, der venter på at blive sendt, på denne adresse. Et sendt spørgeskema beholder sine påmindelser.</p>"
        + $"<p><a class=\"function-link\" href=\"/netvaerk/{id}\">Til netværkets side</a></p>", 404);

    private static IResult NoSuchMeeting(Guid id) => Page("Mødet findes ikke", "<p>Netværket har ikke et møde, der kan flyttes eller aflyses, på denne adresse.</p>"
        + $"<p><a class=\"function-link\" href=\"/netvaerk/{id}\">Til netværkets side</a></p>", 404);

    private static readonly string[] ParticipantFields = ["deltager-navn", "deltager-email", "deltager-type", "deltager-rolle", "deltager-samtykke"];

    private static readonly string[] InvolvementFields =
        ["inddragelse-gruppe", "inddragelse-hvem", "inddragelse-antal", "inddragelse-hvordan", "inddragelse-dato"];

    /// <summary>The uploaded list, read by line; null with a message when there is no file or it cannot be read at all.</summary>
    private static async Task<(IReadOnlyList<ParticipantLine>? Lines, string? Error)> ReadImportAsync(
        IFormFile? file, NetworkRecord record, DateTimeOffset now, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, "Vælg en CSV-fil med deltagerne.");
        if (file.Length > 256 * 1024) return (null, "Filen er for stor; højst 256 kB (omkring 500 deltagere).");
        string text;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return (null, "Filen kunne ikke læses som tekst. Gem den som »CSV UTF-8 (kommasepareret)« i Excel, og prøv igen.");
        }

        return ParticipantCsv.Read(text, record.Network.Contract.Participants.Select(p => p.Email), now);
    }

    private static readonly string[] StartFields = ["start-dato", "start-fra", "start-til", "start-sted"];

    /// <summary>The secretariat starts a draft network.</summary>
    private static bool MayStart(HttpContext http, NetworkRecord record) => http.User.IsSecretariat() && record.Network.Status == NetworkStatus.Draft;

    private static async Task<IResult> ShowAsync(Guid id, HttpContext http, NetworkWorkflow workflow, CancellationToken ct)
    {
        if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
        if (!NetworkEndpoints.MaySee(http, record)) return Ideas.IdeaPages.Forbidden();
        return await NetworkPageAsync(http, record, ct);
    }

    /// <summary>The network's page with its involvement, plus what a refused or reported form adds (errors, input, a report).</summary>
    private static async Task<IResult> NetworkPageAsync(HttpContext http, NetworkRecord record, CancellationToken ct, int status = 200,
        Dictionary<string, object?>? extra = null)
    {
        var involvement = await http.RequestServices.GetRequiredService<InvolvementWorkflow>().ListAsync(record.Network.Id, ct);
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Network"] = record.Network, ["Timeline"] = record.Timeline, ["MayChange"] = MayChange(http, record),
            ["MayStart"] = MayStart(http, record), ["Involvement"] = involvement,
        };
        foreach (var (key, value) in extra ?? []) parameters[key] = value;
        return Render<NetworkPage>(parameters, status);
    }

    private static async Task<IResult> ChangeAsync(Guid id, HttpContext http, NetworkWorkflow workflow,
        Func<IFormCollection, (TimelineChange Change, string? Reason, string? Error)> read, CancellationToken ct)
    {
        if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
        if (await FindAsync(workflow, id, ct) is not { } record) return NotFound();
        if (!MayChange(http, record)) return Ideas.IdeaPages.Forbidden();
        var (change, reason, error) = read(form!);
        if (error is not null)
        {
            return await NetworkPageAsync(http, record, ct, 400, new()
            {
                ["CloseReason"] = reason, ["Errors"] = new Dictionary<string, string> { ["luk-begrundelse"] = error },
            });
        }

        await workflow.ChangeTimelineAsync(id, change, reason, ifMatch: null, ct);
        return Results.Redirect($"/netvaerk/{id}");
    }

    private static readonly string[] ContractFields =
    [
        "theme", "purpose", "type", "mandate", "expectedOutput", "expectedOutcome", "leader-name", "leader-email", "decidingForum",
        "timeFrame-start", "timeFrame-end", "involvementPlan", "evaluationPlan",
    ];

    /// <summary>The secretariat and the network's own leader change it; a forum member only reads.</summary>
    private static bool MayChange(HttpContext http, NetworkRecord record) =>
        http.User.IsSecretariat() || string.Equals(record.Network.Contract.Leader?.Email, http.User.Email(), StringComparison.OrdinalIgnoreCase);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Task<NetworkRecord?> FindAsync(NetworkWorkflow workflow, Guid id, CancellationToken ct) => Html.FoundAsync(workflow.GetAsync(id, ct));

    private static IResult NotFound() => Page("Netværket findes ikke", "<p>Der er intet netværk på denne adresse.</p>", 404);
}
