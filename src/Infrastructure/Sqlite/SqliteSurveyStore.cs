using Microsoft.Data.Sqlite;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// Surveys (JSON documents), their personal invitations (columns; the token hash is unique per tenant) and the
/// anonymous responses (JSON documents, with no link to the invitation that gave them).
/// </summary>
/// <remarks>
/// An invitation's recipient is matched case-insensitively on the e-mail address; a recipient may hold several tokens
/// (one row each). <see cref="SubmitAsync"/> marks all of them answered, returns false for an unknown token as for a
/// person who already answered, and does not check <see cref="SurveyInvitation.ExpiresAt"/> (the caller does).
/// Instants read from columns come back in UTC.
/// </remarks>
public sealed class SqliteSurveyStore(SqliteDatabase database) : ISurveyStore
{
    private const string InvitationColumns = "survey_id, recipient_email, recipient_name, token_hash, expires_utc, answered_utc";

    public async Task<bool> AddSurveyAsync(string tenantId, Survey survey, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentException.ThrowIfNullOrEmpty(survey.Id);
        var document = TimelineJson.Serialize(survey);
        return await database.ExecuteAsync("""
            INSERT INTO surveys (tenant_id, id, network_id, sent_utc, document)
            VALUES (@tenant, @id, @network, @sent, @document)
            ON CONFLICT (tenant_id, id) DO NOTHING;
            """, command => command
                .With("@tenant", tenantId)
                .With("@id", survey.Id)
                .With("@network", survey.NetworkId)
                .With("@sent", SqliteValues.Instant(survey.SentAt))
                .With("@document", document), cancellationToken) == 1;
    }

