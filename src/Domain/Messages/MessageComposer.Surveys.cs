using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Messages;

/// <summary>Survey invitations (personal link, closing time), survey reminders and the political status.</summary>
public static partial class MessageComposer
{
    private const string AnonymityNote = "Resultaterne vises kun samlet, så ingen enkeltbesvarelser kan genkendes.";

    private static EmailMessage BaselineSurvey(StepMessageContext context)
    {
        var (url, closesAt) = RequireSurvey(context);
        var what = context.Network.Type == NetworkType.Welfare
            ? "en kort måling af, hvordan samarbejdet på tværs af faggrupper og aktører fungerer i dag"
            : "en kort selvevaluering af dine kompetencer inden for temaet";
        var body = new MessageBuilder()
            .Paragraph($"Som deltager i {Label(context)} beder vi dig svare på {what}, inden netværket for alvor går i gang. Det tager kun få minutter.")
            .Paragraph($"De samme spørgsmål stilles igen ved netværkets afslutning, så du og netværket kan se, hvad I har udviklet undervejs. {AnonymityNote}")
            .Link("Besvar selvevalueringen via dit personlige link:", "Besvar selvevalueringen", url)
            .Facts("Praktisk", ("Svarfrist", DanishText.DateTime(closesAt)));
        return FromLeader(body, context, $"Selvevaluering: {Label(context)}");
    }

    private static EmailMessage EvaluationSurvey(StepMessageContext context)
    {
        var (url, closesAt) = RequireSurvey(context);
        var kind = context.Step.Survey ?? SurveyKind.End;
        var body = new MessageBuilder();
        string subject;
        if (kind == SurveyKind.MidTerm)
        {
            subject = $"Midtvejsevaluering af {Label(context)}";
            body.Paragraph($"{Label(context)} er nu halvvejs, og vi vil gerne høre, hvordan du oplever arbejdet indtil nu. Dine svar bruges til at justere netværkets anden halvdel.");
        }
        else if (kind == SurveyKind.End)
        {
            subject = $"Evaluering af {Label(context)}";
            body.Paragraph($"{Label(context)} er ved at afslutte sit arbejde, og vi vil gerne høre din vurdering af, hvad netværket har skabt.")
                .Paragraph(EndEvaluationFocus(context.Network.Type));
        }
        else
        {
            throw new ArgumentException($"An EvaluationSurvey step is MidTerm or End, not {kind}.", nameof(context));
        }

        body.Paragraph($"Det tager kun få minutter. {AnonymityNote}")
            .Link("Besvar evalueringen via dit personlige link:", "Besvar evalueringen", url)
            .Facts("Praktisk", ("Svarfrist", DanishText.DateTime(closesAt)))
            .Paragraph("Tak, fordi du bruger tid på det – dine svar er med til at gøre de næste netværk bedre.");
        return FromLeader(body, context, subject);
    }

    private static string EndEvaluationFocus(NetworkType type) => type switch
    {
        NetworkType.Innovation =>
            "Evalueringen spørger også til netværkets forslag til nye velfærdsydelser: hvor mange forslag netværket er nået frem til, og hvad de hedder.",
        NetworkType.Learning =>
            "Evalueringen gentager spørgsmålene fra selvevalueringen ved netværkets start, så du kan se, hvordan dine kompetencer har udviklet sig. Den spørger også, hvordan du vil sætte den nye viden i spil i din praksis.",
        NetworkType.Welfare =>
            "Vi spørger blandt andet, om du oplever, at netværkets arbejde har forbedret rutinerne – for borgerne og for medarbejderne.",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown network type."),
    };

    private static EmailMessage SurveyReminder(StepMessageContext context)
    {
        var (url, closesAt) = RequireSurvey(context);
        var kind = context.Step.Survey
            ?? throw new ArgumentException("A SurveyReminder step needs the survey kind it reminds about.", nameof(context));
        var number = context.Step.ReminderNumber
            ?? throw new ArgumentException("A SurveyReminder step needs its reminder number.", nameof(context));
        var survey = SurveyNameDefinite(kind);
        var body = new MessageBuilder()
            .Paragraph($"Vi mangler stadig dit svar på {survey} i {Label(context)}. Dit svar er vigtigt: jo flere der svarer, jo bedre et billede får vi af, hvad netværket har betydet. Det tager kun få minutter.")
            .Link("Svar via dit personlige link:", $"Besvar {survey}", url)
            .Facts("Praktisk", ("Svarfrist", DanishText.DateTime(closesAt)), ("Påmindelse", $"{number.ToString(DanishText.Culture)}. påmindelse"))
            .Paragraph("Har du allerede svaret, kan du se bort fra denne mail. Tak for hjælpen.");
        return FromLeader(
            body,
            context,
            $"Påmindelse {number.ToString(DanishText.Culture)}: {survey} i {Quoted(context)} lukker {DanishText.ShortDate(Calendar.CopenhagenTime.DateOf(closesAt))}");
    }

