using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Workflow;

/// <summary>
/// The network use cases: contract, participants, start, the leader's timeline changes, and running due steps.
/// Every write is load → domain behaviour → replace with the token read, so a conflicting write is refused
/// (<see cref="ConcurrencyException"/>) rather than lost. A caller may pass the token it read (If-Match).
/// </summary>
public sealed class NetworkWorkflow(
    INetworkStore networks,
    StepExecutor executor,
    ITimelineEngine engine,
    IOutbox outbox,
    WorkflowSettings settings,
    TimeProvider time)
{
    private string Tenant => settings.TenantId;

    public async Task<Versioned<NetworkRecord>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await networks.FindAsync(Tenant, id.ToString(), cancellationToken)
        ?? throw new NotFoundException($"Netværket {id} findes ikke.");

    public Task<IReadOnlyList<Versioned<NetworkRecord>>> ListAsync(CancellationToken cancellationToken = default) =>
        networks.ListAsync(Tenant, cancellationToken);

    public async Task<Versioned<NetworkRecord>> UpdateContractAsync(
        Guid id, Func<NetworkContract, NetworkContract> change, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        string? leaderBefore = null;
        var saved = await WriteAsync(id, ifMatch, record =>
        {
            leaderBefore = record.Network.Contract.Leader?.Email;
            record.Network.UpdateContract(change(record.Network.Contract));
            return record;
        }, cancellationToken);
        var network = saved.Value.Network;

        // A new leader is welcomed with the contract checklist (once per leader and network).
        if (network.Contract.Leader is { } leader && !string.Equals(leaderBefore, leader.Email, StringComparison.OrdinalIgnoreCase))
        {
            var missing = network.Contract.Check().Problems.Select(p => p.Label).ToArray();
            var message = LifecycleMessages.LeaderOnboarding(new Recipient(leader.Name, leader.Email), network.Contract.Theme ?? "",
                network.Contract.Type ?? NetworkType.Welfare, missing, settings.Link($"netvaerk/{id}/kontrakt"));
            await outbox.EnqueueAsync(new OutboxMessage($"network/{id}/onboarding/{leader.Email.ToLowerInvariant()}", Tenant,
                leader.Email, leader.Name, message, time.GetUtcNow()), cancellationToken);
        }

        return saved;
    }

    /// <summary>Adds participants; an address already in the network is refused, naming it.</summary>
    public Task<Versioned<NetworkRecord>> AddParticipantsAsync(
        Guid id, IReadOnlyList<Participant> participants, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participants);
        return UpdateContractAsync(id, contract =>
        {
            var known = contract.Participants.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var duplicates = participants.Where(p => !known.Add(p.Email)).Select(p => p.Email).ToArray();
            if (duplicates.Length > 0)
            {
                throw new DomainException("duplicate-participant",
                    $"Disse adresser er allerede deltagere i netværket: {string.Join(", ", duplicates)}.");
            }

            return contract with { Participants = [.. contract.Participants, .. participants] };
        }, ifMatch, cancellationToken);
    }

    /// <summary>
    /// Removes a participant: steps from now on no longer write to them. The contract rules still hold, so a running
    /// network cannot lose its last core participant.
    /// </summary>
    public Task<Versioned<NetworkRecord>> RemoveParticipantAsync(
        Guid id, Guid participantId, string? ifMatch, CancellationToken cancellationToken = default) =>
        UpdateContractAsync(id, contract => contract.Participants.Any(p => p.Id == participantId)
            ? contract with { Participants = [.. contract.Participants.Where(p => p.Id != participantId)] }
            : throw new NotFoundException("Deltageren findes ikke i netværket."), ifMatch, cancellationToken);

    /// <summary>
    /// The unsubscribe link: the participant is no longer written to. Answers with the participant's name, or null if
    /// the link names nobody (or consent was already withdrawn), so the page can say so without revealing more.
    /// </summary>
    public async Task<string?> UnsubscribeAsync(Guid networkId, Guid participantId, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var stored = await networks.FindAsync(Tenant, networkId.ToString(), cancellationToken);
            var participant = stored?.Value.Network.Contract.Participants.FirstOrDefault(p => p.Id == participantId);
            if (stored is null || participant is null || !stored.Value.Network.WithdrawConsent(participantId)) return null;
            try
            {
                await networks.ReplaceAsync(Tenant, stored.Value, stored.ETag, cancellationToken);
                return participant.Name;
            }
            catch (ConcurrencyException)
            {
                // Someone changed the network meanwhile; a withdrawal must not be lost, so apply it to the new version.
            }
        }
    }

    /// <summary>Starts a draft network with a complete contract: plans its timeline from day 0 and hands it to the engine.</summary>
    public async Task<Versioned<NetworkRecord>> StartAsync(
        Guid id, DateOnly startDate, Func<TimelineSettings, TimelineSettings>? adjust, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var saved = await WriteAsync(id, ifMatch, record =>
        {
            var network = record.Network;
            var now = time.GetUtcNow();
            network.Start(now);
            var type = network.Contract.Type!.Value;
            var defaults = TimelineTemplates.For(type);
            return new NetworkRecord(network, PlanFrom(id.ToString(), type, adjust is null ? defaults : adjust(defaults), startDate, now));
        }, cancellationToken);
        await engine.StartAsync(Tenant, id.ToString(), cancellationToken);
        return saved;
    }

    /// <summary>
    /// The plan from <paramref name="startDate"/>, refused when any of its sends would already lie in the past — the
    /// workshop invitation must go out its working days ahead, and a past start would send a backlog of stale e-mails at
    /// once — naming the earliest start that works. Refusing was chosen over moving the workshop silently: the leader has
    /// usually booked a room for the day they asked for (decision 006).
    /// </summary>
    public static TimelineState PlanFrom(string networkId, NetworkType type, TimelineSettings settings, DateOnly startDate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var today = CopenhagenTime.DateOf(now);
        var latest = today.AddYears(PlanningWindow.MaxYearsAhead);
        if (startDate > latest)
        {
            throw new DomainException("start-too-late",
                $"Startdatoen må højst ligge {PlanningWindow.MaxYearsAhead} år ude i fremtiden, altså senest {DanishText.Date(latest)}.");
        }

        var plan = TimelinePlanner.Plan(networkId, type, settings, startDate);
        if (FirstSend(plan) >= now) return plan;

        var earliest = startDate < today ? today : startDate;
        while (FirstSend(TimelinePlanner.Plan(networkId, type, settings, earliest)) < now) earliest = earliest.AddDays(1);
        earliest = DanishCalendar.Default.OnOrNextWorkingDay(earliest);
        throw new DomainException("start-too-soon",
            $"Netværket kan tidligst starte {DanishText.Date(earliest)}: invitationen til opstartsworkshoppen skal sendes mindst "
            + $"{settings.InvitationLeadWorkingDays} arbejdsdage før workshoppen, og intet må sendes bagud i tiden.");
    }

    private static DateTimeOffset FirstSend(TimelineState plan) => plan.Steps.Where(s => s.Kind != StepKind.Meeting).Min(s => s.Due);

    /// <summary>A leader's change to a running timeline; pause, resume and close also move the network's state.</summary>
    public async Task<Versioned<NetworkRecord>> ChangeTimelineAsync(
        Guid id, TimelineChange change, string? reason, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var saved = await WriteAsync(id, ifMatch, record =>
        {
            var network = record.Network;
            var timeline = record.Timeline
                ?? throw new DomainException("illegal-transition", "Netværket er ikke startet endnu, så det har ingen tidslinje.");
            timeline = timeline.Apply(change);
            switch (change)
            {
                case TimelinePaused p: network.Pause(reason, p.At); break;
                case TimelineResumed r: network.Resume(r.At); break;
                case TimelineClosedEarly c:
                    network.CloseEarly(string.IsNullOrWhiteSpace(reason) ? "Lukket før tid." : reason, c.At);
                    break;
            }

            return new NetworkRecord(network, timeline);
        }, cancellationToken);
        await engine.SignalAsync(Tenant, id.ToString(), change, cancellationToken);
        return saved;
    }

    /// <summary>
    /// Executes every step of the network due at <paramref name="now"/>, saving after each. A crash between executing
    /// and saving re-executes the step next time; its outbox keys make that harmless. A step that throws is recorded as a
    /// failed attempt (<see cref="TimelineState.Failed"/>): it waits for its retry while the steps after it run, and at the
    /// policy's limit it is parked and the secretariat told. Returns the steps executed.
    /// </summary>
    public async Task<int> RunDueAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var executed = 0;
        var stored = await GetAsync(id, cancellationToken);
        while (stored.Value.Timeline?.NextDue(now) is NextDue.Run { Step: var step })
        {
            (stored, var saved) = await ExecuteAsync(id, stored, step, now, cancellationToken);
            if (saved) executed++;
        }

        return executed;
    }

    /// <summary>
    /// What the timeline asks for at <paramref name="now"/>, from the stored state: the Durable orchestrator's question
    /// (the local runner asks <see cref="RunDueAsync"/> instead). Asking changes nothing.
    /// </summary>
    public async Task<NextDue> NextAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var stored = await GetAsync(id, cancellationToken);
        return stored.Value.Timeline?.NextDue(now) ?? new NextDue.WaitForChange();
    }

    /// <summary>
    /// Executes one step — the one the orchestrator was told to run — if it is still due in that version at
    /// <paramref name="now"/>, exactly as <see cref="RunDueAsync"/> would, and answers what comes next. A step that was
    /// moved, cancelled or done meanwhile (a leader's change won the race, or this is an activity's retry) is left alone:
    /// running it twice has the effect of running it once.
    /// </summary>
    public async Task<NextDue> RunStepAsync(Guid id, string stepId, int version, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var stored = await GetAsync(id, cancellationToken);
        if (stored.Value.Timeline?.NextDue(now) is NextDue.Run { Step: var step } && step.Id == stepId && step.Version == version)
        {
            (stored, _) = await ExecuteAsync(id, stored, step, now, cancellationToken);
        }

        return stored.Value.Timeline?.NextDue(now) ?? new NextDue.WaitForChange();
    }

    /// <summary>
    /// Executes the step and saves the timeline with it done (or failed, retried and at last parked); a concurrent
    /// change reloads the record instead. Returns the record as stored now and whether this call saved it.
    /// </summary>
    private async Task<(Versioned<NetworkRecord> Stored, bool Saved)> ExecuteAsync(
        Guid id, Versioned<NetworkRecord> stored, TimelineStep step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        NetworkRecord record;
        try
        {
            var outcome = await executor.ExecuteAsync(stored.Value, step, now, cancellationToken);
            record = Advance(stored.Value, step, now, outcome.FailedRecipients.Select(f => f.Recipient.Email).ToArray());
            if (outcome.FailedRecipients.Count > 0)
            {
                await FlagAsync(record, step, "recipients", string.Join(" ", outcome.FailedRecipients.Select(f => $"{f.Recipient.Name} ({f.Reason})")),
                    now, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failed = stored.Value.Timeline!.Failed(step.Id, step.Version, now, $"{e.GetType().Name}: {e.Message}", RetryPolicy);
            record = stored.Value with { Timeline = failed };
            if (failed.Step(step.Id)?.Status == StepStatus.Failed)
            {
                await FlagAsync(record, step, "parked", failed.Step(step.Id)!.Failure!, now, cancellationToken);
            }
        }

        try
        {
            return (new Versioned<NetworkRecord>(record, await networks.ReplaceAsync(Tenant, record, stored.ETag, cancellationToken)), true);
        }
        catch (ConcurrencyException)
        {
            // A leader changed the network meanwhile; read it again and carry on from the new state.
            return (await GetAsync(id, cancellationToken), false);
        }
    }

    /// <summary>How failing steps are retried before they are parked; the Durable orchestrator uses the same.</summary>
    public static StepRetryPolicy RetryPolicy => StepRetryPolicy.Default;

    /// <summary>
    /// The secretariat hears at once of a parked step or of recipients left out (once per step version), besides seeing
    /// it in the API and the monthly portfolio digest.
    /// </summary>
    private async Task FlagAsync(NetworkRecord record, TimelineStep step, string kind, string problem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var network = executor.Summary(record.Network);
        var name = DanishText.StepName(record.Timeline!, step);
        foreach (var to in await executor.SecretariatAsync(cancellationToken))
        {
            var message = kind == "parked"
                ? LifecycleMessages.StepParked(to, network, name, problem)
                : LifecycleMessages.RecipientsLeftOut(to, network, name, problem);
            await outbox.EnqueueAsync(new OutboxMessage($"flag/{network.Id}/{step.Id}/{step.Version}/{kind}/{to.Email.ToLowerInvariant()}",
                Tenant, to.Email, to.Name, message, now), cancellationToken);
        }
    }

    /// <summary>The timeline moves on, and the network's lifecycle with it: evaluation, follow-up, closed.</summary>
    public static NetworkRecord Advance(NetworkRecord record, TimelineStep step, DateTimeOffset now, IReadOnlyList<string>? failedRecipients = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(step);
        var timeline = record.Timeline!.Done(step.Id, step.Version, failedRecipients ?? []);
        var network = record.Network;
        if (step.Id == TimelinePlanner.EndEvaluationId && network.Status == NetworkStatus.Running) network.BeginEvaluation(now);
        if (step.Id == TimelinePlanner.FollowUpSurveyId && network.Status == NetworkStatus.Evaluating) network.BeginFollowUp(now);
        if (timeline.NextDue(now) is NextDue.Finished && network.Status == NetworkStatus.FollowUp) network.Close(now);
        return new NetworkRecord(network, timeline);
    }

    /// <summary>
    /// Load → <paramref name="change"/> → replace with the token read. With If-Match a conflict is the caller's to see.
    /// Without it the caller meant the network as it is now, and the conflicting write is usually the engine saving a
    /// step in the background, so the change is made again on the fresh version (a few times, then refused).
    /// </summary>
    private async Task<Versioned<NetworkRecord>> WriteAsync(
        Guid id, string? ifMatch, Func<NetworkRecord, NetworkRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await GetAsync(id, cancellationToken);
            if (ifMatch is not null && ifMatch != stored.ETag) throw new ConcurrencyException();
            var record = change(stored.Value);
            try
            {
                return new(record, await networks.ReplaceAsync(Tenant, record, stored.ETag, cancellationToken));
            }
            catch (ConcurrencyException) when (ifMatch is null && attempt < WriteAttempts)
            {
            }
        }
    }

    private const int WriteAttempts = 5;
}
