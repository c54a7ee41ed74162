using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Tests.Surveys;

public class QuestionSetTests
{
    private static readonly DateTimeOffset At = new(2027, 5, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly QuestionSet Learning = QuestionSet.Default(NetworkType.Learning, SurveyKind.End);

    [Fact]
    public void The_default_is_version_1_with_the_built_in_questions()
    {
        Assert.Equal(1, Learning.Version);
        Assert.Equal(SurveyQuestions.For(SurveyKind.End, NetworkType.Learning).Select(q => q.Key), Learning.Questions.Select(q => q.Key));
    }

    [Fact]
    public void A_revision_is_the_next_version_and_leaves_the_old_one_as_it_was()
    {
        var reworded = Learning.Questions.Select(q => q.Key == "purpose.achieved" ? q with { Text = "Netværket nåede sit formål." } : q).ToArray();

        var next = Learning.Revise(reworded, At, "sekretariat@albertslund.dk");

        Assert.Equal(2, next.Version);
        Assert.Equal("Netværket nåede sit formål.", next.Questions[0].Text);
        Assert.Equal("Netværket har indfriet sit formål.", Learning.Questions[0].Text);
        Assert.Equal((At, "sekretariat@albertslund.dk"), (next.CreatedAt, next.CreatedBy));
    }

    public static TheoryData<string, SurveyQuestion[]> Refused => new()
    {
        { "no-questions", [] },
        { "question-text", [new("a", " ", AnswerType.Scale, true)] },
        { "duplicate-key", [new("a", "Et", AnswerType.Scale, true), new("a", "To", AnswerType.FreeText, false)] },
        { "question-options", [new("a", "Vælg", AnswerType.SingleChoice, true) { Options = [new("x", "X")] }] },
        { "question-options", [new("a", "Vælg", AnswerType.MultipleChoice, true) { Options = [new("x", "X"), new("x", "Y")] }] },
        { "question-options", [new("a", "Vælg", AnswerType.MultipleChoice, true) { Options = [new("x,y", "X"), new("z", "Z")] }] },
        { "nothing-required", [new("a", "Et", AnswerType.Scale, false)] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_revision_that_cannot_be_answered_is_refused_in_Danish(string code, SurveyQuestion[] questions)
    {
        var refused = Assert.Throws<DomainException>(() => Learning.Revise(questions, At, "sekretariat@albertslund.dk"));
        Assert.Equal(code, refused.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
    }
}
