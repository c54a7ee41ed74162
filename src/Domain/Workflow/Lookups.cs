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
}
