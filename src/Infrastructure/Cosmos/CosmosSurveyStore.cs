using System.Text.Json;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Cosmos;

/// <summary>
/// Surveys in <c>surveys</c>: a document per survey (<c>survey:{id}</c>), one per personal link
/// (<c>invitation:{tokenHash}</c>, found by a point read), and one per survey holding its anonymous responses and the set
/// of recipients who have answered (<c>answers:{surveyId}</c>).
/// </summary>
/// <remarks>
/// "One answer per person, whichever link" needs the answered mark and the response in one atomic write, and Cosmos DB
/// writes one document atomically: so both live in the answers document, replaced under its ETag (a conflict re-reads
/// and decides again). The responses carry nothing of who gave them; an invitation's <c>AnsweredAt</c> is read from the
/// answered set. docs/cosmos.md has the size limits this implies.
/// </remarks>
public sealed class CosmosSurveyStore(CosmosDatabase database) : ISurveyStore
{
    private readonly CosmosCollection _surveys = new(database, "surveys");

    public async Task<bool> AddSurveyAsync(string tenantId, Survey survey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentException.ThrowIfNullOrEmpty(survey.Id);
        var document = CosmosValues.Document(CosmosValues.Id("survey", survey.Id), tenantId, survey, w =>
        {
            w.WriteString("docType", "survey");
            w.WriteString("networkId", survey.NetworkId);
            w.WriteString("seq", $"{CosmosValues.Instant(survey.SentAt)}|{survey.Id}");
        });
        return await _surveys.CreateAsync(tenantId, document, cancellationToken) is not null;
    }

