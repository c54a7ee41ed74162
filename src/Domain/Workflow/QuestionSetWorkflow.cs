using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Workflow;

/// <summary>One question set: the version surveys are sent with now, and every version made.</summary>
public sealed record QuestionSetHistory(NetworkType Type, SurveyKind Kind, QuestionSet Current, IReadOnlyList<QuestionSet> Versions);

/// <summary>The secretariat's question sets: read them, and make a new version.</summary>
public sealed class QuestionSetWorkflow(ISurveyStore surveys, WorkflowSettings settings, TimeProvider time)
{
    private string Tenant => settings.TenantId;

    /// <summary>The sets the types' timelines send, by type then survey order.</summary>
    public async Task<IReadOnlyList<QuestionSetHistory>> ListAsync(CancellationToken cancellationToken = default)
    {
        var stored = await surveys.ListQuestionSetsAsync(Tenant, cancellationToken);
        return [.. Sent().Select(x => History(x.Type, x.Kind, stored))];
    }

    public async Task<QuestionSetHistory> GetAsync(NetworkType type, SurveyKind kind, CancellationToken cancellationToken = default)
    {
        if (!Sent().Contains((type, kind))) throw new NotFoundException("Netværkstypen sender ikke det spørgeskema.");
        return History(type, kind, await surveys.ListQuestionSetsAsync(Tenant, cancellationToken));
    }

    /// <summary>
    /// Makes the next version from <paramref name="basedOn"/>, which must still be the current one (else someone else
    /// saved first: a conflict, nothing stored). Surveys already sent keep their version.
    /// </summary>
    public async Task<QuestionSet> ReviseAsync(NetworkType type, SurveyKind kind, int basedOn, IReadOnlyList<SurveyQuestion> questions, string by,
        CancellationToken cancellationToken = default)
    {
        var current = (await GetAsync(type, kind, cancellationToken)).Current;
        const string Conflict = "Spørgeskemaet er ændret af en anden, mens du redigerede. Åbn det igen, og gentag din ændring.";
        if (current.Version != basedOn) throw new DomainException("question-set-changed", Conflict);
        var next = current.Revise(questions, time.GetUtcNow(), by);
        // The default lives in code: stored before the first edit, so version 1 stays what it was whatever the code becomes.
        if (current.Version == 1) await surveys.AddQuestionSetAsync(Tenant, current, cancellationToken);
        if (!await surveys.AddQuestionSetAsync(Tenant, next, cancellationToken)) throw new DomainException("question-set-changed", Conflict);
        return next;
    }

    /// <summary>The kinds each type's default timeline sends.</summary>
    private static IEnumerable<(NetworkType Type, SurveyKind Kind)> Sent()
    {
        foreach (var type in new[] { NetworkType.Innovation, NetworkType.Welfare, NetworkType.Learning })
        {
            var template = TimelineTemplates.For(type);
            if (template.BaselineSurvey) yield return (type, SurveyKind.Baseline);
            if (template.MidTermEvaluationAfterMeeting is not null) yield return (type, SurveyKind.MidTerm);
            yield return (type, SurveyKind.End);
            yield return (type, SurveyKind.FollowUp);
        }
    }

    private static QuestionSetHistory History(NetworkType type, SurveyKind kind, IReadOnlyList<QuestionSet> stored)
    {
        var versions = QuestionSet.Versions(type, kind, stored);
        return new QuestionSetHistory(type, kind, versions[^1], versions);
    }
}
