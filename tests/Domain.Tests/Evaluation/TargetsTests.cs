using System.Globalization;
using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Evaluation.EvaluationFixtures;

namespace Netvaerk.Domain.Tests.Evaluation;

public class TargetsTests
{
    private static SurveyAnswersOf Answers(SurveyKind kind, params SurveyResponse[] responses) => new(Survey(kind), responses);

    private static SurveyResponse Proposals(SurveyKind kind, string person, int count) =>
        Response(kind, person, new Dictionary<string, string> { [SurveyQuestions.ProposalsCountKey] = count.ToString(CultureInfo.InvariantCulture) });

    private static SurveyResponse Improvement(string person, int citizens, int employees, int routines) =>
        Response(SurveyKind.End, person, new Dictionary<string, string>
        {
            ["improvement.citizens"] = citizens.ToString(CultureInfo.InvariantCulture),
            ["improvement.employees"] = employees.ToString(CultureInfo.InvariantCulture),
            ["improvement.routines"] = routines.ToString(CultureInfo.InvariantCulture),
        });

    [Fact]
    public void Innovation_counts_the_median_of_the_participants_reports_and_is_met_at_one_proposal()
    {
        var end = Answers(SurveyKind.End, Proposals(SurveyKind.End, "a", 0), Proposals(SurveyKind.End, "b", 2), Proposals(SurveyKind.End, "c", 2),
            Proposals(SurveyKind.End, "d", 3), Proposals(SurveyKind.End, "e", 9));

        var progress = Targets.ForNetwork(NetworkType.Innovation, [end]);

        Assert.Equal((true, false, 5, 2, true), (progress.Measured, progress.Suppressed, progress.Respondents, progress.Proposals, progress.Met));
        Assert.Equal("2 forslag (ud fra 5 svar). Målet er nået.", Targets.Describe(progress));
    }

    [Fact]
    public void Innovation_reads_the_mid_term_until_the_end_evaluation_is_sent()
    {
        var mid = Answers(SurveyKind.MidTerm, [.. "abcde".Select(p => Proposals(SurveyKind.MidTerm, p.ToString(), 0))]);
        var progress = Targets.ForNetwork(NetworkType.Innovation, [mid]);
        Assert.Equal((0, false), (progress.Proposals, progress.Met));
        Assert.Equal("0 forslag (ud fra 5 svar). Målet er ikke nået endnu.", Targets.Describe(progress));
    }

    [Fact]
    public void Welfare_is_the_share_reporting_an_improvement_on_any_of_the_three_items()
    {
        var end = Answers(SurveyKind.End, Improvement("a", 4, 2, 2), Improvement("b", 2, 5, 2), Improvement("c", 2, 2, 4),
            Improvement("d", 3, 3, 3), Improvement("e", 1, 1, 1), Improvement("f", 2, 2, 2));

        var progress = Targets.ForNetwork(NetworkType.Welfare, [end]);

        Assert.Equal((6, 3, true), (progress.Respondents, progress.Positive, progress.Met));
        Assert.Equal("50 % af 6 svarpersoner oplever en forbedring. Målet er nået.", Targets.Describe(progress));
    }

    [Fact]
    public void Learning_is_the_share_of_paired_participants_whose_self_assessment_rose()
    {
        var items = SurveyQuestions.CompetenceItems;
        var baseline = Answers(SurveyKind.Baseline, [.. "abcdef".Select(p => Response(SurveyKind.Baseline, p.ToString(), All(items, 3)))]);
        var end = Answers(SurveyKind.End, [.. "abcdef".Select((p, i) => Response(SurveyKind.End, p.ToString(), All(items, i < 2 ? 4 : 3)))]);

        var progress = Targets.ForNetwork(NetworkType.Learning, [baseline, end]);

        Assert.Equal((6, 2, false), (progress.Respondents, progress.Positive, progress.Met));
        Assert.Equal("33 % af 6 deltagere har forbedret deres selvvurdering fra før til efter. Målet er ikke nået endnu.", Targets.Describe(progress));
    }

