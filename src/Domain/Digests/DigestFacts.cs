using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Digests;

/// <summary>
/// What went out from a network in the past week, one line per message (not per recipient): the host groups the
/// outbox entries it delivered by subject.
/// </summary>
/// <param name="Subject">The message's subject.</param>
/// <param name="SentAt">When it went out (the first delivery, if spread out).</param>
/// <param name="Recipients">How many it went to.</param>
public sealed record SentItem(string Subject, DateTimeOffset SentAt, int Recipients);

/// <summary>How far a survey has come: invitations, answers and when it closes.</summary>
public sealed record SurveyProgress(SurveyKind Kind, int Invited, int Answered, DateTimeOffset ClosesAt)
{
    /// <summary>Answered / invited between 0 and 1; 0 when nobody was invited.</summary>
    public double ResponseRate => Invited <= 0 ? 0 : Math.Clamp((double)Answered / Invited, 0, 1);

    /// <summary>The survey still takes answers at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now) => now < ClosesAt;

    /// <summary>The progress of a stored survey from the people it invited and those who answered.</summary>
    public static SurveyProgress Of(Survey survey, PeopleCount people)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return new SurveyProgress(survey.Kind, people.Invited, people.Answered, survey.ClosesAt);
    }
}