    private static EmailMessage FollowUpSurvey(StepMessageContext context)
    {
        var (url, closesAt) = RequireSurvey(context);
        var learning = context.Network.Type == NetworkType.Learning;
        var body = new MessageBuilder()
            .Paragraph($"Det er nu et stykke tid siden, {Label(context)} afsluttede sit arbejde. Vi vil gerne høre, hvad der er sket siden – ikke kun hvad netværket skabte, men hvilken forskel det gør i hverdagen.")
            .Emphasis(learning ? "Er den nye viden sat i spil?" : "Har det gjort en forskel i driften?")
            .Paragraph(context.Network.Type switch
            {
                NetworkType.Learning => "Fortæl os, om og hvordan du bruger det, du lærte i netværket, i din egen praksis.",
                NetworkType.Innovation => "Fortæl os, om netværkets forslag til nye velfærdsydelser er ført videre, og hvad de har betydet for borgere og medarbejdere.",
                _ => "Fortæl os, om netværkets resultater bruges i hverdagen, og om borgere og medarbejdere oplever en forbedring.",
            })
            .Paragraph($"Det tager kun få minutter. {AnonymityNote}")
            .Link("Besvar opfølgningen via dit personlige link:", "Besvar opfølgningen", url)
            .Facts("Praktisk", ("Svarfrist", DanishText.DateTime(closesAt)));
        var question = learning ? "er den nye viden sat i spil?" : "har det gjort en forskel i driften?";
        return FromLeader(body, context, $"Opfølgning på {Quoted(context)}: {question}");
    }

    private static EmailMessage PoliticalStatus(StepMessageContext context)
    {
        var figures = context.Figures
            ?? throw new ArgumentException("A PoliticalStatus step needs the status figures.", nameof(context));
        var network = context.Network;
        var culture = DanishText.Culture;
        var facts = new List<(string, string)>
        {
            ("Netværksmøder holdt", $"{figures.MeetingsHeld.ToString(culture)} af {figures.MeetingsPlanned.ToString(culture)}"),
            ("Registreret inddragelse", figures.InvolvementRegistrations.ToString(culture)),
        };
        if (network.Type == NetworkType.Innovation)
        {
            facts.Add(("Forslag til nye velfærdsydelser", figures.ProposalCount.ToString(culture)));
        }

        var body = new MessageBuilder()
            .Paragraph($"Hermed kvartalsstatus for {Label(context)} pr. {DanishText.DateOf(context.Step.Due)}.")
            .Facts("Status i tal", [.. facts]);
        if (network.Type == NetworkType.Innovation)
        {
            if (figures.ProposalCount == 0)
            {
                body.Paragraph("Netværket har endnu ikke formuleret forslag til nye velfærdsydelser.");
            }
            else
            {
                body.Paragraph("Forslag til nye velfærdsydelser indtil nu:").Bullets(figures.ProposalTitles);
            }
        }

        body.Paragraph($"Spørgsmål til netværkets arbejde er velkomne hos netværkslederen, {network.LeaderName}, på {network.LeaderEmail}.")
            .NetworkPageLink(context, "Følg netværket her:");
        var month = CopenhagenTimeMonth(context.Step.Due);
        return FromNetvaerksstedet(
            body,
            context,
            $"Kvartalsstatus: {Label(context)}, {month}",
            "Statussen er dannet automatisk af Netværksstedet ud fra netværkets registreringer.");
    }

    /// <summary>"juni 2027".</summary>
    private static string CopenhagenTimeMonth(DateTimeOffset instant) =>
        Calendar.CopenhagenTime.DateOf(instant).ToString("MMMM yyyy", DanishText.Culture);

    private static (string Url, DateTimeOffset ClosesAt) RequireSurvey(StepMessageContext context)
    {
        var url = context.SurveyUrl
            ?? throw new ArgumentException($"A {context.Step.Kind} step needs the recipient's survey link.", nameof(context));
        var closesAt = context.SurveyClosesAt
            ?? throw new ArgumentException($"A {context.Step.Kind} step needs the survey's closing time.", nameof(context));
        return (url, closesAt);
    }

    /// <summary>"selvevalueringen", "midtvejsevalueringen", "evalueringen", "opfølgningen".</summary>
    private static string SurveyNameDefinite(SurveyKind kind) => kind switch
    {
        SurveyKind.Baseline => "selvevalueringen",
        SurveyKind.MidTerm => "midtvejsevalueringen",
        SurveyKind.End => "evalueringen",
        SurveyKind.FollowUp => "opfølgningen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown survey kind."),
    };
}
