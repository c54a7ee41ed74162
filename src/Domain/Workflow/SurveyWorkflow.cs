using Netvaerk.Domain.Common;
using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Workflow;

/// <summary>A survey as its recipient sees it through their personal link.</summary>
public sealed record SurveyForm(Survey Survey, string NetworkName, IReadOnlyList<SurveyQuestion> Questions, bool Answered, bool Closed);

/// <summary>Response rate and aggregate results of one survey (never who answered what).</summary>
public sealed record SurveyStatus(Survey Survey, SurveySummary Summary);

/// <summary>
/// A network's evaluation: every survey's results, the before/after change paired per person, and progress toward
/// the type's target — every figure already anonymity-safe.
/// </summary>
/// <param name="Change">The before/after comparison (learning: competences; welfare: relational coordination); null for innovation.</param>
public sealed record NetworkEvaluation(
    Guid NetworkId,
    string Theme,
    NetworkType Type,
    int AnonymityThreshold,
    IReadOnlyList<SurveyStatus> Surveys,
    PairedChange? Change,
    TargetProgress Target);

/// <summary>One started network's progress toward its type's target.</summary>
public sealed record NetworkTarget(Guid NetworkId, string Theme, TargetProgress Target);

/// <summary>Each started network's progress toward its target, and the portfolio's per type.</summary>
public sealed record PortfolioTargets(IReadOnlyList<PortfolioTarget> Types, IReadOnlyList<NetworkTarget> Networks);

