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
        Scale("competence.knowledge", "Jeg har den viden om netværkets tema, som jeg har brug for i mit arbejde."),
        Scale("competence.practice", "Jeg kan omsætte min viden om temaet til handling i min egen praksis."),
        Scale("competence.reflection", "Jeg reflekterer jævnligt over min egen praksis inden for temaet."),
        Scale("competence.sharing", "Jeg deler viden og erfaringer om temaet med kolleger og samarbejdspartnere på tværs."),
        Scale("competence.perspectives", "Jeg kender og kan bruge andre fagligheders og aktørers perspektiver på temaet."),
    ];

    /// <summary>
    /// The questions of a survey in a network of the given type. The baseline is the competence self-assessment
    /// whatever the type (by default only learning networks send it); the mid-term evaluation (by default only
    /// innovation networks) asks about proposals only for innovation.
    /// </summary>
    public static IReadOnlyList<SurveyQuestion> For(SurveyKind kind, NetworkType type)
    {
        if (!Enum.IsDefined(type)) throw new ArgumentOutOfRangeException(nameof(type), type, "Ukendt netværkstype.");
        return kind switch
        {
            SurveyKind.Baseline => Baseline(),
            SurveyKind.MidTerm => MidTerm(type),
            SurveyKind.End => End(type),
            SurveyKind.FollowUp => FollowUp(type),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Ukendt undersøgelse."),
        };
    }

    private static SurveyQuestion[] Baseline() =>
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
                break;
            case NetworkType.Innovation:
                questions.Add(new SurveyQuestion("proposals.count",
                    "Hvor mange forslag til nye velfærdsydelser er netværket nået frem til?", AnswerType.Number, Required: true)
                {
                    Help = "Skriv 0, hvis netværket ikke er nået frem til et forslag.",
                });
                questions.Add(Text("proposals.titles", "Hvad hedder forslagene?") with { Help = "Skriv ét forslag pr. linje." });
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
                break;
            case NetworkType.Innovation:
                questions.Add(YesNo("proposals.continued",
                    "Er et eller flere af netværkets forslag til nye velfærdsydelser ført videre i organisationen?"));
                break;
        }

        questions.Add(Text("outcome.example", "Giv gerne et eksempel på, hvad der er blevet anderledes – eller hvad der har stået i vejen."));
        return [.. questions];
    }

    /// <summary>The welfare target: improved routines, experienced as an improvement by citizens and employees.</summary>
    private static SurveyQuestion[] ImprovementItems =>
    [
        Scale("improvement.routines", "Netværkets arbejde har forbedret arbejdsgange og rutiner på området."),
        Scale("improvement.citizens", "Jeg oplever, at netværkets arbejde har gjort det bedre for borgerne."),
        Scale("improvement.employees", "Jeg oplever, at netværkets arbejde har gjort det bedre for medarbejderne."),
    ];

    private static SurveyQuestion Scale(string key, string text, bool required = true) =>
        new(key, text, AnswerType.Scale, required) { LowLabel = Disagree, HighLabel = Agree };

    private static SurveyQuestion YesNo(string key, string text) => new(key, text, AnswerType.YesNo, Required: true);

    private static SurveyQuestion Text(string key, string text, bool required = false) => new(key, text, AnswerType.FreeText, required);
}
