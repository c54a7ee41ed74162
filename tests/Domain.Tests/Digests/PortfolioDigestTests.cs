using Netvaerk.Domain.Digests;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Messages.MessageFixtures;

namespace Netvaerk.Domain.Tests.Digests;

public class PortfolioDigestTests
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    /// <summary>The first working day of May 2027.</summary>
    private static readonly DateTimeOffset Now = new(2027, 5, 3, 7, 0, 0, Summer);

    private static readonly PortfolioNetwork[] Networks =
    [
        new("Ældre og frivillighed", NetworkType.Welfare, NetworkStatus.Running),
        new("Hjemmepleje i weekenden", NetworkType.Welfare, NetworkStatus.Running),
        new("Genoptræning", NetworkType.Welfare, NetworkStatus.Closed),
        new("Digital dannelse", NetworkType.Learning, NetworkStatus.FollowUp),
        new("Grøn omstilling", NetworkType.Innovation, NetworkStatus.Evaluating),
        new("Fremtidens bibliotek", NetworkType.Innovation, NetworkStatus.Draft),
    ];

    private static Idea NewIdea(string title, DateTimeOffset submittedAt) => Idea.Submit(
        Guid.NewGuid(), title, "Beskrivelse af idéen.", new Person("Mette Hansen", "mette@albertslund.dk"), NetworkType.Welfare, submittedAt);

    private static Idea RoutedIdea(string title, DateTimeOffset routedAt, Forum forum = Forum.Chefforum)
    {
        var idea = NewIdea(title, routedAt.AddDays(-1));
        idea.RouteForDecision(forum, routedAt);
        return idea;
    }

    private static Idea[] Ideas()
    {
        var needsInfo = RoutedIdea("Lektiecafé", new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)));
        needsInfo.RequestInfo("Hvilke skoler?", new DateTimeOffset(2027, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)));
        var approved = RoutedIdea("Grøn omstilling", new DateTimeOffset(2027, 1, 11, 10, 0, 0, TimeSpan.FromHours(1)), Forum.Direktoerforum);
        approved.Approve(null, new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.FromHours(1)));
        return
        [
            RoutedIdea("Frivillige mod ensomhed", new DateTimeOffset(2027, 3, 17, 14, 30, 0, TimeSpan.FromHours(1))),
            RoutedIdea("Bedre overgange", new DateTimeOffset(2027, 4, 13, 9, 0, 0, Summer), Forum.Direktoerforum),
            RoutedIdea("Ny idé", new DateTimeOffset(2027, 4, 28, 9, 0, 0, Summer)),
            NewIdea("Lige indsendt", new DateTimeOffset(2027, 4, 30, 9, 0, 0, Summer)),
            needsInfo,
            approved,
        ];
    }

    private static PortfolioDigestInput Input(IReadOnlyList<PortfolioNetwork>? networks = null, IReadOnlyList<Idea>? ideas = null) =>
        new(Secretariat, Now, networks ?? Networks, ideas ?? Ideas())
        {
            Targets = Domain.Evaluation.Targets.ForPortfolio(
            [
                new(NetworkType.Innovation, true, 6, false) { Proposals = 2, Met = true },
                new(NetworkType.Innovation, false, 0, true),
                new(NetworkType.Welfare, true, 8, false) { Positive = 6, Met = true },
            ]),
        };

    private static string Text(EmailMessage? message) => Assert.IsType<EmailMessage>(message).TextBody;

    [Fact]
    public void Digest_with_no_networks_and_no_ideas_is_not_composed()
    {
        Assert.Null(PortfolioDigest.Compose(Input([], [])));
    }

    [Fact]
    public void Digest_counts_networks_by_type_and_status_in_lifecycle_order()
    {
        var message = PortfolioDigest.Compose(Input());
        var text = Text(message);

        Assert.Equal("Månedligt overblik over netværkene, maj 2027", message!.Subject);
        Assert.Contains("pr. mandag den 3. maj 2027", text, StringComparison.Ordinal);
        Assert.Contains("Netværk i alt: 6.", text, StringComparison.Ordinal);
        Assert.Contains("Innovationsnetværk\nKladde: 1\nEvaluering: 1\nI alt: 2\n", text, StringComparison.Ordinal);
        Assert.Contains("Velfærdsnetværk\nI gang: 2\nAfsluttet: 1\nI alt: 3\n", text, StringComparison.Ordinal);
        Assert.Contains("Læringsnetværk\nOpfølgning: 1\nI alt: 1\n", text, StringComparison.Ordinal);
        Assert.Contains("Venlig hilsen\nNetværksstedet", text, StringComparison.Ordinal);
        AssertWellFormed(message.HtmlBody);
    }

    [Fact]
    public void Digest_counts_ideas_and_lists_decisions_overdue_longest_waiting_first_marking_escalations()
    {
        var text = Text(PortfolioDigest.Compose(Input()));

        Assert.Contains(
            "Idéer\nIndsendt, endnu ikke behandlet: 1\nSendt til beslutning: 3\nHeraf over fristen for beslutning: 2\nAfventer flere oplysninger: 1\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            "- »Frivillige mod ensomhed« i Chefforum, forelagt onsdag den 17. marts 2027: 30 arbejdsdage – eskaleret\n"
                + "- »Bedre overgange« i Direktørforum, forelagt tirsdag den 13. april 2027: 14 arbejdsdage\n",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Ny idé", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Overdue_decisions_are_the_ideas_awaiting_a_decision_past_the_reminder()
    {
        var overdue = PortfolioDigest.OverdueDecisions(Ideas(), ApprovalSchedule.Default, Now);

        Assert.Equal(["Frivillige mod ensomhed", "Bedre overgange"], overdue.Select(i => i.Title));
    }

    [Fact]
    public void Without_overdue_decisions_the_digest_says_so()
    {
        var text = Text(PortfolioDigest.Compose(Input(ideas: [])));

        Assert.Contains("Heraf over fristen for beslutning: 0", text, StringComparison.Ordinal);
        Assert.Contains("Ingen idéer venter på beslutning ud over fristen.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ideas_alone_make_a_digest()
    {
        var text = Text(PortfolioDigest.Compose(Input(networks: [])));

        Assert.Contains("Netværk i alt: 0.", text, StringComparison.Ordinal);
        Assert.Contains("Velfærdsnetværk\nI alt: 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_shows_progress_toward_the_three_strategic_targets()
    {
        var text = Text(PortfolioDigest.Compose(Input()));

        Assert.Contains(
            "Innovationsnetværk: fremdrift mod målet\nMålet: I løbet af det første år kommer forslag til mindst én ny innovativ velfærdsydelse.\n"
                + "Netværk: 2\nNået til slutevaluering: 1\nNået til opfølgning: 0\nResultat: 1 af 2 netværk har et resultat; 1 har mindst ét forslag, i alt 2 forslag.\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("Velfærdsnetværk: fremdrift mod målet\nMålet: I løbet af det første år forbedres arbejdsgange og rutiner", text, StringComparison.Ordinal);
        Assert.Contains("Netværk: 3\nNået til slutevaluering: 1\nNået til opfølgning: 1\n"
            + "Resultat: 1 af 1 netværk har et resultat; 75 % af 8 svarpersoner oplever en forbedring, og 1 netværk har nået målet.\n", text, StringComparison.Ordinal);
        Assert.Contains("Læringsnetværk: fremdrift mod målet\nMålet: I løbet af det første år giver deltagerne i læringsnetværk udtryk for", text, StringComparison.Ordinal);
        Assert.Contains("Netværk: 1\nNået til slutevaluering: 1\nNået til opfølgning: 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_not_measured_by_any_network_are_reported_as_not_yet_measured()
    {
        var text = Text(PortfolioDigest.Compose(new PortfolioDigestInput(Secretariat, Now, [new("Fremtidens bibliotek", NetworkType.Innovation, NetworkStatus.Running)], [])));

        Assert.Contains("Netværk: 1\nNået til slutevaluering: 0\nNået til opfølgning: 0\nResultat: ikke målt endnu\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_evaluations_are_listed_with_response_rates_and_closed_ones_are_not()
    {
        var input = Input() with
        {
            Surveys =
            [
                new PortfolioSurvey("Genoptræning", NetworkType.Welfare, new SurveyProgress(SurveyKind.FollowUp, 8, 8, Now.AddDays(-1))),
                new PortfolioSurvey("Digital dannelse", NetworkType.Learning, new SurveyProgress(SurveyKind.End, 10, 3, new DateTimeOffset(2027, 5, 7, 23, 59, 59, Summer))),
            ],
        };

        var text = Text(PortfolioDigest.Compose(input));

        Assert.Contains(
            "Evalueringer i gang:\n\n- Læringsnetværket »Digital dannelse«: slutevaluering – 3 af 10 har svaret (30 %), lukker fredag den 7. maj 2027 kl. 23.59\n",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Genoptræning«: opfølgning", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_open_evaluations_the_digest_says_so()
    {
        Assert.Contains("Der er ingen åbne evalueringer lige nu.", Text(PortfolioDigest.Compose(Input())), StringComparison.Ordinal);
    }
}
