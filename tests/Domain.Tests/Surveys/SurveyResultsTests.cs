using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;

namespace Netvaerk.Domain.Tests.Surveys;

public class SurveyResultsTests
{
    private const string SurveyId = "net-1/end-evaluation";

    private static readonly DateTimeOffset Sent = new(2027, 6, 1, 8, 0, 0, TimeSpan.FromHours(2));

    private static readonly SurveyQuestion[] Questions =
    [
        new("purpose.achieved", "Netværket har indfriet sit formål.", AnswerType.Scale, Required: true),
        new("outcome.difference", "Har det gjort en forskel?", AnswerType.YesNo, Required: true),
        new("proposals.count", "Hvor mange forslag?", AnswerType.Number, Required: false),
        new("comment", "Andet?", AnswerType.FreeText, Required: false),
    ];

    private static SurveyInvitation[] Invitations(int invited, int answered) =>
    [
        .. Enumerable.Range(0, invited).Select(i => new SurveyInvitation(
            SurveyId, $"deltager{i}@albertslund.dk", $"Deltager {i}", $"hash{i}", Sent.AddDays(14), i < answered ? Sent.AddDays(1) : null)),
    ];

    private static SurveyResponse Response(string scale, string yesNo, string? number = null, string? comment = null)
    {
        var answers = new Dictionary<string, string> { ["purpose.achieved"] = scale, ["outcome.difference"] = yesNo };
        if (number is not null) answers["proposals.count"] = number;
        if (comment is not null) answers["comment"] = comment;
        return new SurveyResponse(SurveyId, Sent.AddDays(1), answers);
    }

    private static SurveyResponse[] Responses(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Response(((i % 5) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? "ja" : "nej", "1", $"Svar {i}"))];

    [Fact]
    public void Response_rate_is_answered_over_invited()
    {
        var summary = SurveyResults.Summarise(Questions, Invitations(8, 3), Responses(3));

        Assert.Equal((8, 3, 3), (summary.Invited, summary.Answered, summary.Respondents));
        Assert.Equal(0.375, summary.ResponseRate, 10);
    }

    [Fact]
    public void Response_rate_is_zero_when_nobody_was_invited()
    {
        var summary = SurveyResults.Summarise(Questions, [], []);

        Assert.Equal(0, summary.ResponseRate);
        Assert.True(summary.Suppressed);
    }

    [Fact]
    public void With_4_respondents_every_aggregate_is_suppressed_with_a_Danish_note()
    {
        var summary = SurveyResults.Summarise(Questions, Invitations(10, 4), Responses(4));

        Assert.True(summary.Suppressed);
        Assert.All(summary.Questions, q =>
        {
            Assert.True(q.Suppressed);
            Assert.Equal("Skjult: færre end 5 svar", q.Note);
            Assert.Equal(4, q.Respondents);
            Assert.Null(q.Mean);
            Assert.Null(q.Distribution);
            Assert.Null(q.Yes);
            Assert.Null(q.No);
            Assert.Empty(q.Texts);
        });
    }

    [Fact]
    public void With_5_respondents_the_aggregates_are_shown()
    {
        var summary = SurveyResults.Summarise(Questions, Invitations(10, 5), Responses(5));

        Assert.False(summary.Suppressed);
        Assert.All(summary.Questions, q => Assert.False(q.Suppressed));
        var scale = summary.Questions[0];
        Assert.Equal(3.0, scale.Mean);
        Assert.Equal([new(1, 1), new(2, 1), new(3, 1), new(4, 1), new(5, 1)], scale.Distribution);
        var yesNo = summary.Questions[1];
        Assert.Equal((3, 2), (yesNo.Yes, yesNo.No));
        var number = summary.Questions[2];
        Assert.Equal([new ValueCount(1, 5)], number.Distribution);
        var text = summary.Questions[3];
        Assert.Equal(5, text.Respondents);
        Assert.Equal(["Svar 0", "Svar 1", "Svar 2", "Svar 3", "Svar 4"], text.Texts);
    }

