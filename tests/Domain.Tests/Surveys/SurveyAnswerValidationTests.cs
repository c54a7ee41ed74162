using Netvaerk.Domain.Surveys;

namespace Netvaerk.Domain.Tests.Surveys;

public class SurveyAnswerValidationTests
{
    private static readonly SurveyQuestion[] Questions =
    [
        new("purpose.achieved", "Netværket har indfriet sit formål.", AnswerType.Scale, Required: true),
        new("outcome.difference", "Har det gjort en forskel?", AnswerType.YesNo, Required: true),
        new("proposals.count", "Hvor mange forslag?", AnswerType.Number, Required: false),
        new("comment", "Andet?", AnswerType.FreeText, Required: false),
    ];

    private static Dictionary<string, string> Valid() => new()
    {
        ["purpose.achieved"] = "4",
        ["outcome.difference"] = "ja",
        ["proposals.count"] = "2",
        ["comment"] = "Godt netværk.",
    };

    private static IReadOnlyList<SurveyProblem> Validate(Dictionary<string, string> answers) =>
        SurveyAnswerValidation.Validate(Questions, answers);

    [Fact]
    public void Complete_valid_answers_have_no_problems() => Assert.Empty(Validate(Valid()));

    [Fact]
    public void Blank_optional_answers_are_fine()
    {
        var answers = Valid();
        answers.Remove("proposals.count");
        answers["comment"] = "   ";

        Assert.Empty(Validate(answers));
    }

    [Fact]
    public void Missing_or_blank_required_answers_are_problems_in_question_order()
    {
        var answers = Valid();
        answers.Remove("purpose.achieved");
        answers["outcome.difference"] = " ";

        Assert.Equal(
            [new("purpose.achieved", "Spørgsmålet skal besvares."), new("outcome.difference", "Spørgsmålet skal besvares.")],
            Validate(answers));
    }

    [Fact]
    public void Answers_to_questions_the_survey_does_not_have_are_problems()
    {
        var answers = Valid();
        answers["zeta"] = "1";
        answers["alpha"] = "x";

        Assert.Equal(
            [new("alpha", "Spørgsmålet findes ikke i denne undersøgelse."), new("zeta", "Spørgsmålet findes ikke i denne undersøgelse.")],
            Validate(answers));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("3.5")]
    [InlineData("-1")]
    [InlineData("+3")]
    [InlineData("tre")]
    public void Scale_answers_outside_1_to_5_are_problems(string value)
    {
        var answers = Valid();
        answers["purpose.achieved"] = value;

        var problem = Assert.Single(Validate(answers));
        Assert.Equal(new SurveyProblem("purpose.achieved", "Svaret skal være et helt tal fra 1 til 5."), problem);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("5")]
    [InlineData(" 3 ")]
    public void Scale_answers_from_1_to_5_are_fine(string value)
    {
        var answers = Valid();
        answers["purpose.achieved"] = value;

        Assert.Empty(Validate(answers));
    }

    [Fact]
    public void Numbers_outside_0_to_99_are_problems()
    {
        var answers = Valid();
        answers["proposals.count"] = "100";

        Assert.Equal([new("proposals.count", "Svaret skal være et helt tal fra 0 til 99.")], Validate(answers));
    }

    [Theory]
    [InlineData("måske")]
    [InlineData("yes")]
    [InlineData("1")]
    public void Yes_no_answers_other_than_ja_or_nej_are_problems(string value)
    {
        var answers = Valid();
        answers["outcome.difference"] = value;

        Assert.Equal([new("outcome.difference", "Svar ja eller nej.")], Validate(answers));
    }

    [Fact]
    public void Text_over_2000_characters_is_a_problem()
    {
        var answers = Valid();
        answers["comment"] = new string('x', 2001);

        Assert.Equal([new("comment", "Svaret må højst være på 2.000 tegn; det er på 2.001.")], Validate(answers));
    }

    [Fact]
    public void Text_of_exactly_2000_characters_with_browser_line_breaks_is_fine()
    {
        var answers = Valid();
        answers["comment"] = string.Concat(new string('x', 999), "\r\n", new string('y', 1000));

        Assert.Empty(Validate(answers));
    }

    [Fact]
    public void Normalise_trims_unifies_and_drops_blank_answers()
    {
        var answers = new Dictionary<string, string>
        {
            ["purpose.achieved"] = " 04 ",
            ["outcome.difference"] = "JA",
            ["proposals.count"] = "",
            ["comment"] = "  To linjer\r\nher  ",
        };

        var stored = SurveyAnswerValidation.Normalise(Questions, answers);

        Assert.Equal(
            new Dictionary<string, string> { ["purpose.achieved"] = "4", ["outcome.difference"] = "ja", ["comment"] = "To linjer\nher" },
            stored);
    }

    [Fact]
    public void Normalise_refuses_answers_with_problems()
    {
        var answers = Valid();
        answers["purpose.achieved"] = "9";

        Assert.Throws<ArgumentException>(() => SurveyAnswerValidation.Normalise(Questions, answers));
    }
}
