using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Surveys;

/// <summary>
/// The questions of each survey, from DOMAIN.md and the strategy: evaluation looks at <em>output</em> (what the
/// network produced, asked in the end evaluation) and at <em>outcome</em> (the difference it makes later in the base
/// organisation, asked in the follow-up), measured against the type's first-year target:
/// innovation — at least one proposal for a new innovative welfare service; welfare — citizens and employees
/// experience an improvement; learning — participants have, by their own assessment, improved their competences.
/// </summary>
/// <remarks>
/// Keys are stable. A key used in two surveys is the same question, so answers can be compared: the learning
/// network's end evaluation repeats the baseline's competence items, and the welfare follow-up repeats the end
/// evaluation's improvement items (output then, outcome later).
/// </remarks>
public static class SurveyQuestions
{
    private const string Disagree = "Helt uenig";
    private const string Agree = "Helt enig";

    /// <summary>The competence self-assessment items: the baseline, repeated in the learning end evaluation.</summary>
    public static IReadOnlyList<SurveyQuestion> CompetenceItems { get; } =
    [
        Scale("competence.knowledge", "Jeg har den viden om netværkets tema, som jeg har brug for i mit arbejde.") with { ShortText = "Viden om temaet" },
        Scale("competence.practice", "Jeg kan omsætte min viden om temaet til handling i min egen praksis.") with { ShortText = "Viden omsat til handling" },
        Scale("competence.reflection", "Jeg reflekterer jævnligt over min egen praksis inden for temaet.") with { ShortText = "Refleksion over praksis" },
        Scale("competence.sharing", "Jeg deler viden og erfaringer om temaet med kolleger og samarbejdspartnere på tværs.") with { ShortText = "Videndeling på tværs" },
        Scale("competence.perspectives", "Jeg kender og kan bruge andre fagligheders og aktørers perspektiver på temaet.") with { ShortText = "Andres perspektiver" },
    ];

    /// <summary>
    /// The seven dimensions of relational coordination (Gittell, cited in the strategy): communication that is
    /// frequent, timely, accurate and problem-solving, and relationships of shared goals, shared knowledge and mutual
    /// respect. Asked in welfare networks at the start-up workshop and again at the end, so the change shows.
    /// Worded about "faggrupper og aktører", so a citizen in the network answers from where they stand too.
    /// </summary>
    public static IReadOnlyList<SurveyQuestion> RelationalCoordinationItems { get; } =
    [
        Coordination("rc.frequent", "Jeg kommunikerer tilstrækkeligt ofte med de andre faggrupper og aktører på området.") with { ShortText = "Hyppig kommunikation" },
        Coordination("rc.timely", "Kommunikationen med de andre faggrupper og aktører sker rettidigt – når der er brug for den.") with { ShortText = "Rettidig kommunikation" },
        Coordination("rc.accurate", "Den information, jeg får fra de andre faggrupper og aktører, er præcis og til at stole på.") with { ShortText = "Præcis kommunikation" },
        Coordination("rc.problemsolving", "Når der opstår problemer, løser vi dem sammen frem for at placere skylden hos hinanden.") with { ShortText = "Problemløsende kommunikation" },
        Coordination("rc.goals", "Vi har fælles mål for arbejdet på tværs af faggrupper og aktører.") with { ShortText = "Fælles mål" },
        Coordination("rc.knowledge", "Jeg ved, hvad de andre faggrupper og aktører gør, og hvordan det hænger sammen med mit arbejde.") with { ShortText = "Fælles viden" },
        Coordination("rc.respect", "Der er gensidig respekt for hinandens arbejde på tværs af faggrupper og aktører.") with { ShortText = "Gensidig respekt" },
    ];

