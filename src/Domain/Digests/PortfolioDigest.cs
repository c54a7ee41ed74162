using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Digests;

/// <summary>One network in the portfolio.</summary>
/// <param name="Name">The network's theme.</param>
/// <param name="Type">The network type.</param>
/// <param name="Status">Where it is in its lifecycle.</param>
public sealed record PortfolioNetwork(string Name, NetworkType Type, NetworkStatus Status)
{
    /// <summary>Steps of the network's timeline that were parked after failing or could not reach every recipient.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The network has got as far as its end evaluation (output).</summary>
    public bool ReachedEndEvaluation => Status is NetworkStatus.Evaluating or NetworkStatus.FollowUp or NetworkStatus.Closed;

    /// <summary>The network has got as far as its outcome follow-up.</summary>
    public bool ReachedFollowUp => Status is NetworkStatus.FollowUp or NetworkStatus.Closed;
}

/// <summary>An open survey in one of the portfolio's networks.</summary>
public sealed record PortfolioSurvey(string NetworkName, NetworkType Type, SurveyProgress Survey);

/// <summary>What the monthly portfolio digest needs. Nothing is looked up.</summary>
/// <param name="Secretariat">Who receives it (netværkssekretariatet).</param>
/// <param name="Now">When the digest is composed (its send instant).</param>
/// <param name="Networks">The networks in the portfolio.</param>
/// <param name="Ideas">The ideas (any status); those awaiting a decision past the reminder instant are overdue.</param>
public sealed record PortfolioDigestInput(
    Recipient Secretariat,
    DateTimeOffset Now,
    IReadOnlyList<PortfolioNetwork> Networks,
    IReadOnlyList<Idea> Ideas)
{
    /// <summary>The networks' surveys; only those still open at <see cref="Now"/> are reported.</summary>
    public IReadOnlyList<PortfolioSurvey> Surveys { get; init; } = [];

    /// <summary>The approval clock that decides when a decision is overdue.</summary>
    public ApprovalSchedule Approvals { get; init; } = ApprovalSchedule.Default;

    /// <summary>Optional link to the portfolio overview.</summary>
    public string? PortfolioUrl { get; init; }

    /// <summary>Progress toward each type's target from the evaluations (<c>Targets.ForPortfolio</c>); none before any is measured.</summary>
    public IReadOnlyList<Evaluation.PortfolioTarget> Targets { get; init; } = [];
}

/// <summary>
/// The monthly digest to the secretariat (DOMAIN.md "Digests"): networks by type and status, overdue decisions,
/// open evaluations with their response rates, and progress toward the strategy's three first-year targets.
/// </summary>
public static class PortfolioDigest
{
    private static readonly NetworkType[] Types = [NetworkType.Innovation, NetworkType.Welfare, NetworkType.Learning];

    private static readonly NetworkStatus[] StatusOrder =
    [
        NetworkStatus.Draft, NetworkStatus.Running, NetworkStatus.Paused, NetworkStatus.Evaluating, NetworkStatus.FollowUp, NetworkStatus.Closed,
    ];

    /// <summary>The digest, or null when there are neither networks nor ideas.</summary>
    public static EmailMessage? Compose(PortfolioDigestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Secretariat, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Networks, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Ideas, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Approvals, nameof(input));
        if (input.Networks.Count == 0 && input.Ideas.Count == 0) return null;

        var month = CopenhagenTime.DateOf(input.Now).ToString("MMMM yyyy", DanishText.Culture);
        var body = new MessageBuilder()
            .Paragraph($"Her er det månedlige overblik over netværkene pr. {DanishText.DateOf(input.Now)}: netværk efter type og status, idéer der venter på beslutning, evalueringer i gang og fremdriften mod strategiens tre mål.");

        AddNetworks(body, input.Networks);
        AddProblems(body, input.Networks);
        AddIdeas(body, input);
        AddEvaluations(body, input);
        AddTargets(body, input.Networks, input.Targets);
        if (input.PortfolioUrl is not null)
        {
            body.Link("Se hele porteføljen her:", "Gå til porteføljen", input.PortfolioUrl);
        }

