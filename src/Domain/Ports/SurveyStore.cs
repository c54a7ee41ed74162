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

    /// <summary>The version of the network type's question set for this kind that the survey was sent with (1 before versions were recorded).</summary>
    public int QuestionSetVersion { get; init; } = 1;
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
public sealed record SurveyResponse(string SurveyId, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, string> Answers)
{
    /// <summary>
    /// The respondent's pseudonym in this network (<c>RespondentKeys</c>): the same person's answers to two of the
    /// network's surveys carry the same key, so a before/after change is computed per person; it reveals no name and
    /// differs between networks. Null for responses stored before pairing existed.
    /// </summary>
    public string? RespondentKey { get; init; }

    /// <summary>The respondent's group (employee, citizen, other) for breakdowns; null for older responses.</summary>
    public Evaluation.RespondentGroup? Group { get; init; }
}

public interface ISurveyStore
{
    /// <summary>Stores the survey unless one with its id exists; returns whether it was added.</summary>
    Task<bool> AddSurveyAsync(string tenantId, Survey survey, CancellationToken cancellationToken = default);

    Task<Survey?> FindSurveyAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Survey>> ListSurveysAsync(string tenantId, string networkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores tokens for recipients (one step's invitations at a time); a token already stored is left as it is. A
    /// recipient may hold several — the invitation's and each reminder's — because the e-mail holds the only copy of a
    /// token, so a reminder can only carry a new one. All stay valid until the survey closes; the recipient answers
    /// once, with any of them.
    /// </summary>
    Task AddInvitationsAsync(string tenantId, IReadOnlyCollection<SurveyInvitation> invitations, CancellationToken cancellationToken = default);

    Task<SurveyInvitation?> FindInvitationAsync(string tenantId, string tokenHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SurveyInvitation>> ListInvitationsAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many people the survey invited and how many of them answered: a person may hold several links (invitation and
    /// reminders), and counts as answered when any of them was. The weekly digests ask this of every survey of every
    /// network: a store that can count (SQLite) answers without reading the invitations; the default lists them.
    /// </summary>
    async Task<PeopleCount> CountPeopleAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default)
    {
        var people = (await ListInvitationsAsync(tenantId, surveyId, cancellationToken)).OnePerPerson();
        return new PeopleCount(people.Count, people.Count(i => i.AnsweredAt is not null));
    }

    /// <summary>
    /// Marks every token of the token's recipient for that survey answered and stores the response, atomically;
    /// false if the recipient has already answered (one answer per recipient, whichever link they use).
    /// </summary>
    Task<bool> SubmitAsync(string tenantId, string tokenHash, SurveyResponse response, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SurveyResponse>> ListResponsesAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default);

    /// <summary>Every stored version of every question set, in no particular order.</summary>
    Task<IReadOnlyList<Surveys.QuestionSet>> ListQuestionSetsAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Stores a version unless that type, kind and version exist (never replaced); returns whether it was added.</summary>
    Task<bool> AddQuestionSetAsync(string tenantId, Surveys.QuestionSet questionSet, CancellationToken cancellationToken = default);
}

/// <summary>People invited to a survey, and how many of them answered (each person once, whatever links they hold).</summary>
public readonly record struct PeopleCount(int Invited, int Answered);

internal static class SurveyInvitations
{
    /// <summary>
    /// One invitation per person: a person may hold several links (invitation and reminders); the answered one counts.
    /// </summary>
    public static IReadOnlyList<SurveyInvitation> OnePerPerson(this IEnumerable<SurveyInvitation> invitations) =>
        invitations
            .GroupBy(i => i.RecipientEmail, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.FirstOrDefault(i => i.AnsweredAt is not null) ?? g.First())
            .ToArray();
}