    [Fact]
    public void Scale_distribution_lists_every_value_from_1_to_5_including_zeros()
    {
        var responses = new[] { Response("4", "ja"), Response("4", "ja"), Response("5", "ja"), Response("4", "nej"), Response("2", "ja") };

        var scale = SurveyResults.Summarise(Questions, Invitations(5, 5), responses).Questions[0];

        Assert.Equal(3.8, scale.Mean!.Value, 10);
        Assert.Equal([new(1, 0), new(2, 1), new(3, 0), new(4, 3), new(5, 1)], scale.Distribution);
    }

    [Fact]
    public void A_question_answered_by_fewer_than_5_is_suppressed_even_when_the_survey_has_enough_respondents()
    {
        var responses = new[]
        {
            Response("4", "ja", comment: "Et"), Response("4", "ja", comment: "To"), Response("5", "ja"),
            Response("4", "nej"), Response("2", "ja", comment: "Tre"), Response("3", "nej", comment: "Fire"),
        };

        var summary = SurveyResults.Summarise(Questions, Invitations(6, 6), responses);

        Assert.False(summary.Questions[0].Suppressed);
        var text = summary.Questions[3];
        Assert.True(text.Suppressed);
        Assert.Equal(4, text.Respondents);
        Assert.Empty(text.Texts);
        Assert.True(summary.Questions[2].Suppressed);
        Assert.Equal(0, summary.Questions[2].Respondents);
    }

    [Fact]
    public void Free_texts_are_shown_in_alphabetical_order_not_in_the_order_they_came_in()
    {
        var responses = new[] { "Øje", "Banan", "Citron", "Abe", "Dadel" }.Select(c => Response("3", "ja", comment: c)).ToArray();

        var text = SurveyResults.Summarise(Questions, Invitations(5, 5), responses).Questions[3];

        Assert.Equal(["Abe", "Banan", "Citron", "Dadel", "Øje"], text.Texts);
    }

    [Fact]
    public void Invalid_stored_answers_are_left_out_of_the_aggregate()
    {
        var responses = Responses(5).Append(Response("9", "måske")).ToArray();

        var summary = SurveyResults.Summarise(Questions, Invitations(6, 6), responses);

        Assert.Equal(6, summary.Respondents);
        Assert.Equal(5, summary.Questions[0].Respondents);
        Assert.Equal(5, summary.Questions[1].Respondents);
    }

    [Fact]
    public void Threshold_is_configurable()
    {
        var summary = SurveyResults.Summarise(Questions, Invitations(3, 3), Responses(3), anonymityThreshold: 3);

        Assert.False(summary.Questions[0].Suppressed);
        Assert.Equal("Skjult: færre end 10 svar", SurveyResults.Summarise(Questions, Invitations(3, 3), Responses(3), 10).Questions[0].Note);
    }

    [Fact]
    public void Invitations_and_responses_of_different_surveys_are_refused()
    {
        var other = new SurveyResponse("net-2/end-evaluation", Sent, new Dictionary<string, string>());

        Assert.Throws<ArgumentException>(() => SurveyResults.Summarise(Questions, Invitations(1, 1), [other]));
    }

    [Fact]
    public void The_response_rate_history_grows_day_by_day_in_Danish_time()
    {
        // Sent 1 June 08:00 (summer time); answers at 23:30 Danish time on 1 June fall on that day, not the next.
        SurveyInvitation Answered(int i, DateTimeOffset? at) => new(SurveyId, $"p{i}@albertslund.dk", $"P{i}", $"h{i}", Sent.AddDays(14), at);
        SurveyInvitation[] invitations =
        [
            Answered(0, new DateTimeOffset(2027, 6, 1, 21, 30, 0, TimeSpan.Zero)),
            Answered(1, new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero)),
            Answered(2, new DateTimeOffset(2027, 6, 3, 12, 0, 0, TimeSpan.Zero)),
            Answered(3, null),
        ];

        var history = SurveyResults.Summarise(Questions, invitations, []).History;

        Assert.Equal(
            [(new DateOnly(2027, 6, 1), 2, 0.5), (new DateOnly(2027, 6, 3), 3, 0.75)],
            history.Select(h => (h.Day, h.Answered, h.Rate)));
    }
}
