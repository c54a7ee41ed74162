using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Domain.Workflow;

public enum DecisionOutcome
{
    Approved,
    Rejected,
    NeedsInfo,
}

/// <summary>
/// From idea to draft network: submission (with the type guide's recommendation), review, routing to the deciding
/// forum, the forum's decision, and the reminders and escalation of a decision that does not come.
/// </summary>
public sealed class IdeaWorkflow(
    IIdeaStore ideas,
    INetworkStore networks,
    IAccessStore access,
    IOutbox outbox,
    IApprovalEngine approvals,
    WorkflowSettings settings,
    TimeProvider time)
{
    private string Tenant => settings.TenantId;

    public async Task<(Versioned<Idea> Idea, GuideRecommendation Recommendation)> SubmitAsync(
        string title, string description, Person submittedBy, NetworkType? suggestedType, GuideAnswers answers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submittedBy);
        var recommendation = NetworkTypeGuide.Recommend(answers);
        var now = time.GetUtcNow();
        var idea = Idea.Submit(Guid.NewGuid(), title, description, submittedBy, suggestedType ?? recommendation.RecommendedType, now);
        var etag = await ideas.AddAsync(Tenant, idea, cancellationToken);
        await SendAsync($"idea/{idea.Id}/receipt", new Recipient(submittedBy.Name, submittedBy.Email),
            LifecycleMessages.IdeaReceipt(new Recipient(submittedBy.Name, submittedBy.Email), idea.Title, Reference(idea), now,
                settings.Link($"ideer/{idea.Id}")), cancellationToken);
        return (new Versioned<Idea>(idea, etag), recommendation);
    }

    public async Task<Versioned<Idea>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ideas.FindAsync(Tenant, id.ToString(), cancellationToken) ?? throw new NotFoundException($"Idéen {id} findes ikke.");

    public Task<IReadOnlyList<Versioned<Idea>>> ListAsync(CancellationToken cancellationToken = default) => ideas.ListAsync(Tenant, cancellationToken);

    public Task<Versioned<Idea>> StartReviewAsync(Guid id, string? ifMatch, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ifMatch, idea => idea.StartReview(time.GetUtcNow()), cancellationToken);

    /// <summary>Puts the idea to its deciding forum (default by type) and asks the forum's members for a decision.</summary>
    public async Task<Versioned<Idea>> RouteAsync(Guid id, Forum? forum, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var saved = await ChangeAsync(id, ifMatch, idea =>
        {
            var target = forum ?? idea.DecidingForum
                ?? throw new DomainException("forum-required", "Vælg det forum, der skal beslutte idéen: den har ingen netværkstype endnu.");
            if (idea.Status == IdeaStatus.Submitted) idea.StartReview(time.GetUtcNow());
            idea.RouteForDecision(target, time.GetUtcNow());
        }, cancellationToken);

        await RequestDecisionAsync(saved.Value, cancellationToken);
        await approvals.TrackAsync(Tenant, id.ToString(), cancellationToken);
        return saved;
    }

    private async Task RequestDecisionAsync(Idea idea, CancellationToken cancellationToken)
    {
        foreach (var member in await ForumMembersAsync(idea.DecidingForum!.Value, cancellationToken))
        {
            await SendAsync($"idea/{idea.Id}/approval-request/{idea.RoutedAt!.Value.UtcTicks}", member,
                LifecycleMessages.ApprovalRequest(member, Case(idea)), cancellationToken);
        }
    }

    public async Task<Versioned<Idea>> DecideAsync(
        Guid id, DecisionOutcome outcome, string? reason, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var saved = await ChangeAsync(id, ifMatch, idea =>
        {
            switch (outcome)
            {
                case DecisionOutcome.Approved: idea.Approve(reason, now); break;
                case DecisionOutcome.Rejected: idea.Reject(reason ?? "", now); break;
                default: idea.RequestInfo(reason ?? "", now); break;
            }
        }, cancellationToken);

        var idea = saved.Value;
        var submitter = new Recipient(idea.SubmittedBy.Name, idea.SubmittedBy.Email);
        var forumName = idea.DecidingForum?.DanishName() ?? "Forummet";
        var key = $"idea/{idea.Id}/decision/{now.UtcTicks}";
        switch (outcome)
        {
            case DecisionOutcome.Approved:
                // Network id = idea id: approving twice can never make two networks.
                var network = Network.FromApprovedIdea(idea.Id, idea, now);
                if (await networks.FindAsync(Tenant, network.Id.ToString(), cancellationToken) is null)
                {
                    await networks.AddAsync(Tenant, new NetworkRecord(network, null), cancellationToken);
                }

                await SendAsync(key, submitter, LifecycleMessages.IdeaApproved(submitter, idea.Title, idea.SuggestedType ?? NetworkType.Welfare, forumName), cancellationToken);
                break;
            case DecisionOutcome.Rejected:
                await SendAsync(key, submitter, LifecycleMessages.IdeaRejected(submitter, idea.Title, forumName, reason ?? ""), cancellationToken);
                break;
            default:
                await SendAsync(key, submitter, LifecycleMessages.IdeaNeedsInformation(submitter, idea.Title, reason ?? "",
                    settings.Link($"ideer/{idea.Id}")), cancellationToken);
                break;
        }

        // A decision ends the follow-up; a request for information pauses it until the answer.
        await approvals.SignalAsync(Tenant, id.ToString(), cancellationToken);
        return saved;
    }

    /// <summary>The submitter's answer to a request for information; an idea that was with a forum is put to it again.</summary>
    public async Task<Versioned<Idea>> ProvideInfoAsync(Guid id, string information, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var saved = await ChangeAsync(id, ifMatch, idea => idea.ProvideInfo(time.GetUtcNow(), information), cancellationToken);
        if (saved.Value.RoutedAt is not null)
        {
            await RequestDecisionAsync(saved.Value, cancellationToken);
            await approvals.TrackAsync(Tenant, id.ToString(), cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// Reminds the forum of decisions not made after 10 working days and escalates to the secretariat after 20.
    /// Keys carry the routing instant, so each reminder goes out once per routing, however often this runs.
    /// Returns when the next reminder or escalation falls due, if any.
    /// </summary>
    public async Task<DateTimeOffset?> FollowUpDecisionsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var schedule = ApprovalSchedule.Default;
        DateTimeOffset? next = null;
        var failures = new List<Exception>();
        foreach (var idea in (await ideas.ListByStatusAsync(Tenant, IdeaStatus.InReview, cancellationToken)).Select(i => i.Value).Where(ApprovalSchedule.IsAwaitingDecision))
        {
            try
            {
                next = Earlier(next, await FollowUpAsync(idea, schedule, now, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One idea's trouble must not keep the other ideas' reminders and escalations back; it is retried next round.
                failures.Add(e);
            }
        }

        return failures.Count == 0 ? next : throw new AggregateException("Opfølgningen på nogle idéer mislykkedes.", failures);
    }

    /// <summary>
    /// One idea's follow-up at <paramref name="now"/> (the approval orchestration's activity): sends the reminder or the
    /// escalation if due — the same messages under the same keys as <see cref="FollowUpDecisionsAsync"/> — and says what
    /// to wait for next.
    /// </summary>
    public async Task<ApprovalWait> FollowUpDecisionAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (await ideas.FindAsync(Tenant, id.ToString(), cancellationToken) is not { } stored) return ApprovalWait.Done;
        var idea = stored.Value;
        if (idea.Status is IdeaStatus.Approved or IdeaStatus.Rejected) return ApprovalWait.Done;
        if (!ApprovalSchedule.IsAwaitingDecision(idea)) return ApprovalWait.UntilChange;
        return await FollowUpAsync(idea, ApprovalSchedule.Default, now, cancellationToken) is { } next ? ApprovalWait.Until(next) : ApprovalWait.UntilChange;
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>One idea's reminder and escalation, if due; returns when its next one falls due.</summary>
    private async Task<DateTimeOffset?> FollowUpAsync(Idea idea, ApprovalSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var routedAt = idea.RoutedAt!.Value;
        var deadlines = schedule.Deadlines(routedAt);
        var waiting = schedule.WorkingDaysWaiting(routedAt, now);
        if (now >= deadlines.ReminderAt)
        {
            await SendOnceAsync($"idea/{idea.Id}/approval-reminder/{routedAt.UtcTicks}",
                await ForumMembersAsync(idea.DecidingForum!.Value, cancellationToken),
                member => LifecycleMessages.ApprovalReminder(member, Case(idea), waiting), cancellationToken);
        }

        if (now >= deadlines.EscalationAt)
        {
            await SendOnceAsync($"idea/{idea.Id}/approval-escalation/{routedAt.UtcTicks}", await SecretariatAsync(cancellationToken),
                secretariat => LifecycleMessages.ApprovalEscalation(secretariat, Case(idea), waiting), cancellationToken);
        }

        return now < deadlines.ReminderAt ? deadlines.ReminderAt : now < deadlines.EscalationAt ? deadlines.EscalationAt : null;
    }

    internal ApprovalCase Case(Idea idea)
    {
        var requested = CopenhagenTime.DateOf(idea.RoutedAt ?? idea.SubmittedAt);
        return new ApprovalCase(idea.Title, idea.Description, idea.SuggestedType ?? NetworkType.Welfare, idea.SubmittedBy.Name,
            idea.DecidingForum?.DanishName() ?? "Forummet", requested,
            CopenhagenTime.DateOf(ApprovalSchedule.Default.ReminderAt(idea.RoutedAt ?? idea.SubmittedAt)), settings.Link($"ideer/{idea.Id}"));
    }

    internal async Task<IReadOnlyList<Recipient>> ForumMembersAsync(Forum forum, CancellationToken cancellationToken)
    {
        var users = await access.ListUsersAsync(Tenant, cancellationToken);
        var members = users.Where(u => u.Has(StaffRole.ForumMember) && u.Forum == forum).Select(u => new Recipient(u.Name, u.Email)).ToArray();
        // With no members registered for the forum, the secretariat gets the request so it is never lost.
        return members.Length > 0 ? members : await SecretariatAsync(cancellationToken);
    }

    internal Task<IReadOnlyList<Recipient>> SecretariatAsync(CancellationToken cancellationToken) =>
        access.SecretariatAsync(settings, cancellationToken);

    internal Task SendAsync(string keyPrefix, Recipient to, EmailMessage message, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(new OutboxMessage(KeyOf(keyPrefix, to), Tenant, to.Email, to.Name, message, time.GetUtcNow()), cancellationToken);

    private static string KeyOf(string keyPrefix, Recipient to) => $"{keyPrefix}/{to.Email.ToLowerInvariant()}";

    /// <summary>
    /// Sends the message to each recipient who has none under the prefix yet. What is queued already is not composed
    /// again: an overdue idea stays overdue for every runner round.
    /// </summary>
    private async Task SendOnceAsync(string keyPrefix, IEnumerable<Recipient> recipients, Func<Recipient, EmailMessage> compose, CancellationToken cancellationToken)
    {
        var queued = await outbox.QueuedKeysAsync(Tenant, keyPrefix + "/", cancellationToken);
        foreach (var to in recipients.Where(r => !queued.Contains(KeyOf(keyPrefix, r))))
        {
            await SendAsync(keyPrefix, to, compose(to), cancellationToken);
        }
    }

    /// <summary>The reference the receipt and the pages give an idea, e.g. IDE-1A2B3C4D.</summary>
    public static string Reference(Idea idea) => $"IDE-{idea.Id.ToString("N")[..8].ToUpperInvariant()}";

    private async Task<Versioned<Idea>> ChangeAsync(Guid id, string? ifMatch, Action<Idea> change, CancellationToken cancellationToken)
    {
        var stored = await GetAsync(id, cancellationToken);
        if (ifMatch is not null && ifMatch != stored.ETag) throw new ConcurrencyException();
        change(stored.Value);
        return new Versioned<Idea>(stored.Value, await ideas.ReplaceAsync(Tenant, stored.Value, stored.ETag, cancellationToken));
    }
}