        return body.Build(
            $"Månedligt overblik over netværkene, {month}",
            input.Secretariat,
            Signature.Netvaerksstedet,
            footerNote: "Overblikket sendes den første arbejdsdag i hver måned. Det er dannet automatisk af Netværksstedet ud fra netværkenes og idéernes registreringer.");
    }

    /// <summary>The ideas awaiting a decision past their reminder instant, longest waiting first.</summary>
    public static IReadOnlyList<Idea> OverdueDecisions(IReadOnlyList<Idea> ideas, ApprovalSchedule approvals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ideas);
        ArgumentNullException.ThrowIfNull(approvals);
        return [.. ideas.Where(i => approvals.IsOverdue(i, now)).OrderBy(i => i.RoutedAt).ThenBy(i => i.Title, StringComparer.Ordinal)];
    }

    private static void AddNetworks(MessageBuilder body, IReadOnlyList<PortfolioNetwork> networks)
    {
        body.Paragraph($"Netværk i alt: {DigestText.Number(networks.Count)}.");
        foreach (var type in Types)
        {
            var ofType = networks.Where(n => n.Type == type).ToArray();
            var facts = StatusOrder
                .Select(status => (status, count: ofType.Count(n => n.Status == status)))
                .Where(x => x.count > 0)
                .Select(x => (x.status.DanishName(), DigestText.Number(x.count)))
                .Append(("I alt", DigestText.Number(ofType.Length)));
            body.Facts(NetworkTypeProfiles.For(type).DanishName, [.. facts]);
        }
    }

    /// <summary>Open flags: what failed and waits for the secretariat (only when there is any).</summary>
    private static void AddProblems(MessageBuilder body, IReadOnlyList<PortfolioNetwork> networks)
    {
        var flagged = networks.Where(n => n.Problems.Count > 0).OrderBy(n => n.Name, StringComparer.Ordinal).ToArray();
        if (flagged.Length == 0) return;
        body.Paragraph("Fejl, der venter på netværkssekretariatet (trin sat i bero eller modtagere uden besked):").Bullets(flagged.Select(n =>
            $"{DanishText.NetworkLabel(n.Type, n.Name)}: {string.Join(", ", n.Problems)}"));
    }

    private static void AddIdeas(MessageBuilder body, PortfolioDigestInput input)
    {
        var ideas = input.Ideas;
        var overdue = OverdueDecisions(ideas, input.Approvals, input.Now);
        body.Facts(
            "Idéer",
            ("Indsendt, endnu ikke behandlet", DigestText.Number(ideas.Count(i => i.Status == IdeaStatus.Submitted))),
            ("Sendt til beslutning", DigestText.Number(ideas.Count(ApprovalSchedule.IsAwaitingDecision))),
            ("Heraf over fristen for beslutning", DigestText.Number(overdue.Count)),
            ("Afventer flere oplysninger", DigestText.Number(ideas.Count(i => i.Status == IdeaStatus.NeedsInfo))));
        if (overdue.Count == 0)
        {
            body.Paragraph("Ingen idéer venter på beslutning ud over fristen.");
            return;
        }

        body.Paragraph("Idéer, der venter på beslutning ud over fristen:").Bullets(overdue.Select(idea =>
        {
            var routedAt = idea.RoutedAt!.Value;
            var days = input.Approvals.WorkingDaysWaiting(routedAt, input.Now);
            var escalated = input.Approvals.Next(idea, input.Now).Action == ApprovalAction.Escalation ? " – eskaleret" : string.Empty;
            var forum = idea.DecidingForum?.DanishName() ?? "ukendt forum";
            return $"»{idea.Title}« i {forum}, forelagt {DanishText.DateOf(routedAt)}: {DigestText.Number(days)} arbejdsdage{escalated}";
        }));
    }

    private static void AddEvaluations(MessageBuilder body, PortfolioDigestInput input)
    {
        var open = input.Surveys
            .Where(s => s.Survey.IsOpen(input.Now))
            .OrderBy(s => s.Survey.ClosesAt)
            .ThenBy(s => s.NetworkName, StringComparer.Ordinal)
            .ToArray();
        if (open.Length == 0)
        {
            body.Paragraph("Der er ingen åbne evalueringer lige nu.");
            return;
        }

        body.Paragraph("Evalueringer i gang:").Bullets(open.Select(s =>
            $"{DanishText.NetworkLabel(s.Type, s.NetworkName)}: {DigestText.SurveyName(s.Survey.Kind).ToLower(DanishText.Culture)} – {DigestText.Rate(s.Survey)}"));
    }

    private static void AddTargets(MessageBuilder body, IReadOnlyList<PortfolioNetwork> networks, IReadOnlyList<Evaluation.PortfolioTarget> targets)
    {
        body.Paragraph("Fremdrift mod strategiens tre mål for det første år. Evalueringen ser på outcome, ikke kun output: slutevalueringen måler, hvad netværket skabte, opfølgningen hvilken forskel det gør i basisorganisationen.");
        foreach (var type in Types)
        {
            var ofType = networks.Where(n => n.Type == type).ToArray();
            var profile = NetworkTypeProfiles.For(type);
            var facts = new List<(string, string)>
            {
                ("Målet", profile.StrategicTarget),
                ("Netværk", DigestText.Number(ofType.Length)),
                ("Nået til slutevaluering", DigestText.Number(ofType.Count(n => n.ReachedEndEvaluation))),
                ("Nået til opfølgning", DigestText.Number(ofType.Count(n => n.ReachedFollowUp))),
            };
            // The evaluations' figures, pooled only over networks whose own figure is published (anonymity).
            var target = targets.FirstOrDefault(t => t.Type == type);
            facts.Add(("Resultat", target is null || target.Measured == 0 ? "ikke målt endnu" : Evaluation.Targets.Describe(target)));

            body.Facts($"{profile.DanishName}: fremdrift mod målet", [.. facts]);
        }
    }
}
