using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Tests.Networks;

public class NetworkTypeGuideTests
{
    private const GuideAnswer Yes = GuideAnswer.Yes;
    private const GuideAnswer No = GuideAnswer.No;
    private const GuideAnswer Unknown = GuideAnswer.Unknown;

    [Theory]
    [InlineData(Yes, No, No, NetworkType.Innovation)]
    [InlineData(No, Yes, No, NetworkType.Welfare)]
    [InlineData(No, No, Yes, NetworkType.Learning)]
    [InlineData(Unknown, Yes, Unknown, NetworkType.Welfare)]
    public void A_single_yes_recommends_that_type(GuideAnswer manyAreas, GuideAnswer citizenNear, GuideAnswer missingKnowledge, NetworkType expected)
    {
        var result = NetworkTypeGuide.Recommend(new GuideAnswers(manyAreas, citizenNear, missingKnowledge));

        Assert.Equal(GuideOutcome.SingleMatch, result.Outcome);
        Assert.Equal(expected, result.RecommendedType);
        Assert.Equal([expected], result.MatchingTypes);
        Assert.Single(result.Reasons);
    }

    [Fact]
    public void Citizen_near_theme_is_recommended_a_welfare_network_with_a_Danish_reason()
    {
        var result = NetworkTypeGuide.Recommend(new GuideAnswers(CitizenNearBoundedWelfare: Yes));

        Assert.Equal(NetworkType.Welfare, result.RecommendedType);
        Assert.Contains("borgernært perspektiv", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("velfærdsnetværk", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("Chefforum", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Innovation_recommendation_says_Direktoerforum_decides()
    {
        var result = NetworkTypeGuide.Recommend(new GuideAnswers(SpansManyAreasWithComplexProblems: Yes));

        Assert.Contains("Direktørforum", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("innovationsnetværk", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(No, No, No)]
    [InlineData(Unknown, Unknown, Unknown)]
    [InlineData(No, Unknown, No)]
    public void No_yes_gives_no_recommendation_and_says_so(GuideAnswer manyAreas, GuideAnswer citizenNear, GuideAnswer missingKnowledge)
    {
        var result = NetworkTypeGuide.Recommend(new GuideAnswers(manyAreas, citizenNear, missingKnowledge));

        Assert.Equal(GuideOutcome.NoMatch, result.Outcome);
        Assert.Null(result.RecommendedType);
        Assert.Empty(result.MatchingTypes);
        Assert.Empty(result.Reasons);
        Assert.Contains("kan ikke anbefale en type", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanswered_questions_are_pointed_out_when_nothing_matches()
    {
        var unanswered = NetworkTypeGuide.Recommend(new GuideAnswers());
        var allNo = NetworkTypeGuide.Recommend(new GuideAnswers(No, No, No));

        Assert.Contains("ikke besvaret alle spørgsmål", unanswered.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("ikke besvaret", allNo.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_yeses_list_both_candidates_without_picking_one()
    {
        var result = NetworkTypeGuide.Recommend(new GuideAnswers(Yes, Yes, No));

        Assert.Equal(GuideOutcome.SeveralMatches, result.Outcome);
        Assert.Null(result.RecommendedType);
        Assert.Equal([NetworkType.Innovation, NetworkType.Welfare], result.MatchingTypes);
        Assert.Equal(2, result.Reasons.Count);
        Assert.Contains("innovationsnetværk og velfærdsnetværk", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("anbefaler derfor ikke én bestemt type", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_yeses_list_all_three_candidates()
    {
        var result = NetworkTypeGuide.Recommend(new GuideAnswers(Yes, Yes, Yes));

        Assert.Equal(GuideOutcome.SeveralMatches, result.Outcome);
        Assert.Equal(Enum.GetValues<NetworkType>(), result.MatchingTypes);
        Assert.Equal(3, result.Reasons.Count);
        Assert.Contains("innovationsnetværk, velfærdsnetværk og læringsnetværk", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guide_has_one_Danish_question_per_type()
    {
        Assert.Equal(Enum.GetValues<NetworkType>(), NetworkTypeGuide.Questions.Select(q => q.PointsTo));
        Assert.All(NetworkTypeGuide.Questions, q => Assert.EndsWith("?", q.Text, StringComparison.Ordinal));
    }
}
