using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Evaluation.EvaluationFixtures;

namespace Netvaerk.Domain.Tests.Evaluation;

/// <summary>The threshold holds for every figure the Domain hands out: question results, group breakdowns, pairs, targets.</summary>
public class AnonymityTests
{
    private const int Threshold = 5;

    private static readonly IReadOnlyList<SurveyQuestion> WelfareEnd = SurveyQuestions.For(SurveyKind.End, NetworkType.Welfare);

    [Fact]
    public void A_breakdown_by_group_withholds_the_small_group_and_the_one_that_would_give_it_back()
    {
        var responses = Enumerable.Range(0, 12).Select(i => Answer(i, 4, RespondentGroup.Employee))
            .Concat(Enumerable.Range(12, 2).Select(i => Answer(i, 1, RespondentGroup.Citizen)))
            .Concat(Enumerable.Range(14, 6).Select(i => Answer(i, 3, RespondentGroup.Other)))
            .ToArray();

        var summary = SurveyResults.Summarise(WelfareEnd, [], responses, Threshold);
        var question = summary.Questions.Single(q => q.Question.Key == "improvement.citizens");

        Assert.Equal(20, question.Respondents);
        var employees = question.Groups.Single(g => g.Group == RespondentGroup.Employee);
        Assert.Equal((false, 12, 4.0), (employees.Suppressed, employees.Respondents, employees.Mean));
        Assert.True(question.Groups.Single(g => g.Group == RespondentGroup.Citizen).Suppressed);
        // Others (6) are enough on their own, but published with the total they would give the two citizens away.
        var others = question.Groups.Single(g => g.Group == RespondentGroup.Other);
        Assert.True(others.Suppressed);
        Assert.Null(others.Respondents);
        Assert.Null(others.Mean);
    }

    [Fact]
    public void Choice_questions_count_each_option_in_the_questions_order()
    {
        var question = SurveyQuestions.For(SurveyKind.End, NetworkType.Innovation).Single(q => q.Type == AnswerType.MultipleChoice);
        var responses = new[] { "borgere,virksomheder", "borgere", "eksperter,borgere", "ingen", "borgere" }
            .Select((v, i) => Response(SurveyKind.End, $"p{i}", new Dictionary<string, string> { [question.Key] = v }))
            .ToArray();

        var result = SurveyResults.Summarise([question], [], responses, Threshold).Questions.Single();

        Assert.Equal(5, result.Respondents);
        Assert.Equal([4, 1, 0, 0, 0, 1, 1], result.Choices!.Select(c => c.Count));
        Assert.Equal("Borgere", result.Choices![0].Option.Label);
    }

    /// <summary>
    /// Random surveys of random groups with random gaps: no published question figure, group figure, pair figure or
    /// target rests on fewer than the threshold, and no group can be recovered from a question's total by subtraction.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property No_published_figure_ever_rests_on_fewer_respondents_than_the_threshold() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.Choose(0, 5), Gen.Choose(0, 2))).Where(l => l.Count < 30).ToArbitrary(),
            Gen.ListOf(Gen.Zip(Gen.Choose(0, 5), Gen.Choose(0, 2))).Where(l => l.Count < 30).ToArbitrary(),
            (befores, afters) =>
            {
                // 0 leaves the question blank; 1–5 answer every relational-coordination and improvement item.
                var before = befores.Select((x, i) => Answer(i, x.Item1, (RespondentGroup)x.Item2, SurveyKind.Baseline)).ToArray();
                var after = afters.Select((x, i) => Answer(i, x.Item1, (RespondentGroup)x.Item2)).ToArray();

                var summary = SurveyResults.Summarise(WelfareEnd, [], after, Threshold);
                foreach (var q in summary.Questions)
                {
                    if (q.Suppressed)
                    {
                        if (q.Mean is not null || q.Distribution is not null || q.Groups.Count > 0 || q.Texts.Count > 0) return false;
                        continue;
                    }

                    if (q.Respondents < Threshold) return false;
                    var published = q.Groups.Where(g => !g.Suppressed).ToArray();
                    if (published.Any(g => g.Respondents < Threshold)) return false;
                    var left = q.Respondents - published.Sum(g => g.Respondents ?? 0);
                    if (left is > 0 and < Threshold) return false;
                }

                var change = Pairing.Compare(SurveyQuestions.RelationalCoordinationItems, before, after, Threshold);
                if (!change.Suppressed && change.Pairs < Threshold) return false;
                if (change.Suppressed && (change.MeanAfter is not null || change.Improved is not null)) return false;
                if (change.Items.Any(i => !i.Suppressed && i.Pairs < Threshold)) return false;

                var target = Targets.ForNetwork(NetworkType.Welfare,
                    [new SurveyAnswersOf(Survey(SurveyKind.Baseline), before), new SurveyAnswersOf(Survey(SurveyKind.End), after)], Threshold);
                return target.Suppressed ? target.Share is null && target.Met is null : target.Respondents >= Threshold;
            });

    private static SurveyResponse Answer(int person, int value, RespondentGroup group, SurveyKind kind = SurveyKind.End)
    {
        var answers = value == 0
            ? new Dictionary<string, string>()
            : SurveyQuestions.RelationalCoordinationItems.Concat(SurveyQuestions.ImprovementItems)
                .ToDictionary(q => q.Key, _ => value.ToString(CultureInfo.InvariantCulture));
        return Response(kind, $"p{person}", answers, group);
    }
}
