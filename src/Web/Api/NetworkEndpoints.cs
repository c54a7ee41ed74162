using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

public sealed record ContractProblemResponse(string Key, string Label, string Message);

public sealed record NetworkResponse(string ETag, Network Network, IReadOnlyList<ContractProblemResponse> MissingFromContract, DateTimeOffset? NextDue);

public sealed record StepResponse(
    string Id, string Name, StepKind Kind, Audience To, DateTimeOffset At, int Version, StepStatus Status, string? MeetingId, SurveyKind? Survey,
    int Attempts, DateTimeOffset? RetryAt, string? Failure, IReadOnlyList<string>? FailedRecipients);

/// <summary>A network's timeline; <c>parked</c> holds steps that failed on every attempt, which the secretariat may retry.</summary>
public sealed record TimelineResponse(
    string NetworkId, TimelineStatus Status, DateOnly Day0, IReadOnlyList<Meeting> Meetings,
    IReadOnlyList<StepResponse> Done, IReadOnlyList<StepResponse> Upcoming, IReadOnlyList<StepResponse> Cancelled, IReadOnlyList<StepResponse> Parked);

/// <summary>Something the secretariat must look at: a parked step, or recipients a step could not write to.</summary>
public sealed record FlagResponse(string NetworkId, string NetworkName, StepResponse Step);

