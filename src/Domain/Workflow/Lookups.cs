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

    /// <summary>A started network's progress toward its type's target, from its surveys' answers.</summary>
    public static async Task<Evaluation.TargetProgress> TargetAsync(this ISurveyStore surveys, string tenantId, NetworkRecord record,
        int anonymityThreshold, CancellationToken cancellationToken) =>
        Evaluation.Targets.ForNetwork(record.Network.Contract.Type ?? Networks.NetworkType.Welfare,
            await surveys.AnsweredAsync(tenantId, record.Network.Id.ToString(), cancellationToken), anonymityThreshold);

    /// <summary>
    /// The current question set, stored now if it is still the built-in default, so what a survey is sent with is kept
    /// whatever later code says.
    /// </summary>
    public static async Task<Surveys.QuestionSet> CurrentQuestionSetAsync(this ISurveyStore surveys, string tenantId,
        Networks.NetworkType type, Timelines.SurveyKind kind, CancellationToken cancellationToken)
    {
        var stored = await surveys.ListQuestionSetsAsync(tenantId, cancellationToken);
        var current = Surveys.QuestionSet.Versions(type, kind, stored)[^1];
        if (current.Version == 1 && !stored.Contains(current)) await surveys.AddQuestionSetAsync(tenantId, current, cancellationToken);
        return current;
    }

    /// <summary>The questions of the version a survey was sent with, among the stored sets.</summary>
    public static IReadOnlyList<Surveys.SurveyQuestion> QuestionsOf(Survey survey, Networks.NetworkType type, IReadOnlyList<Surveys.QuestionSet> stored) =>
        (Surveys.QuestionSet.Versions(type, survey.Kind, stored).FirstOrDefault(s => s.Version == survey.QuestionSetVersion)
            ?? throw new InvalidOperationException($"Question set {type}/{survey.Kind} version {survey.QuestionSetVersion} is not stored.")).Questions;
}