    public async Task<Survey?> FindSurveyAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(surveyId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT document FROM surveys WHERE tenant_id = @tenant AND id = @id;")
            .With("@tenant", tenantId).With("@id", surveyId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? TimelineJson.Deserialize<Survey>(json) : null;
    }

    public async Task<IReadOnlyList<Survey>> ListSurveysAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(networkId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT document FROM surveys WHERE tenant_id = @tenant AND network_id = @network ORDER BY sent_utc, id;
            """).With("@tenant", tenantId).With("@network", networkId);
        return await command.ReadAllAsync(reader => reader.Json<Survey>(0), cancellationToken);
    }

    public async Task AddInvitationsAsync(string tenantId, IReadOnlyCollection<SurveyInvitation> invitations, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(invitations);
        foreach (var invitation in invitations)
        {
            ArgumentNullException.ThrowIfNull(invitation);
            ArgumentException.ThrowIfNullOrEmpty(invitation.SurveyId);
            ArgumentException.ThrowIfNullOrWhiteSpace(invitation.RecipientEmail);
            ArgumentException.ThrowIfNullOrEmpty(invitation.TokenHash);
        }

        if (invitations.Count == 0) return;

        // One transaction for the lot: its rows share pages, which then reach the WAL once instead of once per row.
        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command("""
                INSERT INTO survey_invitations
                    (tenant_id, survey_id, recipient_key, recipient_email, recipient_name, token_hash, expires_utc, answered_utc)
                VALUES (@tenant, @survey, @recipientKey, @email, @name, @token, @expires,
                    -- a new link for someone who already answered is born answered: one answer per person
                    COALESCE(@answered, (SELECT MAX(answered_utc) FROM survey_invitations
                                         WHERE tenant_id = @tenant AND survey_id = @survey AND recipient_key = @recipientKey)))
                ON CONFLICT (tenant_id, token_hash) DO NOTHING;
                """, transaction);
            foreach (var invitation in invitations)
            {
                command.Parameters.Clear();
                command
                    .With("@tenant", tenantId)
                    .With("@survey", invitation.SurveyId)
                    .With("@recipientKey", SqliteValues.EmailKey(invitation.RecipientEmail))
                    .With("@email", invitation.RecipientEmail)
                    .With("@name", invitation.RecipientName)
                    .With("@token", invitation.TokenHash)
                    .With("@expires", SqliteValues.Instant(invitation.ExpiresAt))
                    .With("@answered", SqliteValues.InstantOrNull(invitation.AnsweredAt));
                await command.ExecuteNonQueryAsync(ct);
            }

            return true;
        }, cancellationToken);
    }

    public async Task<SurveyInvitation?> FindInvitationAsync(string tenantId, string tokenHash, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(tokenHash);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"""
            SELECT {InvitationColumns} FROM survey_invitations WHERE tenant_id = @tenant AND token_hash = @token;
            """).With("@tenant", tenantId).With("@token", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadInvitation(reader) : null;
    }

    public async Task<IReadOnlyList<SurveyInvitation>> ListInvitationsAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(surveyId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command($"""
            SELECT {InvitationColumns} FROM survey_invitations
            WHERE tenant_id = @tenant AND survey_id = @survey
            ORDER BY rowid;
            """).With("@tenant", tenantId).With("@survey", surveyId);
        return await command.ReadAllAsync(ReadInvitation, cancellationToken);
    }

    /// <summary>Counted from the (survey, recipient) index and the rows it points to; no invitation is read into memory.</summary>
    public async Task<PeopleCount> CountPeopleAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(surveyId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT count(DISTINCT recipient_key), count(DISTINCT CASE WHEN answered_utc IS NOT NULL THEN recipient_key END)
            FROM survey_invitations
            WHERE tenant_id = @tenant AND survey_id = @survey;
            """).With("@tenant", tenantId).With("@survey", surveyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PeopleCount(reader.GetInt32(0), reader.GetInt32(1));
    }

    public async Task<bool> SubmitAsync(string tenantId, string tokenHash, SurveyResponse response, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(tokenHash);
        ArgumentNullException.ThrowIfNull(response);
        var document = TimelineJson.Serialize(response);
        return await database.WriteAsync(async (connection, transaction, ct) =>
        {
            string surveyId;
            await using (var answer = connection.Command("""
                UPDATE survey_invitations SET answered_utc = @at
                WHERE (tenant_id, survey_id, recipient_key) IN
                      (SELECT tenant_id, survey_id, recipient_key FROM survey_invitations WHERE tenant_id = @tenant AND token_hash = @token)
                  AND NOT EXISTS (SELECT 1 FROM survey_invitations o
                                  WHERE (o.tenant_id, o.survey_id, o.recipient_key) IN
                                        (SELECT tenant_id, survey_id, recipient_key FROM survey_invitations WHERE tenant_id = @tenant AND token_hash = @token)
                                    AND o.answered_utc IS NOT NULL)
                RETURNING survey_id;
                """, transaction)
                .With("@tenant", tenantId)
                .With("@token", tokenHash)
                .With("@at", SqliteValues.Instant(response.SubmittedAt)))
            {
                // Every link of the person is marked at once; if any was already used, nothing is (one answer per person).
                await using var rows = await answer.ExecuteReaderAsync(ct);
                if (!await rows.ReadAsync(ct))
                {
                    return false; // nothing was changed
                }

                surveyId = rows.GetString(0);
            }

            if (!string.Equals(surveyId, response.SurveyId, StringComparison.Ordinal))
            {
                // Thrown inside the transaction, so the answered marks above are rolled back.
                throw new ArgumentException(
                    $"The response is for survey {response.SurveyId}, but the token belongs to survey {surveyId}.", nameof(response));
            }

            await using var insert = connection.Command("""
                INSERT INTO survey_responses (tenant_id, survey_id, submitted_utc, document)
                VALUES (@tenant, @survey, @submitted, @document);
                """, transaction)
                .With("@tenant", tenantId)
                .With("@survey", surveyId)
                .With("@submitted", SqliteValues.Instant(response.SubmittedAt))
                .With("@document", document);
            await insert.ExecuteNonQueryAsync(ct);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SurveyResponse>> ListResponsesAsync(string tenantId, string surveyId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(surveyId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT document FROM survey_responses WHERE tenant_id = @tenant AND survey_id = @survey ORDER BY submitted_utc, seq;
            """).With("@tenant", tenantId).With("@survey", surveyId);
        return await command.ReadAllAsync(reader => reader.Json<SurveyResponse>(0), cancellationToken);
    }

    public async Task<IReadOnlyList<Domain.Surveys.QuestionSet>> ListQuestionSetsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT document FROM question_sets WHERE tenant_id = @tenant;").With("@tenant", tenantId);
        return await command.ReadAllAsync(reader => reader.Json<Domain.Surveys.QuestionSet>(0), cancellationToken);
    }

    public async Task<bool> AddQuestionSetAsync(string tenantId, Domain.Surveys.QuestionSet questionSet, CancellationToken cancellationToken = default)
    {
        SqliteValues.RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(questionSet);
        return await database.ExecuteAsync("""
            INSERT INTO question_sets (tenant_id, network_type, survey_kind, version, document)
            VALUES (@tenant, @type, @kind, @version, @document)
            ON CONFLICT (tenant_id, network_type, survey_kind, version) DO NOTHING;
            """, command => command
                .With("@tenant", tenantId)
                .With("@type", questionSet.Type.ToString())
                .With("@kind", questionSet.Kind.ToString())
                .With("@version", questionSet.Version)
                .With("@document", TimelineJson.Serialize(questionSet)), cancellationToken) == 1;
    }

    private static SurveyInvitation ReadInvitation(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        SqliteValues.ParseInstant(reader.GetString(4)),
        SqliteValues.ParseInstantOrNull(reader, 5));
}