    /// <summary>The welfare target's items: experienced improvement for citizens and employees, and in routines.</summary>
    public static IReadOnlyList<SurveyQuestion> ImprovementItems { get; } =
    [
        Scale("improvement.routines", "Netværkets arbejde har forbedret arbejdsgange og rutiner på området."),
        Scale("improvement.citizens", "Jeg oplever, at netværkets arbejde har gjort det bedre for borgerne."),
        Scale("improvement.employees", "Jeg oplever, at netværkets arbejde har gjort det bedre for medarbejderne."),
    ];

    /// <summary>The innovation target's count: how many proposals for new welfare services.</summary>
    public const string ProposalsCountKey = "proposals.count";

    /// <summary>The stakeholder perspectives a network can bring in (DOMAIN.md's participant kinds outside the staff).</summary>
    public static IReadOnlyList<ChoiceOption> StakeholderPerspectives { get; } =
    [
        new("borgere", "Borgere"),
        new("virksomheder", "Virksomheder"),
        new("vidensinstitutioner", "Vidensinstitutioner"),
        new("interesseorganisationer", "Interesseorganisationer"),
        new("politikere", "Politikere"),
        new("eksperter", "Eksperter"),
        new("ingen", "Ingen endnu"),
    ];

    /// <summary>
    /// The questions of a survey in a network of the given type. The baseline is the before-measurement: the
    /// competence self-assessment (learning) or relational coordination (welfare); innovation networks send none by
    /// default and would get the competence items. The mid-term evaluation (by default only innovation networks)
    /// asks about proposals only for innovation.
    /// </summary>
    public static IReadOnlyList<SurveyQuestion> For(SurveyKind kind, NetworkType type)
    {
        if (!Enum.IsDefined(type)) throw new ArgumentOutOfRangeException(nameof(type), type, "Ukendt netværkstype.");
        return kind switch
        {
            SurveyKind.Baseline => Baseline(type),
            SurveyKind.MidTerm => MidTerm(type),
            SurveyKind.End => End(type),
            SurveyKind.FollowUp => FollowUp(type),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Ukendt undersøgelse."),
        };
    }

    private static SurveyQuestion[] Baseline(NetworkType type) => type == NetworkType.Welfare
        ?
        [
            .. RelationalCoordinationItems,
            Text("welfare.hopes", "Hvad håber du, at netværket vil gøre bedre – for borgerne og for jer, der arbejder på området?"),
        ]
        :
        [
            .. CompetenceItems,
            Text("competence.hopes", "Hvad vil du gerne blive bedre til gennem netværket?"),
        ];

    private static SurveyQuestion[] MidTerm(NetworkType type)
    {
        var questions = new List<SurveyQuestion>
        {
            Scale("midterm.purpose", "Netværket arbejder målrettet mod sit formål."),
            Scale("midterm.contribution", "Jeg får bragt min faglighed og mine erfaringer i spil i netværket."),
            Scale("midterm.perspectives",
                "Netværket får nye perspektiver ind fra borgere, virksomheder, vidensinstitutioner og andre aktører."),
        };
        if (type == NetworkType.Innovation)
        {
            questions.Add(Scale("midterm.proposals", "Netværket er på vej mod forslag til nye velfærdsydelser."));
            questions.AddRange(Proposals("Hvor mange forslag til nye velfærdsydelser arbejder netværket med lige nu?"));
            questions.Add(Perspectives());
        }

        questions.Add(Text("midterm.adjust", "Hvad skal netværket gøre anderledes i sin anden halvdel?"));
        return [.. questions];
    }

