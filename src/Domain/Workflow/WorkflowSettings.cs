namespace Netvaerk.Domain.Workflow;

/// <summary>What the workflow needs to know about its installation; the hosts bind it from configuration.</summary>
/// <param name="TenantId">The municipality (Cosmos partition key).</param>
/// <param name="PublicBaseUrl">Where people reach the pages, for links in e-mails (survey, sign-in, unsubscribe).</param>
/// <param name="OrganizerEmail">The sender and calendar organizer: the network secretariat's shared address.</param>
/// <param name="PoliticalLiaison">The §17,4 committee's liaison, who receives the innovation networks' status.</param>
public sealed record WorkflowSettings(string TenantId, Uri PublicBaseUrl, string OrganizerEmail, Messages.Recipient PoliticalLiaison)
{
    public string Link(string relative) => new Uri(PublicBaseUrl, relative).ToString();
}

/// <summary>Unguessable tokens for links (≥128 random bits, URL-safe). Randomness is I/O, so it is a port.</summary>
public interface ISecretGenerator
{
    string NewToken();
}

/// <summary>How evaluations are kept anonymous: the respondents' pseudonyms and the fewest respondents per figure.</summary>
public sealed record EvaluationSettings(Evaluation.RespondentKeys Keys, int AnonymityThreshold = Surveys.SurveyResults.DefaultAnonymityThreshold);
