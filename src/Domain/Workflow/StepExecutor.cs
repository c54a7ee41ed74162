using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Workflow;

/// <summary>
/// Executes one timeline step: creates its survey and personal links, composes the Danish messages and queues them
/// in the outbox under deterministic keys. Running it twice has the effect of running it once — recipients whose
/// message is already queued are skipped before a token is issued — so hosts may retry freely.
/// </summary>
public sealed class StepExecutor(
    IOutbox outbox,
    ISurveyStore surveys,
    IInvolvementStore involvement,
    IAccessStore access,
    ISecretGenerator secrets,
    WorkflowSettings settings,
    EvaluationSettings evaluation)
{
    /// <summary>
    /// Returns how many messages this run queued, and the recipients whose message could not be made: they are left out
    /// (and reported) while everyone else gets theirs.
    /// </summary>
    public async Task<StepOutcome> ExecuteAsync(NetworkRecord record, TimelineStep step, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(step);
        var state = record.Timeline ?? throw new InvalidOperationException("A draft network has no timeline steps to execute.");
        var networkId = record.Network.Id.ToString();
        var tenant = settings.TenantId;
        if (step.Kind == StepKind.Meeting) return StepOutcome.Nothing;

        var surveyId = step.SurveyStepId is { } surveyStep ? Survey.IdFor(networkId, surveyStep) : null;
        var closesAt = step.SurveyStepId is { } s ? state.SurveyClosesAt(s) : default;
        if (surveyId is not null && step.Kind != StepKind.SurveyReminder)
        {
            // The survey keeps the question set's version it is sent with; a later edit makes a new version for later surveys.
            var set = await surveys.CurrentQuestionSetAsync(tenant, state.Type, step.Survey!.Value, cancellationToken);
            await surveys.AddSurveyAsync(tenant, new Survey(surveyId, networkId, step.Id, step.Survey!.Value, now, closesAt)
            {
                QuestionSetVersion = set.Version,
            }, cancellationToken);
        }
        else if (surveyId is not null && await surveys.FindSurveyAsync(tenant, surveyId, cancellationToken) is null)
        {
            // The survey's own step was parked after failing: there is nothing to remind anyone of.
            return StepOutcome.Nothing;
        }

        // Only the citizen flag and the political status look at involvement; other steps skip the query.
        var registrations = step.Condition == StepCondition.NoCitizenInvolvementRegistered || step.Kind == StepKind.PoliticalStatus
            ? await involvement.ListAsync(tenant, networkId, cancellationToken)
            : [];
        var respondents = surveyId is null
            ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            : (await surveys.ListInvitationsAsync(tenant, surveyId, cancellationToken))
                .Where(i => i.AnsweredAt is not null).Select(i => i.RecipientEmail).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var tokens = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var facts = new StepFacts(
            registrations.Any(r => r.Group == StakeholderGroup.Citizens),
            respondents,
            SurveyUrlFor: r => settings.Link($"svar/{tokens[r.Email] = secrets.NewToken()}"),
            Figures: new StatusFigures(
                state.Steps.Count(s => s.Kind == StepKind.Meeting && s.Status == StepStatus.Done),
                state.Meetings.Count(m => !m.Cancelled),
                registrations.Count,
                // The political status names the proposals the evaluations report, once enough have answered.
                ProposalTitles: step.Kind == StepKind.PoliticalStatus
                    ? Evaluation.Targets.ProposalTitles(state.Type, await surveys.AnsweredAsync(tenant, networkId, cancellationToken), evaluation.AnonymityThreshold)
                    : []));

        var directory = await DirectoryAsync(record.Network, cancellationToken);
        var composed = StepMessages.Compose(state, step, Summary(record.Network), directory, facts);
        var messages = composed.Messages;
        var queued = await outbox.QueuedKeysAsync(tenant, OutboxMessage.StepKey(networkId, step.Id, step.Version, ""), cancellationToken);

        var toQueue = messages.Where(m => !queued.Contains(m.Key)).ToList();
        if (surveyId is not null)
        {
            // The links must work before the e-mails can exist; a crash in between leaves unused tokens, no harm.
            await surveys.AddInvitationsAsync(tenant, toQueue
                .Where(m => tokens.ContainsKey(m.Recipient.Email))
                .Select(m => new SurveyInvitation(surveyId, m.Recipient.Email.ToLowerInvariant(), m.Recipient.Name,
                    SurveyTokens.Hash(tokens[m.Recipient.Email]), closesAt, AnsweredAt: null))
                .ToList(), cancellationToken);
        }

        var queuedNow = await outbox.EnqueueAllAsync(toQueue
            .Select(m => new OutboxMessage(m.Key, tenant, m.Recipient.Email, m.Recipient.Name, m.Message, now))
            .ToList(), cancellationToken);
        return new StepOutcome(queuedNow, composed.Failures);
    }

    public NetworkSummary Summary(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var contract = network.Contract;
        return new NetworkSummary(
            network.Id.ToString(),
            contract.Theme ?? "",
            contract.Type ?? NetworkType.Welfare,
            contract.Leader?.Name ?? "Netværkssekretariatet",
            contract.Leader?.Email ?? settings.OrganizerEmail,
            settings.OrganizerEmail,
            settings.Link($"netvaerk/{network.Id}"));
    }

    public Task<IReadOnlyList<Recipient>> SecretariatAsync(CancellationToken cancellationToken = default) =>
        access.SecretariatAsync(settings, cancellationToken);

    /// <summary>Everyone the network may write to: contactable participants (externals only with consent).</summary>
    public async Task<NetworkDirectory> DirectoryAsync(Network network, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var contract = network.Contract;
        var participants = contract.Participants
            .Where(p => p.CanBeContacted)
            .Select(p => new Recipient(p.Name, p.Email, p.IsExternal,
                p.NeedsUnsubscribeLink ? settings.Link($"afmeld/{network.Id}/{p.Id}") : null))
            .ToList();
        var leader = contract.Leader is { } l ? new Recipient(l.Name, l.Email) : new Recipient("Netværkssekretariatet", settings.OrganizerEmail);
        if (!participants.Any(p => string.Equals(p.Email, leader.Email, StringComparison.OrdinalIgnoreCase)))
        {
            participants.Insert(0, leader);
        }

        return new NetworkDirectory(leader, participants, await access.SecretariatAsync(settings, cancellationToken), [settings.PoliticalLiaison]);
    }
}

/// <summary>What one run of a step did: the messages it queued, and the recipients left out because theirs could not be made.</summary>
public sealed record StepOutcome(int Queued, IReadOnlyList<RecipientFailure> FailedRecipients)
{
    public static StepOutcome Nothing { get; } = new(0, []);
}