internal static class NetworkEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("Netværk").RequireAuthorization(Policies.Staff);

        networks.MapGet("/", async (NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
            Results.Ok((await workflow.ListAsync(ct)).Where(n => MaySee(http, n.Value)).Select(Response))).Produces<NetworkResponse[]>();

        networks.MapGet("/{id:guid}", async (Guid id, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var network = await workflow.GetAsync(id, ct);
            if (!MaySee(http, network.Value)) return Forbidden();
            return Results.Ok(Response(network)).WithETag(http, network.ETag);
        }).Produces<NetworkResponse>();

        networks.MapGet("/{id:guid}/timeline", async (Guid id, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var network = await workflow.GetAsync(id, ct);
            if (!MaySee(http, network.Value)) return Forbidden();
            if (network.Value.Timeline is not { } t) return Problems.Status(404, "Netværket er ikke startet endnu, så det har ingen tidslinje.");
            StepResponse[] Steps(StepStatus status) => t.Steps.Where(s => s.Status == status).Select(s => Step(t, s)).ToArray();
            return Results.Ok(new TimelineResponse(id.ToString(), t.Status, t.Day0, t.Meetings,
                    Steps(StepStatus.Done), Steps(StepStatus.Pending), Steps(StepStatus.Cancelled), Steps(StepStatus.Failed)))
                .WithETag(http, network.ETag);
        }).Produces<TimelineResponse>();

        networks.MapGet("/flags", async (NetworkWorkflow workflow, CancellationToken ct) =>
            Results.Ok((await workflow.ListAsync(ct))
                .Where(n => n.Value.Timeline is not null)
                .SelectMany(n => n.Value.Timeline!.Problems.Select(s => new FlagResponse(n.Value.Network.Id.ToString(),
                    n.Value.Network.Contract.Theme ?? "", Step(n.Value.Timeline!, s))))))
            .RequireAuthorization(Policies.Secretariat).Produces<FlagResponse[]>();

        networks.MapPost("/{id:guid}/steps/{stepId}/retry", async (Guid id, string stepId, NetworkWorkflow workflow, TimeProvider time, HttpContext http, CancellationToken ct) =>
            await Change(workflow, id, new StepRetried(stepId, time.GetUtcNow()), null, http, ct))
            .RequireAuthorization(Policies.Secretariat).Produces<NetworkResponse>();

        networks.MapPut("/{id:guid}/contract", async (Guid id, ContractRequest request, NetworkWorkflow workflow, AccessWorkflow access, HttpContext http, CancellationToken ct) =>
        {
            if (await Leads(id, workflow, http, ct) is { } denied) return denied;
            var (v, change, leader) = await ContractInput.ReadAsync(request, access, ct);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var saved = await workflow.UpdateContractAsync(id, change, HttpConcurrency.IfMatch(http.Request), ct);
            if (leader is not null) await GrantLeaderAsync(access, leader, ct);
            return Results.Ok(Response(saved)).WithETag(http, saved.ETag);
        }).Produces<NetworkResponse>();

        networks.MapPost("/{id:guid}/participants", async (Guid id, ParticipantsRequest request, NetworkWorkflow workflow, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            if (await Leads(id, workflow, http, ct) is { } denied) return denied;
            var v = new RequestValidation();
            var list = request.Participants ?? [];
            if (list.Count == 0) v.Add("participants", "Angiv mindst én deltager.");
            if (list.Count > 500) v.Add("participants", "Højst 500 deltagere ad gangen.");
            var participants = new List<Participant>();
            for (var i = 0; i < list.Count && list.Count <= 500; i++)
            {
                var p = list[i];
                var name = v.Text($"participants[{i}].name", p.Name, "Navnet");
                var email = v.Email($"participants[{i}].email", p.Email);
                var kind = v.Enum<ParticipantKind>($"participants[{i}].kind", p.Kind, "Deltagertypen");
                var role = v.Enum<ParticipantRole>($"participants[{i}].role", p.Role, "Rollen");
                var consent = v.OptionalText($"participants[{i}].consent.source", p.Consent?.Source, "Samtykkets kilde", 500);
                if (v.IsValid)
                {
                    participants.Add(new Participant(Guid.NewGuid(), name, email, kind!.Value, role!.Value,
                        consent is null ? null : new Consent(time.GetUtcNow(), consent)));
                }
            }

            if (!v.IsValid) return Problems.Validation(v.Errors);
            var saved = await workflow.AddParticipantsAsync(id, participants, HttpConcurrency.IfMatch(http.Request), ct);
            return Results.Ok(Response(saved)).WithETag(http, saved.ETag);
        }).Produces<NetworkResponse>();

        networks.MapDelete("/{id:guid}/participants/{participantId:guid}", async (Guid id, Guid participantId, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            if (await Leads(id, workflow, http, ct) is { } denied) return denied;
            var saved = await workflow.RemoveParticipantAsync(id, participantId, HttpConcurrency.IfMatch(http.Request), ct);
            return Results.Ok(Response(saved)).WithETag(http, saved.ETag);
        }).Produces<NetworkResponse>();

        networks.MapPost("/{id:guid}/start", async (Guid id, StartRequest request, NetworkWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var start = v.Date("startDate", request.StartDate, "Startdatoen (opstartsworkshoppen)");
            var meetingStart = v.Time("meetingStart", request.MeetingStart, "Mødestart", required: false);
            var meetingEnd = v.Time("meetingEnd", request.MeetingEnd, "Mødeslut", required: false);
            var place = v.OptionalText("place", request.Place, "Mødestedet", 300);
            if (request.MeetingCount is < 1 or > 24) v.Add("meetingCount", "Antallet af møder skal være mellem 1 og 24.");
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var saved = await workflow.StartAsync(id, start!.Value, s => s with
            {
                MeetingStart = meetingStart ?? s.MeetingStart,
                MeetingEnd = meetingEnd ?? s.MeetingEnd,
                Place = place ?? s.Place,
                MeetingCount = request.MeetingCount ?? s.MeetingCount,
            }, HttpConcurrency.IfMatch(http.Request), ct);
            return Results.Ok(Response(saved)).WithETag(http, saved.ETag);
        }).RequireAuthorization(Policies.Secretariat).Produces<NetworkResponse>();

        networks.MapPost("/{id:guid}/meetings/{meetingId}/move", async (Guid id, string meetingId, MoveMeetingRequest request, NetworkWorkflow workflow, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            if (await Leads(id, workflow, http, ct) is { } denied) return denied;
            var v = new RequestValidation();
            var date = v.Date("date", request.Date, "Datoen");
            var start = v.Time("start", request.Start, "Starttidspunktet");
            var end = v.Time("end", request.End, "Sluttidspunktet");
            var place = v.OptionalText("place", request.Place, "Mødestedet", 300);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            return await Change(workflow, id, new MeetingMoved(meetingId, date!.Value, start!.Value, end!.Value, place, time.GetUtcNow()), null, http, ct);
        }).Produces<NetworkResponse>();

        networks.MapPut("/{id:guid}/surveys/{stepId}/policy", async (Guid id, string stepId, SurveyPolicyRequest request, NetworkWorkflow workflow, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            if (await Leads(id, workflow, http, ct) is { } denied) return denied;
            var v = new RequestValidation();
            if (request.ReminderAfterWorkingDays is null) v.Add("reminderAfterWorkingDays", "Angiv antallet af arbejdsdage mellem påmindelserne.");
            if (request.MaxReminders is null) v.Add("maxReminders", "Angiv det højeste antal påmindelser.");
            if (request.CloseAfterWorkingDays is null) v.Add("closeAfterWorkingDays", "Angiv, efter hvor mange arbejdsdage spørgeskemaet lukker.");
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var policy = new SurveyPolicy(request.ReminderAfterWorkingDays!.Value, request.MaxReminders!.Value, request.CloseAfterWorkingDays!.Value);
            foreach (var (field, message) in TimelineState.PolicyProblems(policy)) v.Add(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field), message);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            return await Change(workflow, id, new SurveyPolicyChanged(stepId, policy, time.GetUtcNow()), null, http, ct);
        }).Produces<NetworkResponse>();

        networks.MapPost("/{id:guid}/meetings/{meetingId}/cancel", async (Guid id, string meetingId, NetworkWorkflow workflow, TimeProvider time, HttpContext http, CancellationToken ct) =>
            await Leads(id, workflow, http, ct) ?? await Change(workflow, id, new MeetingCancelled(meetingId, time.GetUtcNow()), null, http, ct)).Produces<NetworkResponse>();

        networks.MapPost("/{id:guid}/pause", async (Guid id, PauseRequest? request, NetworkWorkflow workflow, TimeProvider time, HttpContext http, CancellationToken ct) =>
            await Leads(id, workflow, http, ct) ?? await Change(workflow, id, new TimelinePaused(time.GetUtcNow()), request?.Reason, http, ct)).Produces<NetworkResponse>();

        networks.MapPost("/{id:guid}/resume", async (Guid id, NetworkWorkflow workflow, TimeProvider time, HttpContext http, CancellationToken ct) =>
            await Leads(id, workflow, http, ct) ?? await Change(workflow, id, new TimelineResumed(time.GetUtcNow()), null, http, ct)).Produces<NetworkResponse>();

        networks.MapPost("/{id:guid}/close", async (Guid id, CloseRequest request, NetworkWorkflow workflow, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            if (await Leads(id, workflow, http, ct) is { } denied) return denied;
            var v = new RequestValidation();
            var reason = v.Text("reason", request.Reason, "Begrundelsen for at lukke netværket", 2000);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            return await Change(workflow, id, new TimelineClosedEarly(time.GetUtcNow()), reason, http, ct);
        }).Produces<NetworkResponse>();
    }

    private static async Task<IResult> Change(NetworkWorkflow workflow, Guid id, TimelineChange change, string? reason, HttpContext http, CancellationToken ct)
    {
        var saved = await workflow.ChangeTimelineAsync(id, change, reason, HttpConcurrency.IfMatch(http.Request), ct);
        return Results.Ok(Response(saved)).WithETag(http, saved.ETag);
    }

    /// <summary>
    /// Networks hold participants' contact details, so they are shown to the secretariat, to the members of the forum
    /// that decides them and to their own leader — not to every employee, nor to another forum.
    /// </summary>
    internal static bool MaySee(HttpContext http, NetworkRecord record) =>
        http.User.IsSecretariat()
        || (http.User.Forum() is { } forum && record.Network.Contract.DecidingForum?.ToString() == forum)
        || string.Equals(record.Network.Contract.Leader?.Email, http.User.Email(), StringComparison.OrdinalIgnoreCase);

    private static StepResponse Step(TimelineState t, TimelineStep s) =>
        new(s.Id, DanishText.StepName(t, s), s.Kind, s.To, CopenhagenTime.ToLocal(s.Due), s.Version, s.Status, s.MeetingId, s.Survey,
            s.Attempts, s.RetryAt is { } r ? CopenhagenTime.ToLocal(r) : null, s.Failure, s.FailedRecipients);

    internal static IResult Forbidden() => Problems.Status(403, "Du har ikke adgang til dette netværk.");

    /// <summary>The secretariat may change any network; a leader only the network they lead. Null means allowed.</summary>
    internal static async Task<IResult?> Leads(Guid id, NetworkWorkflow workflow, HttpContext http, CancellationToken ct)
    {
        if (http.User.IsSecretariat()) return null;
        var network = await workflow.GetAsync(id, ct);
        return string.Equals(network.Value.Network.Contract.Leader?.Email, http.User.Email(), StringComparison.OrdinalIgnoreCase)
            ? null
            : Problems.Status(403, "Kun netværkets leder og netværkssekretariatet kan ændre netværket.");
    }

    internal static async Task GrantLeaderAsync(AccessWorkflow access, Person leader, CancellationToken ct)
    {
        var user = await access.UserForAsync(leader.Email, ct) ?? new StaffUser(leader.Email.ToLowerInvariant(), leader.Name, []);
        if (!user.Has(StaffRole.NetworkLeader))
        {
            await access.SaveUserAsync(user with { Roles = [.. user.Roles.Where(r => r != StaffRole.Employee), StaffRole.NetworkLeader] }, ct);
        }
    }

    internal static NetworkResponse Response(Versioned<NetworkRecord> n) =>
        new(n.ETag, n.Value.Network,
            n.Value.Network.Contract.Check().Problems.Select(p => new ContractProblemResponse(p.Key, p.Label, p.Message)).ToArray(),
            n.Value.NextDueUtc);
}
