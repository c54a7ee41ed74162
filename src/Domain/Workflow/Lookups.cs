using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Domain.Workflow;

/// <summary>Small queries several use cases share.</summary>
internal static class Lookups
{
    /// <summary>
    /// The secretariat's staff users, or — before anyone is registered — the shared secretariat address, so a request,
    /// flag or escalation always reaches someone.
    /// </summary>
    public static async Task<IReadOnlyList<Recipient>> SecretariatAsync(this IAccessStore access, WorkflowSettings settings, CancellationToken cancellationToken) =>
        (await access.ListUsersAsync(settings.TenantId, cancellationToken))
            .Where(u => u.Has(StaffRole.Secretariat))
            .Select(u => new Recipient(u.Name, u.Email))
            .DefaultIfEmpty(new Recipient("Netværkssekretariatet", settings.OrganizerEmail))
            .ToArray();

    /// <summary>
    /// One invitation per person: a person may hold several links (invitation and reminders); the answered one counts.
    /// </summary>
    public static IReadOnlyList<SurveyInvitation> OnePerPerson(this IEnumerable<SurveyInvitation> invitations) =>
        invitations
            .GroupBy(i => i.RecipientEmail, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.FirstOrDefault(i => i.AnsweredAt is not null) ?? g.First())
            .ToArray();

    /// <summary>Each of the network's surveys with its responses: what targets and pairing are computed from.</summary>
    public static async Task<IReadOnlyList<Evaluation.SurveyAnswersOf>> AnsweredAsync(
        this ISurveyStore surveys, string tenantId, string networkId, CancellationToken cancellationToken)
    {
        var answered = new List<Evaluation.SurveyAnswersOf>();
        foreach (var survey in await surveys.ListSurveysAsync(tenantId, networkId, cancellationToken))
        {
            answered.Add(new(survey, await surveys.ListResponsesAsync(tenantId, survey.Id, cancellationToken)));
        }

        return answered;
    }

    /// <summary>
    /// A question set by version (null: the current one, stored now if it is still the built-in default, so what a
    /// survey is sent with is kept whatever later code says). Version 1 not stored is the built-in default.
    /// </summary>
    public static async Task<Surveys.QuestionSet> QuestionSetAsync(this ISurveyStore surveys, string tenantId,
        Networks.NetworkType type, Timelines.SurveyKind kind, int? version, CancellationToken cancellationToken)
    {
        var stored = (await surveys.ListQuestionSetsAsync(tenantId, cancellationToken)).Where(s => s.Type == type && s.Kind == kind).ToList();
        if (version is { } wanted)
        {
            return stored.FirstOrDefault(s => s.Version == wanted) ?? (wanted == 1
                ? Surveys.QuestionSet.Default(type, kind)
                : throw new InvalidOperationException($"Question set {type}/{kind} version {wanted} is not stored."));
        }

        if (stored.MaxBy(s => s.Version) is { } current) return current;
        var builtIn = Surveys.QuestionSet.Default(type, kind);
        await surveys.AddQuestionSetAsync(tenantId, builtIn, cancellationToken);
        return builtIn;
    }
}