    public async Task<Survey?> FindSurveyAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(surveyId);
        return (await _surveys.ReadAsync(tenantId, CosmosValues.Id("survey", surveyId), cancellationToken))?.Body<Survey>();
    }

    public async Task<IReadOnlyList<Survey>> ListSurveysAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(networkId);
        var documents = await _surveys.QueryAsync(tenantId, "c.docType = 'survey' AND c.networkId = @network",
            new Dictionary<string, object?> { ["@network"] = networkId }, cancellationToken);
        return documents.OrderBy(d => d.String("seq"), StringComparer.Ordinal).Select(d => d.Body<Survey>()).ToList();
    }

    public async Task AddInvitationsAsync(string tenantId, IReadOnlyCollection<SurveyInvitation> invitations, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(invitations);
        foreach (var invitation in invitations)
        {
            ArgumentNullException.ThrowIfNull(invitation);
            ArgumentException.ThrowIfNullOrEmpty(invitation.SurveyId);
            ArgumentException.ThrowIfNullOrWhiteSpace(invitation.RecipientEmail);
            ArgumentException.ThrowIfNullOrEmpty(invitation.TokenHash);
        }

        foreach (var invitation in invitations)
        {
            var recipient = CosmosValues.EmailKey(invitation.RecipientEmail);
            var document = CosmosValues.Document(InvitationId(invitation.TokenHash), tenantId, invitation with { AnsweredAt = null }, w =>
            {
                w.WriteString("docType", "invitation");
                w.WriteString("surveyId", invitation.SurveyId);
                w.WriteString("recipient", recipient);
            });
            await _surveys.CreateAsync(tenantId, document, cancellationToken); // 409: this link is stored already

            if (invitation.AnsweredAt is { } answeredAt)
            {
                // An answer known from elsewhere joins the answered set, so every link of the person says so.
                await ChangeAnswersAsync(tenantId, invitation.SurveyId, answers =>
                    answers.Answered.ContainsKey(recipient) ? null : answers with
                    {
                        Answered = new Dictionary<string, DateTimeOffset>(answers.Answered) { [recipient] = answeredAt },
                    }, cancellationToken);
            }
        }
    }

    public async Task<SurveyInvitation?> FindInvitationAsync(string tenantId, string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(tokenHash);
        if (await _surveys.ReadAsync(tenantId, InvitationId(tokenHash), cancellationToken) is not { } document) return null;
        var answers = await ReadAnswersAsync(tenantId, document.String("surveyId"), cancellationToken);
        return WithAnswer(document, answers.Value);
    }

    public async Task<IReadOnlyList<SurveyInvitation>> ListInvitationsAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(surveyId);
        var documents = await _surveys.QueryAsync(tenantId, "c.docType = 'invitation' AND c.surveyId = @survey",
            new Dictionary<string, object?> { ["@survey"] = surveyId }, cancellationToken);
        var answers = await ReadAnswersAsync(tenantId, surveyId, cancellationToken);
        return documents
            .OrderBy(d => d.String("recipient"), StringComparer.Ordinal)
            .ThenBy(d => d.Root.GetProperty("_ts").GetInt64())
            .Select(d => WithAnswer(d, answers.Value))
            .ToList();
    }

    public async Task<bool> SubmitAsync(string tenantId, string tokenHash, SurveyResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(tokenHash);
        ArgumentNullException.ThrowIfNull(response);
        if (await _surveys.ReadAsync(tenantId, InvitationId(tokenHash), cancellationToken) is not { } invitation) return false;
        var surveyId = invitation.String("surveyId");
        var recipient = invitation.String("recipient");

        var stored = false;
        await ChangeAnswersAsync(tenantId, surveyId, answers =>
        {
            stored = false;
            if (answers.Answered.ContainsKey(recipient)) return null;
            if (!string.Equals(surveyId, response.SurveyId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The response is for survey {response.SurveyId}, but the token belongs to survey {surveyId}.", nameof(response));
            }

            stored = true;
            return new Answers(
                new Dictionary<string, DateTimeOffset>(answers.Answered) { [recipient] = response.SubmittedAt },
                [.. answers.Responses, response]);
        }, cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<SurveyResponse>> ListResponsesAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(surveyId);
        var answers = (await ReadAnswersAsync(tenantId, surveyId, cancellationToken)).Value;
        return answers.Responses.OrderBy(r => r.SubmittedAt).ToList();
    }

    /// <summary>Reads the survey's answers and replaces them with what <paramref name="change"/> makes of them (null: nothing), under the ETag.</summary>
    private Task ChangeAnswersAsync(string tenantId, string surveyId, Func<Answers, Answers?> change, CancellationToken cancellationToken) =>
        _surveys.UpdateAsync<Answers>(tenantId, AnswersId(surveyId), answers => change(answers ?? Answers.None), w =>
        {
            w.WriteString("docType", "answers");
            w.WriteString("surveyId", surveyId);
        }, cancellationToken);

    private async Task<(Answers Value, string? ETag)> ReadAnswersAsync(string tenantId, string surveyId, CancellationToken cancellationToken) =>
        await _surveys.ReadAsync(tenantId, AnswersId(surveyId), cancellationToken) is { } document
            ? (document.Body<Answers>(), document.ETag)
            : (Answers.None, null);

    private static SurveyInvitation WithAnswer(StoredDocument document, Answers answers)
    {
        var invitation = document.Body<SurveyInvitation>();
        return invitation with { AnsweredAt = answers.Answered.TryGetValue(document.String("recipient"), out var at) ? at : null };
    }

    private static string InvitationId(string tokenHash) => CosmosValues.Id("invitation", tokenHash);

    private static string AnswersId(string surveyId) => CosmosValues.Id("answers", surveyId);

    /// <summary>Who has answered (lower-case address → when) and the responses, which say nothing of who gave them.</summary>
    private sealed record Answers(Dictionary<string, DateTimeOffset> Answered, IReadOnlyList<SurveyResponse> Responses)
    {
        public static Answers None { get; } = new(new Dictionary<string, DateTimeOffset>(), []);
    }

    public async Task<IReadOnlyList<Domain.Surveys.QuestionSet>> ListQuestionSetsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var documents = await _surveys.QueryAsync(tenantId, "c.docType = 'questionset'", new Dictionary<string, object?>(), cancellationToken);
        return documents.Select(d => d.Body<Domain.Surveys.QuestionSet>()).ToList();
    }

    public async Task<bool> AddQuestionSetAsync(string tenantId, Domain.Surveys.QuestionSet questionSet, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(questionSet);
        // The id holds type, kind and version: a second writer of the same version gets a conflict, never a replace.
        var document = CosmosValues.Document(CosmosValues.Id("questionset", $"{questionSet.Type}/{questionSet.Kind}/{questionSet.Version}"), tenantId,
            questionSet, w => w.WriteString("docType", "questionset"));
        return await _surveys.CreateAsync(tenantId, document, cancellationToken) is not null;
    }
}
