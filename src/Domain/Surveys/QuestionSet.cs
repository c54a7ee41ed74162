using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Surveys;

/// <summary>
/// The questions of one survey kind in one network type, as one version. A survey records the version it was sent
/// with and is always shown and summarised with it; a set is never changed once stored — the secretariat's edit makes
/// the next version, which the surveys sent from then on use. Keys carry over, so answers still compare across versions.
/// </summary>
/// <param name="Version">1 is the built-in default (<see cref="SurveyQuestions"/>); each edit adds one.</param>
/// <param name="CreatedBy">Who made the version ("standard" for the default).</param>
public sealed record QuestionSet(NetworkType Type, SurveyKind Kind, int Version, IReadOnlyList<SurveyQuestion> Questions, DateTimeOffset CreatedAt, string CreatedBy)
{
    public const int MaxQuestions = 40;

    public const int MaxOptions = 12;

    public const int MaxTextLength = 500;

    /// <summary>The built-in set, version 1.</summary>
    public static QuestionSet Default(NetworkType type, SurveyKind kind) =>
        new(type, kind, 1, SurveyQuestions.For(kind, type), DateTimeOffset.UnixEpoch, "standard");

    /// <summary>
    /// Every version of one type's set for one kind among the stored ones, oldest first; version 1 is the built-in
    /// default until it is stored. The last is the current one.
    /// </summary>
    public static IReadOnlyList<QuestionSet> Versions(NetworkType type, SurveyKind kind, IEnumerable<QuestionSet> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var versions = stored.Where(s => s.Type == type && s.Kind == kind).OrderBy(s => s.Version).ToList();
        if (versions.Count == 0 || versions[0].Version != 1) versions.Insert(0, Default(type, kind));
        return versions;
    }

    /// <summary>
    /// The next version with these questions. Refused (a <see cref="DomainException"/> in Danish) when a question has no
    /// text, a key repeats, a choice question has fewer than two options or repeats one, or nothing is required — an
    /// empty answer must not count as a response.
    /// </summary>
    public QuestionSet Revise(IReadOnlyList<SurveyQuestion> questions, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (questions.Count == 0) throw new DomainException("no-questions", "Spørgeskemaet skal have mindst ét spørgsmål.");
        if (questions.Count > MaxQuestions) throw new DomainException("too-many-questions", $"Spørgeskemaet må højst have {MaxQuestions} spørgsmål.");
        if (questions.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count() != questions.Count)
        {
            throw new DomainException("duplicate-key", "To spørgsmål har samme nøgle.");
        }

        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(q.Text)) throw new DomainException("question-text", $"Spørgsmål {n} mangler en tekst.");
            if (q.Text.Length > MaxTextLength || (q.Help?.Length ?? 0) > MaxTextLength)
            {
                throw new DomainException("question-text", $"Spørgsmål {n} må højst være på {MaxTextLength} tegn, og det samme gælder hjælpeteksten.");
            }

            if (q.Type is AnswerType.SingleChoice or AnswerType.MultipleChoice)
            {
                if (q.Options.Count is < 2 or > MaxOptions)
                {
                    throw new DomainException("question-options", $"Spørgsmål {n} skal have mellem 2 og {MaxOptions} svarmuligheder.");
                }

                if (q.Options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != q.Options.Count
                    || q.Options.Any(o => string.IsNullOrWhiteSpace(o.Label) || string.IsNullOrEmpty(o.Value) || o.Value.Contains(',', StringComparison.Ordinal)))
                {
                    throw new DomainException("question-options", $"Spørgsmål {n} har en tom eller gentaget svarmulighed.");
                }
            }
        }

        if (!questions.Any(q => q.Required)) throw new DomainException("nothing-required", "Mindst ét spørgsmål skal være obligatorisk.");
        return this with { Version = Version + 1, Questions = [.. questions], CreatedAt = at, CreatedBy = by };
    }
}
