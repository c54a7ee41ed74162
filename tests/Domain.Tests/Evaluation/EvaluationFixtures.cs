using System.Globalization;
using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Tests.Evaluation;

/// <summary>Responses as the survey workflow stores them: answers, a respondent key per person, a group.</summary>
internal static class EvaluationFixtures
{
    public static readonly DateTimeOffset Sent = new(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(1));

    public static readonly RespondentKeys Keys = new(new byte[32]);

    public static Survey Survey(SurveyKind kind, int day = 0) =>
        new($"net-1/{kind}", "net-1", kind.ToString(), kind, Sent.AddDays(day), Sent.AddDays(day + 14));

    public static SurveyResponse Response(
        SurveyKind kind, string person, IReadOnlyDictionary<string, string> answers, RespondentGroup group = RespondentGroup.Employee) =>
        new($"net-1/{kind}", Sent.AddDays(1), answers) { RespondentKey = Keys.For("net-1", person + "@albertslund.dk"), Group = group };

    /// <summary>Every item answered with the same value.</summary>
    public static Dictionary<string, string> All(IEnumerable<Domain.Surveys.SurveyQuestion> items, int value) =>
        items.ToDictionary(q => q.Key, _ => value.ToString(CultureInfo.InvariantCulture));
}
