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
        var stored = await LoadForWriteAsync(id, ifMatch, cancellationToken);
        var network = stored.Value.Network;
        var leaderBefore = network.Contract.Leader?.Email;
        network.UpdateContract(change(network.Contract));
        var saved = await SaveAsync(stored.Value with { Network = network }, stored.ETag, cancellationToken);

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
        var stored = await LoadForWriteAsync(id, ifMatch, cancellationToken);
        var network = stored.Value.Network;
        var now = time.GetUtcNow();
        network.Start(now);
        var type = network.Contract.Type!.Value;
        var defaults = TimelineTemplates.For(type);
        var timeline = TimelinePlanner.Plan(id.ToString(), type, adjust is null ? defaults : adjust(defaults), startDate);
        var saved = await SaveAsync(new NetworkRecord(network, timeline), stored.ETag, cancellationToken);
        await engine.StartAsync(Tenant, id.ToString(), cancellationToken);
        return saved;
    }

    /// <summary>A leader's change to a running timeline; pause, resume and close also move the network's state.</summary>
    public async Task<Versioned<NetworkRecord>> ChangeTimelineAsync(
        Guid id, TimelineChange change, string? reason, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var stored = await LoadForWriteAsync(id, ifMatch, cancellationToken);
        var network = stored.Value.Network;
        var timeline = stored.Value.Timeline
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

        var saved = await SaveAsync(new NetworkRecord(network, timeline), stored.ETag, cancellationToken);
        await engine.SignalAsync(Tenant, id.ToString(), change, cancellationToken);
        return saved;
    }

    /// <summary>
    /// Executes every step of the network due at <paramref name="now"/>, saving after each. A crash between executing
    /// and saving re-executes the step next time; its outbox keys make that harmless. Returns the steps executed.
    /// </summary>
    public async Task<int> RunDueAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var executed = 0;
        var stored = await GetAsync(id, cancellationToken);
        while (stored.Value.Timeline?.NextDue(now) is NextDue.Run { Step: var step })
        {
            await executor.ExecuteAsync(stored.Value, step, now, cancellationToken);
            var record = Advance(stored.Value, step, now);
            try
            {
                stored = new Versioned<NetworkRecord>(record, await networks.ReplaceAsync(Tenant, record, stored.ETag, cancellationToken));
                executed++;
            }
            catch (ConcurrencyException)
            {
                // A leader changed the network meanwhile; read it again and carry on from the new state.
                stored = await GetAsync(id, cancellationToken);
            }
        }

        return executed;
    }

    /// <summary>The timeline moves on, and the network's lifecycle with it: evaluation, follow-up, closed.</summary>
    public static NetworkRecord Advance(NetworkRecord record, TimelineStep step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(step);
        var timeline = record.Timeline!.Done(step.Id, step.Version);
        var network = record.Network;
        if (step.Id == TimelinePlanner.EndEvaluationId && network.Status == NetworkStatus.Running) network.BeginEvaluation(now);
        if (step.Id == TimelinePlanner.FollowUpSurveyId && network.Status == NetworkStatus.Evaluating) network.BeginFollowUp(now);
        if (timeline.NextDue(now) is NextDue.Finished && network.Status == NetworkStatus.FollowUp) network.Close(now);
        return new NetworkRecord(network, timeline);
    }

    private async Task<Versioned<NetworkRecord>> LoadForWriteAsync(Guid id, string? ifMatch, CancellationToken cancellationToken)
    {
        var stored = await GetAsync(id, cancellationToken);
        if (ifMatch is not null && ifMatch != stored.ETag) throw new ConcurrencyException();
        return stored;
    }

    private async Task<Versioned<NetworkRecord>> SaveAsync(NetworkRecord record, string etag, CancellationToken cancellationToken) =>
        new(record, await networks.ReplaceAsync(Tenant, record, etag, cancellationToken));
}
