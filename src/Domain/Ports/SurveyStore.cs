using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Ports;

/// <summary>A survey sent by a timeline step. Its id is <c>{networkId}/{stepId}</c>, so sending twice creates it once.</summary>
public sealed record Survey(
    string Id,
    string NetworkId,
    string StepId,
    SurveyKind Kind,
    DateTimeOffset SentAt,
    DateTimeOffset ClosesAt)
{
    public static string IdFor(string networkId, string stepId) => $"{networkId}/{stepId}";
}

/// <summary>
/// One recipient's personal, single-use link. Only the SHA-256 hash of the token is stored; the token itself
/// exists only in the e-mail. The link expires when the survey closes.
/// </summary>
public sealed record SurveyInvitation(
    string SurveyId,
    string RecipientEmail,
    string RecipientName,
    string TokenHash,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AnsweredAt);

/// <summary>An answer, stored without who gave it: results are only ever shown in aggregate.</summary>
public sealed record SurveyResponse(string SurveyId, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, string> Answers);

public interface ISurveyStore
{
    /// <summary>Stores the survey unless one with its id exists; returns whether it was added.</summary>
    Task<bool> AddSurveyAsync(string tenantId, Survey survey, CancellationToken cancellationToken = default);

    Task<Survey?> FindSurveyAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Survey>> ListSurveysAsync(string tenantId, string networkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the invitation, or replaces the token of an unanswered one for the same survey and recipient (a step
    /// that crashed before its e-mail was queued issues a fresh token on the retry).
    /// </summary>
    Task UpsertInvitationAsync(string tenantId, SurveyInvitation invitation, CancellationToken cancellationToken = default);

    Task<SurveyInvitation?> FindInvitationAsync(string tenantId, string tokenHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SurveyInvitation>> ListInvitationsAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the invitation answered and stores the response, atomically; false if it was already answered
    /// (a token answers once).
    /// </summary>
    Task<bool> SubmitAsync(string tenantId, string tokenHash, SurveyResponse response, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SurveyResponse>> ListResponsesAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default);
}
