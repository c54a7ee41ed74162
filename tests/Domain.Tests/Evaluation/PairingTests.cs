using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Evaluation.EvaluationFixtures;

namespace Netvaerk.Domain.Tests.Evaluation;

public class PairingTests
{
    private static readonly IReadOnlyList<SurveyQuestion> Items = SurveyQuestions.CompetenceItems;

    private static SurveyResponse Before(string person, int value) => Response(SurveyKind.Baseline, person, All(Items, value));

    private static SurveyResponse After(string person, int value) => Response(SurveyKind.End, person, All(Items, value));

    [Fact]
    public void Change_is_computed_per_person_and_only_the_aggregate_is_given()
    {
        // Six people: four rise by one, one stays, one falls. The means alone would say +0.5 for "everyone".
        SurveyResponse[] before = [Before("a", 2), Before("b", 2), Before("c", 3), Before("d", 3), Before("e", 4), Before("f", 4)];
        SurveyResponse[] after = [After("a", 3), After("b", 3), After("c", 4), After("d", 4), After("e", 4), After("f", 3)];

        var change = Pairing.Compare(Items, before, after);

        Assert.False(change.Suppressed);
        Assert.Equal(6, change.Pairs);
        Assert.Equal((4, 1, 1), (change.Improved, change.Unchanged, change.Worsened));
        Assert.Equal(3.0, change.MeanBefore!.Value, 6);
        Assert.Equal(3.5, change.MeanAfter!.Value, 6);
        Assert.Equal(4 / 6.0, change.ShareImproved!.Value, 6);
        Assert.All(change.Items, i => Assert.Equal(0.5, i.Change!.Value, 6));
    }

    [Fact]
    public void People_who_answered_only_once_or_without_a_key_are_not_paired()
    {
        SurveyResponse[] before = [.. "abcde".Select(p => Before(p.ToString(), 2)), Before("only-before", 1),
            new SurveyResponse("net-1/Baseline", Sent, All(Items, 1))];
        SurveyResponse[] after = [.. "abcde".Select(p => After(p.ToString(), 4)), After("only-after", 5),
            new SurveyResponse("net-1/End", Sent, All(Items, 5))];

        var change = Pairing.Compare(Items, before, after);

        Assert.Equal(5, change.Pairs);
        Assert.Equal(2.0, change.MeanBefore);
        Assert.Equal(4.0, change.MeanAfter);
    }

    [Fact]
    public void A_person_scores_on_the_items_they_answered_and_an_item_pairs_only_when_answered_both_times()
    {
        var partial = new Dictionary<string, string> { ["competence.knowledge"] = "1" };
        SurveyResponse[] before = [.. "abcde".Select(p => Before(p.ToString(), 2)), Response(SurveyKind.Baseline, "f", partial)];
        SurveyResponse[] after = [.. "abcdef".Select(p => After(p.ToString(), 3))];

        var change = Pairing.Compare(Items, before, after);

        Assert.Equal(6, change.Pairs);
        Assert.Equal(6, change.Items.Single(i => i.Question.Key == "competence.knowledge").Pairs);
        Assert.Equal(5, change.Items.Single(i => i.Question.Key == "competence.practice").Pairs);
    }

    [Fact]
    public void Fewer_pairs_than_the_threshold_give_no_figure()
    {
        SurveyResponse[] before = [.. "abcd".Select(p => Before(p.ToString(), 2))];
        SurveyResponse[] after = [.. "abcdefgh".Select(p => After(p.ToString(), 4))];

        var change = Pairing.Compare(Items, before, after);

        Assert.True(change.Suppressed);
        Assert.Equal(4, change.Pairs);
        Assert.Null(change.MeanBefore);
        Assert.Null(change.Improved);
        Assert.All(change.Items, i => Assert.True(i.Suppressed));
    }
}
