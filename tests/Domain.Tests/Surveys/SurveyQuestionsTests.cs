using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Tests.Surveys;

public class SurveyQuestionsTests
{
    public static TheoryData<SurveyKind, NetworkType> AllSurveys()
    {
        var data = new TheoryData<SurveyKind, NetworkType>();
        foreach (var kind in Enum.GetValues<SurveyKind>())
        {
            foreach (var type in Enum.GetValues<NetworkType>())
            {
                data.Add(kind, type);
            }
        }

        return data;
    }

    private static string[] Keys(SurveyKind kind, NetworkType type) => [.. SurveyQuestions.For(kind, type).Select(q => q.Key)];

    [Theory]
    [MemberData(nameof(AllSurveys))]
    public void Every_survey_has_unique_keys_Danish_texts_and_a_required_question(SurveyKind kind, NetworkType type)
    {
        var questions = SurveyQuestions.For(kind, type);

        Assert.Equal(questions.Count, questions.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(questions, q => Assert.Matches("^[a-z]+(\\.[a-z]+)?$", q.Key));
        Assert.All(questions, q => Assert.True(q.Text.EndsWith('.') || q.Text.EndsWith('?'), q.Text));
        Assert.Contains(questions, q => q.Required);
        Assert.All(questions.Where(q => q.Type == AnswerType.Scale), q =>
        {
            Assert.Equal("Helt uenig", q.LowLabel);
            Assert.Equal("Helt enig", q.HighLabel);
            Assert.Equal((1, 5), (q.Min, q.Max));
        });
    }

    [Fact]
    public void Baseline_is_the_competence_self_assessment()
    {
        var questions = SurveyQuestions.For(SurveyKind.Baseline, NetworkType.Learning);

        Assert.Equal(SurveyQuestions.CompetenceItems, questions.Take(SurveyQuestions.CompetenceItems.Count));
        Assert.All(SurveyQuestions.CompetenceItems, q => Assert.Equal(AnswerType.Scale, q.Type));
    }

    [Fact]
    public void Learning_end_evaluation_repeats_the_baseline_items_with_the_same_keys_and_texts()
    {
        var end = SurveyQuestions.For(SurveyKind.End, NetworkType.Learning);

        Assert.All(SurveyQuestions.CompetenceItems, item => Assert.Contains(item, end));
    }

    [Fact]
    public void Learning_end_evaluation_asks_how_the_new_knowledge_will_be_put_into_play_and_about_the_target()
    {
        var end = SurveyQuestions.For(SurveyKind.End, NetworkType.Learning);

        var plan = Assert.Single(end, q => q.Key == "knowledge.plan");
        Assert.Equal("Hvordan vil du sætte den nye viden i spil i din praksis?", plan.Text);
        Assert.Equal(AnswerType.FreeText, plan.Type);
        Assert.True(plan.Required);
        Assert.Contains(end, q => q.Key == "competence.improved" && q.Text.Contains("forbedret mine kompetencer", StringComparison.Ordinal));
    }

    [Fact]
    public void Welfare_end_evaluation_asks_whether_citizens_and_employees_experience_an_improvement()
    {
        var keys = Keys(SurveyKind.End, NetworkType.Welfare);

        Assert.Contains("improvement.routines", keys);
        Assert.Contains("improvement.citizens", keys);
        Assert.Contains("improvement.employees", keys);
        Assert.DoesNotContain("proposals.count", keys);
    }

    [Fact]
    public void Innovation_end_evaluation_asks_for_the_number_and_titles_of_proposals_for_new_welfare_services()
    {
        var end = SurveyQuestions.For(SurveyKind.End, NetworkType.Innovation);

        var count = Assert.Single(end, q => q.Key == "proposals.count");
        Assert.Equal(AnswerType.Number, count.Type);
        Assert.True(count.Required);
        Assert.Equal((0, 99), (count.Min, count.Max));
        var titles = Assert.Single(end, q => q.Key == "proposals.titles");
        Assert.Equal(AnswerType.FreeText, titles.Type);
    }

    [Fact]
    public void Mid_term_asks_about_proposals_only_in_innovation_networks()
    {
        Assert.Contains("midterm.proposals", Keys(SurveyKind.MidTerm, NetworkType.Innovation));
        Assert.DoesNotContain("midterm.proposals", Keys(SurveyKind.MidTerm, NetworkType.Welfare));
    }

    [Theory]
    [InlineData(NetworkType.Innovation)]
    [InlineData(NetworkType.Welfare)]
    [InlineData(NetworkType.Learning)]
    public void Follow_up_asks_for_outcome_whether_it_made_a_difference_in_the_base_organisation(NetworkType type)
    {
        var difference = Assert.Single(SurveyQuestions.For(SurveyKind.FollowUp, type), q => q.Key == "outcome.difference");

        Assert.Equal(AnswerType.YesNo, difference.Type);
        Assert.True(difference.Required);
    }

    [Fact]
    public void Learning_follow_up_first_asks_whether_the_knowledge_has_been_put_into_play()
    {
        var first = SurveyQuestions.For(SurveyKind.FollowUp, NetworkType.Learning)[0];

        Assert.Equal("knowledge.used", first.Key);
        Assert.Equal(AnswerType.YesNo, first.Type);
    }

    [Fact]
    public void Welfare_follow_up_repeats_the_end_evaluations_improvement_items_so_output_and_outcome_compare()
    {
        var end = SurveyQuestions.For(SurveyKind.End, NetworkType.Welfare).Where(q => q.Key.StartsWith("improvement.", StringComparison.Ordinal) && q.Type == AnswerType.Scale);
        var followUp = SurveyQuestions.For(SurveyKind.FollowUp, NetworkType.Welfare);

        Assert.All(end, item => Assert.Contains(item, followUp));
    }

    [Fact]
    public void Innovation_follow_up_asks_whether_proposals_were_carried_on()
    {
        Assert.Contains("proposals.continued", Keys(SurveyKind.FollowUp, NetworkType.Innovation));
    }
}