    private static SurveyQuestion[] End(NetworkType type)
    {
        var questions = new List<SurveyQuestion>
        {
            Scale("purpose.achieved", "Netværket har indfriet sit formål."),
        };
        switch (type)
        {
            case NetworkType.Welfare:
                questions.AddRange(ImprovementItems);
                questions.Add(Text("improvement.example", "Hvad er blevet bedre? Giv gerne et eksempel."));
                questions.Add(RoutinesChanged());
                questions.AddRange(RelationalCoordinationItems);
                break;
            case NetworkType.Innovation:
                questions.AddRange(Proposals("Hvor mange forslag til nye velfærdsydelser er netværket nået frem til?"));
                questions.Add(Perspectives());
                questions.Add(Scale("proposals.new",
                    "Forslagene er nye og anderledes i forhold til det, kommunen gør i dag.", required: false) with
                {
                    Help = "Spring spørgsmålet over, hvis netværket ikke er nået frem til et forslag.",
                });
                questions.Add(Scale("involvement.stakeholders",
                    "Borgere, virksomheder, vidensinstitutioner og andre aktører har bidraget til netværkets arbejde."));
                break;
            case NetworkType.Learning:
                questions.AddRange(CompetenceItems);
                questions.Add(Scale("competence.improved",
                    "Jeg har udviklet mig og efter egen vurdering forbedret mine kompetencer gennem netværket."));
                questions.Add(Text("knowledge.plan", "Hvordan vil du sætte den nye viden i spil i din praksis?", required: true));
                break;
        }

        questions.Add(Scale("collaboration.across", "Samarbejdet på tværs i netværket har været udbytterigt."));
        questions.Add(Text("comment", "Er der andet, du vil fortælle os om netværket?"));
        return [.. questions];
    }

    private static SurveyQuestion[] FollowUp(NetworkType type)
    {
        var questions = new List<SurveyQuestion>();
        if (type == NetworkType.Learning)
        {
            questions.Add(YesNo("knowledge.used", "Har du sat den nye viden fra netværket i spil i din praksis?"));
        }

        questions.Add(YesNo("outcome.difference",
            "Har netværkets arbejde gjort en forskel i din del af organisationen – i driften og hverdagen?"));
        questions.Add(Scale("outcome.practice", "Netværkets arbejde har ændret måden, vi arbejder på i hverdagen."));
        switch (type)
        {
            case NetworkType.Welfare:
                questions.AddRange(ImprovementItems);
                questions.Add(RoutinesChanged());
                break;
            case NetworkType.Innovation:
                questions.Add(YesNo("proposals.continued",
                    "Er et eller flere af netværkets forslag til nye velfærdsydelser ført videre i organisationen?"));
                questions.Add(Text("baseorg.changes",
                    "Hvilke ændringer er der sket i basisorganisationen som følge af netværkets forslag?"));
                break;
        }

        questions.Add(Text("outcome.example", "Giv gerne et eksempel på, hvad der er blevet anderledes – eller hvad der har stået i vejen."));
        return [.. questions];
    }

    private static SurveyQuestion[] Proposals(string countQuestion) =>
    [
        new(ProposalsCountKey, countQuestion, AnswerType.Number, Required: true)
        {
            Help = "Skriv 0, hvis netværket ikke er nået frem til et forslag.",
        },
        Text("proposals.titles", "Hvad hedder forslagene?") with { Help = "Skriv ét forslag pr. linje." },
        Text("proposals.descriptions", "Beskriv kort hvert forslag: hvilken velfærdsydelse, til hvem, og hvad der er nyt.") with
        {
            Help = "Et par linjer pr. forslag er nok.",
        },
    ];

    private static SurveyQuestion Perspectives() =>
        new("perspectives.brought", "Hvilke interessenters perspektiver har netværket fået bragt ind i arbejdet?", AnswerType.MultipleChoice, Required: false)
        {
            Options = StakeholderPerspectives,
            Help = "Vælg alle, der passer.",
        };

    private static SurveyQuestion RoutinesChanged() =>
        Text("routines.changed", "Hvad har ændret sig i jeres rutiner og arbejdsgange?");

    private static SurveyQuestion Coordination(string key, string text) => Scale(key, text);

    private static SurveyQuestion Scale(string key, string text, bool required = true) =>
        new(key, text, AnswerType.Scale, required) { LowLabel = Disagree, HighLabel = Agree };

    private static SurveyQuestion YesNo(string key, string text) => new(key, text, AnswerType.YesNo, Required: true);

    private static SurveyQuestion Text(string key, string text, bool required = false) => new(key, text, AnswerType.FreeText, required);
}
