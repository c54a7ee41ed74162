using Netvaerk.Domain.Digests;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Workflow;

/// <summary>
/// Sends the weekly leader digest (Monday 07:00) and the monthly portfolio digest (first working day, 07:00). What a
/// period's digests say is decided once: the digests are queued and the period (ISO week or month, Europe/Copenhagen)
/// recorded in one atomic write, so a restart — before, during or after — never sends a period's digests again, nor
/// sends one that was judged to have nothing to say. A host that was down at the scheduled time sends later in the same
/// period. A network whose digest cannot be composed is left out, and the others go out.
/// </summary>
public sealed class DigestWorkflow(
    INetworkStore networks,
    IIdeaStore ideas,
    ISurveyStore surveys,
    IInvolvementStore involvement,
    IOutbox outbox,
    IAccessStore access,
    WorkflowSettings settings,
    EvaluationSettings evaluation)
{
    private static readonly DigestSchedule Schedule = DigestSchedule.Default;

    // Periods this process has seen recorded, so a round need not ask the store again; the store's record is the truth.
    private string? _weekDone;
    private string? _monthDone;

    private string Tenant => settings.TenantId;

    /// <summary>The outbox period of a week's leader digests, e.g. <c>digest/weekly/2027-W11</c>.</summary>
    public static string WeeklyPeriod(string weekKey) => $"digest/weekly/{weekKey}";

    /// <summary>The outbox period of a month's portfolio digests, e.g. <c>digest/monthly/2027-03</c>.</summary>
    public static string MonthlyPeriod(string monthKey) => $"digest/monthly/{monthKey}";

    /// <summary>Sends what is due at <paramref name="now"/>; returns when the next digest is due.</summary>
    public async Task<DateTimeOffset?> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var week = DigestSchedule.WeeklyKey(now);
        if (LatestAtOrBefore(Schedule.NextWeekly, now) is { } weekly && DigestSchedule.WeeklyKey(weekly) == week && _weekDone != week)
        {
            var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            if (!await outbox.IsPeriodRecordedAsync(Tenant, WeeklyPeriod(week), cancellationToken))
            {
                await outbox.EnqueueForPeriodAsync(Tenant, WeeklyPeriod(week), await ComposeWeeklyAsync(week, now, failures, cancellationToken), now, cancellationToken);
            }

            _weekDone = week;
            // The others went out and the week is decided; the host logs the networks that were left out.
            if (!failures.IsEmpty) throw new AggregateException("Ugens overblik kunne ikke dannes for nogle netværk.", failures);
        }

        var month = DigestSchedule.MonthlyKey(now);
        if (LatestAtOrBefore(Schedule.NextMonthly, now) is { } monthly && DigestSchedule.MonthlyKey(monthly) == month && _monthDone != month)
        {
            if (!await outbox.IsPeriodRecordedAsync(Tenant, MonthlyPeriod(month), cancellationToken))
            {
                await outbox.EnqueueForPeriodAsync(Tenant, MonthlyPeriod(month), await ComposeMonthlyAsync(month, now, cancellationToken), now, cancellationToken);
            }

            _monthDone = month;
        }

        var nextWeekly = Schedule.NextWeekly(now);
        var nextMonthly = Schedule.NextMonthly(now);
        return nextWeekly < nextMonthly ? nextWeekly : nextMonthly;
    }

    private async Task<IReadOnlyCollection<OutboxMessage>> ComposeWeeklyAsync(
        string week, DateTimeOffset now, System.Collections.Concurrent.ConcurrentQueue<Exception> failures, CancellationToken cancellationToken)
    {
        var candidates = (await networks.ListAsync(Tenant, cancellationToken)).Select(n => n.Value)
            .Where(r => r.Timeline is not null && r.Network.Contract.Leader is not null
                && r.Network.Status is not (NetworkStatus.Draft or NetworkStatus.Closed));

        // The past week's e-mails of every network in one read: its cost follows the week's mail, not the outbox's age.
        var sentLastWeek = await SentLastWeekAsync(now, cancellationToken);

        // Each network's digest stands alone; composing them two at a time uses both cores of a small machine. They are
        // queued together, in key order, which the outbox writes in one go.
        var digests = new System.Collections.Concurrent.ConcurrentBag<OutboxMessage>();
        await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
            async (record, ct) =>
            {
                try
                {
                    var sent = sentLastWeek.GetValueOrDefault(record.Network.Id.ToString(), []);
                    if (await ComposeWeeklyAsync(record, sent, week, now, ct) is { } digest) digests.Add(digest);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One network's data that cannot be composed leaves that network out of the week, not the others.
                    failures.Enqueue(e);
                }
            });
        return digests.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    private async Task<OutboxMessage?> ComposeWeeklyAsync(
        NetworkRecord record, IReadOnlyList<SentItem> sentLastWeek, string week, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var network = record.Network;
        var leader = network.Contract.Leader!;
        var id = network.Id.ToString();
        var registrations = await involvement.ListAsync(Tenant, id, cancellationToken);
        var input = new LeaderDigestInput(network.Contract.Theme ?? "", network.Contract.Type ?? NetworkType.Welfare,
            new Recipient(leader.Name, leader.Email), record.Timeline!, now)
        {
            SentLastWeek = sentLastWeek,
            Surveys = await SurveyProgressAsync(id, cancellationToken),
            CitizenInvolvementRegistrations = registrations.Count(r => r.Group == StakeholderGroup.Citizens),
            InvolvementRegistrations = registrations.Count,
            NetworkUrl = settings.Link($"netvaerk/{id}"),
            ProposalTitles = network.Contract.Type == NetworkType.Innovation
                ? Evaluation.Targets.ProposalTitles(NetworkType.Innovation, await surveys.AnsweredAsync(Tenant, id, cancellationToken), evaluation.AnonymityThreshold)
                : [],
        };
        return LeaderDigest.Compose(input) is { } message
            ? new OutboxMessage(DigestKeys.Weekly(id, week, leader.Email), Tenant, leader.Email, leader.Name, message, now)
            : null;
    }

    private async Task<IReadOnlyCollection<OutboxMessage>> ComposeMonthlyAsync(string month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = (await networks.ListAsync(Tenant, cancellationToken)).Select(n => n.Value).ToList();
        var portfolio = all.Select(r => new PortfolioNetwork(r.Network.Contract.Theme ?? "", r.Network.Contract.Type ?? NetworkType.Welfare, r.Network.Status)
        {
            Problems = r.Timeline?.Problems.Select(p => DanishText.StepName(r.Timeline, p)).ToArray() ?? [],
        }).ToList();
        var open = new List<PortfolioSurvey>();
        var targets = new List<Evaluation.TargetProgress>();
        foreach (var r in all.Where(r => r.Timeline is not null))
        {
            var type = r.Network.Contract.Type ?? NetworkType.Welfare;
            foreach (var progress in await SurveyProgressAsync(r.Network.Id.ToString(), cancellationToken))
            {
                open.Add(new PortfolioSurvey(r.Network.Contract.Theme ?? "", type, progress));
            }

            targets.Add(await surveys.TargetAsync(Tenant, r, evaluation.AnonymityThreshold, cancellationToken));
        }

        var allIdeas = (await ideas.ListAsync(Tenant, cancellationToken)).Select(i => i.Value).ToList();
        var secretariat = (await access.ListUsersAsync(Tenant, cancellationToken)).Where(u => u.Has(StaffRole.Secretariat) && u.Active).ToList();
        var digests = new List<OutboxMessage>();
        foreach (var user in secretariat)
        {
            var input = new PortfolioDigestInput(new Recipient(user.Name, user.Email), now, portfolio, allIdeas)
            {
                Surveys = open,
                PortfolioUrl = settings.Link("portefolje"),
                Targets = Evaluation.Targets.ForPortfolio(targets),
            };
            if (PortfolioDigest.Compose(input) is { } message)
            {
                digests.Add(new OutboxMessage(DigestKeys.Monthly(month, user.Email), Tenant, user.Email, user.Name, message, now));
            }
        }

        return digests;
    }

    /// <summary>
    /// Per network (by id), its outbox entries of the past seven days, one item per step (with its recipient count): the
    /// entries whose key starts with <c>{networkId}/</c>, in the outbox's order, as a read by that prefix returns them.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<SentItem>>> SentLastWeekAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await outbox.SummariesAsync(Tenant, "", now.AddDays(-7), cancellationToken))
            .Where(e => e.CreatedAt > now.AddDays(-7) && e.CreatedAt <= now && e.Key.Contains('/', StringComparison.Ordinal))
            .GroupBy(e => e.Key[..e.Key.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ToDictionary(network => network.Key, network => (IReadOnlyList<SentItem>)network
                .GroupBy(e => e.Key[..e.Key.LastIndexOf('/')], StringComparer.Ordinal)
                .Select(g => new SentItem(g.First().Subject, g.Min(e => e.CreatedAt), g.Count()))
                .OrderBy(s => s.SentAt)
                .ToList(), StringComparer.Ordinal);

    /// <summary>Per survey, how many people were invited and answered (a person may hold several links).</summary>
    private async Task<IReadOnlyList<SurveyProgress>> SurveyProgressAsync(string networkId, CancellationToken cancellationToken)
    {
        var result = new List<SurveyProgress>();
        foreach (var survey in await surveys.ListSurveysAsync(Tenant, networkId, cancellationToken))
        {
            result.Add(SurveyProgress.Of(survey, await surveys.CountPeopleAsync(Tenant, survey.Id, cancellationToken)));
        }

        return result;
    }

    /// <summary>The latest scheduled instant at or before <paramref name="now"/> (schedules recur at most monthly).</summary>
    private static DateTimeOffset? LatestAtOrBefore(Func<DateTimeOffset, DateTimeOffset> next, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        for (var candidate = next(now.AddDays(-40)); candidate <= now; candidate = next(candidate)) latest = candidate;
        return latest;
    }
}