    [Fact]
    public void Before_the_survey_is_sent_the_target_is_not_measured_and_below_the_threshold_it_is_withheld()
    {
        Assert.Equal("Ikke målt endnu.", Targets.Describe(Targets.ForNetwork(NetworkType.Welfare, [])));
        var few = Targets.ForNetwork(NetworkType.Welfare, [Answers(SurveyKind.End, Improvement("a", 5, 5, 5), Improvement("b", 5, 5, 5))]);
        Assert.True(few.Suppressed);
        Assert.Null(few.Share);
        Assert.Null(few.Met);
        Assert.Equal("Skjult: færre end 5 svar.", Targets.Describe(few));
    }

    [Fact]
    public void The_portfolio_pools_only_networks_whose_own_figure_is_published()
    {
        TargetProgress[] networks =
        [
            new(NetworkType.Welfare, true, 10, false) { Positive = 7, Met = true },
            new(NetworkType.Welfare, true, 6, false) { Positive = 2, Met = false },
            new(NetworkType.Welfare, true, 3, true), // withheld on its own, so kept out of the pool too
            new(NetworkType.Welfare, false, 0, true),
            new(NetworkType.Innovation, true, 5, false) { Proposals = 2, Met = true },
            new(NetworkType.Innovation, true, 7, false) { Proposals = 0, Met = false },
        ];

        var portfolio = Targets.ForPortfolio(networks);

        var welfare = portfolio.Single(t => t.Type == NetworkType.Welfare);
        Assert.Equal((4, 2, 1, 16, 9), (welfare.Networks, welfare.Measured, welfare.Met, welfare.Respondents, welfare.Positive));
        Assert.Equal("2 af 4 netværk har et resultat; 56 % af 16 svarpersoner oplever en forbedring, og 1 netværk har nået målet.", Targets.Describe(welfare));
        var innovation = portfolio.Single(t => t.Type == NetworkType.Innovation);
        Assert.Equal((2, 2, 1, 2), (innovation.Networks, innovation.Measured, innovation.Met, innovation.Proposals));
        Assert.Equal("0 af 0 netværk har et resultat endnu.", Targets.Describe(portfolio.Single(t => t.Type == NetworkType.Learning)));
    }

    [Fact]
    public void Proposal_titles_come_from_the_latest_evaluation_enough_answered_one_per_line_each_once()
    {
        SurveyResponse Titles(SurveyKind kind, string person, string titles) =>
            Response(kind, person, new Dictionary<string, string> { ["proposals.titles"] = titles });
        var mid = new SurveyAnswersOf(Survey(SurveyKind.MidTerm, day: 0),
            [.. "abcde".Select(p => Titles(SurveyKind.MidTerm, p.ToString(), "Frivilligbank\nDigital nabohjælp"))]);
        var endFew = new SurveyAnswersOf(Survey(SurveyKind.End, day: 180), [Titles(SurveyKind.End, "a", "Hemmeligt forslag")]);

        // The end evaluation has too few answers to show its texts: the mid-term's titles stand.
        Assert.Equal(["Digital nabohjælp", "Frivilligbank"], Targets.ProposalTitles(NetworkType.Innovation, [mid, endFew]));

        var end = new SurveyAnswersOf(Survey(SurveyKind.End, day: 180),
            [.. "abcde".Select((p, i) => Titles(SurveyKind.End, p.ToString(), i == 0 ? "frivilligbank\n  Åben skolegård " : "Frivilligbank"))]);
        Assert.Equal(["Frivilligbank", "Åben skolegård"], Targets.ProposalTitles(NetworkType.Innovation, [mid, end]));
        Assert.Empty(Targets.ProposalTitles(NetworkType.Welfare, [mid, end]));
        Assert.Empty(Targets.ProposalTitles(NetworkType.Innovation, [endFew]));
    }
}