/// <summary>Answering by token (no sign-in), and reading response rates and results.</summary>
public sealed class SurveyWorkflow(
    ISurveyStore surveys, INetworkStore networks, WorkflowSettings settings, EvaluationSettings evaluation, TimeProvider time)
{
    private string Tenant => settings.TenantId;

    public async Task<SurveyForm> FormAsync(string token, CancellationToken cancellationToken = default)
    {
        var (survey, invitation, contract) = await FindAsync(token, cancellationToken);
        var (type, name) = (contract.Type ?? NetworkType.Welfare, contract.Theme ?? "");
        var answered = (await surveys.ListInvitationsAsync(Tenant, survey.Id, cancellationToken))
            .Any(i => string.Equals(i.RecipientEmail, invitation.RecipientEmail, StringComparison.OrdinalIgnoreCase) && i.AnsweredAt is not null);
        return new SurveyForm(survey, name, await QuestionsAsync(survey, type, cancellationToken), answered, time.GetUtcNow() > survey.ClosesAt);
    }

    /// <summary>
    /// Stores an answer once per recipient. Invalid answers throw a <see cref="SurveyAnswersInvalidException"/> naming
    /// each question; a closed survey or a second answer is a conflict; nothing is stored in either case.
    /// </summary>
    public async Task SubmitAsync(string token, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (survey, invitation, contract) = await FindAsync(token, cancellationToken);
        var type = contract.Type ?? NetworkType.Welfare;
        var now = time.GetUtcNow();
        if (now > survey.ClosesAt)
        {
            throw new DomainException("survey-closed", "Spørgeskemaet er lukket, så der kan ikke længere svares.");
        }

        var questions = await QuestionsAsync(survey, type, cancellationToken);
        var problems = SurveyAnswerValidation.Validate(questions, answers);
        if (problems.Count > 0) throw new SurveyAnswersInvalidException(problems);

        var participant = contract.Participants.FirstOrDefault(p => string.Equals(p.Email, invitation.RecipientEmail, StringComparison.OrdinalIgnoreCase));
        var response = new SurveyResponse(survey.Id, now, SurveyAnswerValidation.Normalise(questions, answers))
        {
            RespondentKey = evaluation.Keys.For(survey.NetworkId, invitation.RecipientEmail),
            Group = RespondentKeys.GroupOf(participant?.Kind),
        };
        if (!await surveys.SubmitAsync(Tenant, SurveyTokens.Hash(token), response, cancellationToken))
        {
            throw new DomainException("already-answered", "Du har allerede svaret på dette spørgeskema. Tak for det!");
        }
    }

    /// <summary>Every survey of the network with its response rate (per recipient) and anonymity-safe aggregates.</summary>
    public async Task<IReadOnlyList<SurveyStatus>> StatusAsync(Guid networkId, CancellationToken cancellationToken = default) =>
        (await EvaluationAsync(networkId, cancellationToken)).Surveys;

    /// <summary>The network's evaluation: results, the before/after change and its target.</summary>
    public async Task<NetworkEvaluation> EvaluationAsync(Guid networkId, CancellationToken cancellationToken = default)
    {
        var record = await networks.FindAsync(Tenant, networkId.ToString(), cancellationToken)
            ?? throw new NotFoundException($"Netværket {networkId} findes ikke.");
        var contract = record.Value.Network.Contract;
        var type = contract.Type ?? NetworkType.Welfare;
        var threshold = evaluation.AnonymityThreshold;
        var statuses = new List<SurveyStatus>();
        var answered = await surveys.AnsweredAsync(Tenant, networkId.ToString(), cancellationToken);
        var sets = await surveys.ListQuestionSetsAsync(Tenant, cancellationToken); // once for all the network's surveys
        foreach (var (survey, responses) in answered)
        {
            // Count people, not links.
            var perRecipient = (await surveys.ListInvitationsAsync(Tenant, survey.Id, cancellationToken)).OnePerPerson();
            statuses.Add(new SurveyStatus(survey, SurveyResults.Summarise(Lookups.QuestionsOf(survey, type, sets), perRecipient, responses, threshold)));
        }

        return new NetworkEvaluation(networkId, contract.Theme ?? "", type, threshold, statuses, Change(type, answered, threshold),
            Targets.ForNetwork(type, answered, threshold));
    }

    /// <summary>Progress toward the three strategic targets: per network that has started, and pooled per type.</summary>
    public async Task<PortfolioTargets> PortfolioAsync(CancellationToken cancellationToken = default)
    {
        var perNetwork = new List<NetworkTarget>();
        foreach (var record in await networks.ListAsync(Tenant, cancellationToken))
        {
            var network = record.Value.Network;
            if (network.Contract.Type is null || record.Value.Timeline is null) continue; // not started: nothing to measure
            perNetwork.Add(new NetworkTarget(network.Id, network.Contract.Theme ?? "",
                await surveys.TargetAsync(Tenant, record.Value, evaluation.AnonymityThreshold, cancellationToken)));
        }

        return new PortfolioTargets(Targets.ForPortfolio([.. perNetwork.Select(n => n.Target)]), perNetwork);
    }

    /// <summary>Learning: the competence items, baseline to end; welfare: relational coordination, baseline to end.</summary>
    private static PairedChange? Change(NetworkType type, IReadOnlyList<SurveyAnswersOf> answered, int threshold)
    {
        var items = type switch
        {
            NetworkType.Learning => SurveyQuestions.CompetenceItems,
            NetworkType.Welfare => SurveyQuestions.RelationalCoordinationItems,
            _ => null,
        };
        if (items is null) return null;
        var before = answered.Where(a => a.Survey.Kind == SurveyKind.Baseline).SelectMany(a => a.Responses).ToArray();
        var after = answered.Where(a => a.Survey.Kind == SurveyKind.End).SelectMany(a => a.Responses).ToArray();
        return Pairing.Compare(items, before, after, threshold);
    }

    /// <summary>The questions of the version the survey was sent with.</summary>
    private async Task<IReadOnlyList<SurveyQuestion>> QuestionsAsync(Survey survey, NetworkType type, CancellationToken cancellationToken) =>
        Lookups.QuestionsOf(survey, type, await surveys.ListQuestionSetsAsync(Tenant, cancellationToken));

    private async Task<(Survey Survey, SurveyInvitation Invitation, NetworkContract Contract)> FindAsync(string token, CancellationToken cancellationToken)
    {
        const string Unknown = "Linket til spørgeskemaet er ukendt. Brug linket fra din e-mail.";
        if (!SurveyTokens.IsWellFormed(token)) throw new NotFoundException(Unknown);
        var invitation = await surveys.FindInvitationAsync(Tenant, SurveyTokens.Hash(token), cancellationToken) ?? throw new NotFoundException(Unknown);
        var survey = await surveys.FindSurveyAsync(Tenant, invitation.SurveyId, cancellationToken) ?? throw new NotFoundException(Unknown);
        var network = await networks.FindAsync(Tenant, survey.NetworkId, cancellationToken) ?? throw new NotFoundException(Unknown);
        return (survey, invitation, network.Value.Network.Contract);
    }
}

/// <summary>Survey answers with problems; each names the question (field) and says what is wrong, in Danish.</summary>
public sealed class SurveyAnswersInvalidException : Exception
{
    public SurveyAnswersInvalidException(IReadOnlyList<SurveyProblem> problems)
        : base("Svarene er ikke gyldige.") => Problems = problems;

    public SurveyAnswersInvalidException() : this([]) { }

    public SurveyAnswersInvalidException(string message) : base(message) => Problems = [];

    public SurveyAnswersInvalidException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    public IReadOnlyList<SurveyProblem> Problems { get; }
}
