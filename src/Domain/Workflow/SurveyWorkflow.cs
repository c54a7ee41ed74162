using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;

namespace Netvaerk.Domain.Workflow;

/// <summary>A survey as its recipient sees it through their personal link.</summary>
public sealed record SurveyForm(Survey Survey, string NetworkName, IReadOnlyList<SurveyQuestion> Questions, bool Answered, bool Closed);

/// <summary>Response rate and aggregate results of one survey (never who answered what).</summary>
public sealed record SurveyStatus(Survey Survey, SurveySummary Summary);

/// <summary>Answering by token (no sign-in), and reading response rates.</summary>
public sealed class SurveyWorkflow(ISurveyStore surveys, INetworkStore networks, WorkflowSettings settings, TimeProvider time)
{
    private string Tenant => settings.TenantId;

    public async Task<SurveyForm> FormAsync(string token, CancellationToken cancellationToken = default)
    {
        var (survey, invitation, type, name) = await FindAsync(token, cancellationToken);
        var answered = (await surveys.ListInvitationsAsync(Tenant, survey.Id, cancellationToken))
            .Any(i => string.Equals(i.RecipientEmail, invitation.RecipientEmail, StringComparison.OrdinalIgnoreCase) && i.AnsweredAt is not null);
        return new SurveyForm(survey, name, SurveyQuestions.For(survey.Kind, type), answered, time.GetUtcNow() > survey.ClosesAt);
    }

    /// <summary>
    /// Stores an answer once per recipient. Invalid answers throw a <see cref="SurveyAnswersInvalidException"/> naming
    /// each question; a closed survey or a second answer is a conflict; nothing is stored in either case.
    /// </summary>
    public async Task SubmitAsync(string token, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (survey, _, type, _) = await FindAsync(token, cancellationToken);
        var now = time.GetUtcNow();
        if (now > survey.ClosesAt)
        {
            throw new DomainException("survey-closed", "Spørgeskemaet er lukket, så der kan ikke længere svares.");
        }

        var questions = SurveyQuestions.For(survey.Kind, type);
        var problems = SurveyAnswerValidation.Validate(questions, answers);
        if (problems.Count > 0) throw new SurveyAnswersInvalidException(problems);

        var response = new SurveyResponse(survey.Id, now, SurveyAnswerValidation.Normalise(questions, answers));
        if (!await surveys.SubmitAsync(Tenant, SurveyTokens.Hash(token), response, cancellationToken))
        {
            throw new DomainException("already-answered", "Du har allerede svaret på dette spørgeskema. Tak for det!");
        }
    }

    /// <summary>Every survey of the network with its response rate (per recipient) and anonymity-safe aggregates.</summary>
    public async Task<IReadOnlyList<SurveyStatus>> StatusAsync(Guid networkId, CancellationToken cancellationToken = default)
    {
        var record = await networks.FindAsync(Tenant, networkId.ToString(), cancellationToken)
            ?? throw new NotFoundException($"Netværket {networkId} findes ikke.");
        var type = record.Value.Network.Contract.Type ?? NetworkType.Welfare;
        var result = new List<SurveyStatus>();
        foreach (var survey in await surveys.ListSurveysAsync(Tenant, networkId.ToString(), cancellationToken))
        {
            // Count people, not links.
            var perRecipient = (await surveys.ListInvitationsAsync(Tenant, survey.Id, cancellationToken)).OnePerPerson();
            var responses = await surveys.ListResponsesAsync(Tenant, survey.Id, cancellationToken);
            result.Add(new SurveyStatus(survey, SurveyResults.Summarise(SurveyQuestions.For(survey.Kind, type), perRecipient, responses)));
        }

        return result;
    }

    private async Task<(Survey Survey, SurveyInvitation Invitation, NetworkType Type, string Name)> FindAsync(string token, CancellationToken cancellationToken)
    {
        const string Unknown = "Linket til spørgeskemaet er ukendt. Brug linket fra din e-mail.";
        if (!SurveyTokens.IsWellFormed(token)) throw new NotFoundException(Unknown);
        var invitation = await surveys.FindInvitationAsync(Tenant, SurveyTokens.Hash(token), cancellationToken) ?? throw new NotFoundException(Unknown);
        var survey = await surveys.FindSurveyAsync(Tenant, invitation.SurveyId, cancellationToken) ?? throw new NotFoundException(Unknown);
        var network = await networks.FindAsync(Tenant, survey.NetworkId, cancellationToken) ?? throw new NotFoundException(Unknown);
        var contract = network.Value.Network.Contract;
        return (survey, invitation, contract.Type ?? NetworkType.Welfare, contract.Theme ?? "");
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
