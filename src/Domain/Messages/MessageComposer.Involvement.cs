using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Messages;

/// <summary>Nudges to the leader (citizens, stakeholders, experts) and the secretariat's citizen-involvement flag.</summary>
public static partial class MessageComposer
{
    private static EmailMessage CitizenInvolvementNudge(StepMessageContext context)
    {
        if (context.Step.To == Audience.Secretariat)
        {
            return NoCitizenInvolvementFlag(context);
        }

        return context.Meeting?.Kind == MeetingKind.StartupWorkshop
            ? CitizenInvolvementPlanning(context)
            : CitizenInvolvementRegistration(context);
    }

    private static EmailMessage CitizenInvolvementPlanning(StepMessageContext context)
    {
        var body = new MessageBuilder()
            .Paragraph($"Nu hvor {Label(context)} er skudt i gang med opstartsworkshoppen, er det tid til at lægge planen for, hvordan I inddrager borgerne.")
            .Paragraph("Overvej sammen med netværket:")
            .Bullets(
            [
                "Hvilke borgere berøres af temaet – og hvem kender hverdagen bedst?",
                "Hvordan vil I inddrage dem: samtaler, deltagelse i et netværksmøde, en workshop, besøg eller noget helt andet?",
                "Hvornår i forløbet skal de inddrages, og hvem i netværket tager kontakten?",
            ]);
        if (context.Network.Type == NetworkType.Welfare)
        {
            body.Paragraph("I et velfærdsnetværk inddrages borgerne løbende gennem hele forløbet, så det er en god idé at få de første aftaler på plads allerede denne uge.");
        }

        body.Paragraph("Skriv gerne planen ind på netværkets side, så alle deltagere kan se den.")
            .NetworkPageLink(context, "Du finder netværket her:");
        return FromNetvaerksstedet(body, context, $"Borgerinddragelse: læg planen for {Quoted(context)}");
    }

    private static EmailMessage CitizenInvolvementRegistration(StepMessageContext context)
    {
        var body = new MessageBuilder()
            .Paragraph($"Husk at registrere den borgerinddragelse, der har fundet sted i {Label(context)} siden sidst. Registrér for hver aktivitet:")
            .Bullets(
            [
                "hvem I har inddraget (fx borgere fra en bestemt målgruppe eller pårørende)",
                "hvor mange der deltog",
                "hvordan de blev inddraget (fx samtaler, deltagelse i et møde eller en workshop)",
            ])
            .Paragraph("Registreringerne indgår i netværkets evaluering og viser, hvordan borgernes perspektiv præger arbejdet. Er der ikke sket noget endnu, kan I stadig nå det.")
            .NetworkPageLink(context, "Registrér inddragelsen på netværkets side:");
        return FromNetvaerksstedet(body, context, $"Borgerinddragelse: registrér inddragelsen i {Quoted(context)}");
    }

    /// <summary>The secretariat flag (StepCondition.NoCitizenInvolvementRegistered): the caller checked the condition.</summary>
    private static EmailMessage NoCitizenInvolvementFlag(StepMessageContext context)
    {
        var network = context.Network;
        var body = new MessageBuilder()
            .Paragraph($"Pr. {DanishText.DateOf(context.Step.Due)} er der endnu ikke registreret nogen borgerinddragelse i {Label(context)}.");
        if (network.Type == NetworkType.Welfare)
        {
            body.Paragraph("Velfærdsnetværk inddrager borgerne løbende, og netværket er nu omkring halvvejs i sit firugers forløb.");
        }

        body.Facts("Netværket", ("Netværk", Label(context)), ("Netværksleder", $"{network.LeaderName} ({network.LeaderEmail})"))
            .Paragraph("Tag gerne kontakt til netværkslederen for at høre, om der er brug for hjælp til at komme i gang – eller om inddragelsen blot mangler at blive registreret.")
            .NetworkPageLink(context, "Se netværket her:");
        return FromNetvaerksstedet(body, context, $"Opmærksomhed: ingen borgerinddragelse registreret i {Quoted(context)}");
    }

    private static EmailMessage StakeholderInvolvementNudge(StepMessageContext context)
    {
        var group = context.Step.Stakeholder
            ?? throw new ArgumentException("A StakeholderInvolvementNudge step needs its stakeholder group.", nameof(context));
        var (name, advice) = StakeholderText(group);
        var body = new MessageBuilder()
            .Paragraph($"Et innovationsnetværk lever af mange perspektiver. Denne måned sætter vi fokus på inddragelse af {name} i {Label(context)}.")
            .Paragraph(advice)
            .Paragraph("Når inddragelsen har fundet sted, så registrér den på netværkets side: hvem, hvor mange og hvordan.")
            .NetworkPageLink(context, "Du finder netværket her:");
        return FromNetvaerksstedet(body, context, $"Månedens inddragelse: {name} i {Quoted(context)}");
    }

    /// <summary>The Danish name of a stakeholder group and the month's advice for it.</summary>
    internal static (string Name, string Advice) StakeholderText(StakeholderGroup group) => group switch
    {
        StakeholderGroup.Citizens => ("borgere",
            "Hvilke borgere berøres af jeres problemstilling, og hvordan kan deres erfaringer og idéer komme ind i arbejdet? Overvej fx samtaler, et borgerpanel eller at invitere borgere med til et netværksmøde."),
        StakeholderGroup.Companies => ("virksomheder",
            "Er der virksomheder, der kan bidrage med viden, løsninger eller ressourcer – eller som selv mærker problemstillingen? Overvej fx et fælles møde, et besøg eller et fælles forsøg."),
        StakeholderGroup.KnowledgeInstitutions => ("vidensinstitutioner",
            "Kan en uddannelses- eller forskningsinstitution bidrage med viden, data eller et nyt blik på problemstillingen? Overvej fx et oplæg, et studenterprojekt eller et samarbejde om evalueringen."),
        StakeholderGroup.InterestOrganisations => ("interesseorganisationer",
            "Hvilke foreninger og interesseorganisationer repræsenterer dem, der berøres af jeres arbejde? Invitér dem gerne til at give input eller til at deltage i et møde."),
        StakeholderGroup.Politicians => ("politikere (§17,4-udvalget)",
            "Hvilke spørgsmål eller foreløbige idéer vil I gerne have politikernes blik på? Aftal gerne en dialog med §17,4-udvalget via netværkssekretariatet, så udvalget kan følge og præge arbejdet."),
        StakeholderGroup.LeadershipForums => ("ledelsesfora",
            "Hvilke ledelsesfora – fx Direktørforum og Chefforum – skal kende til jeres arbejde, og hvor har I brug for deres opbakning til at afprøve nye løsninger?"),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown stakeholder group."),
    };

    private static EmailMessage ExpertInvolvementNudge(StepMessageContext context)
    {
        var meeting = RequireMeeting(context);
        var body = new MessageBuilder()
            .Paragraph($"{DanishText.Capitalize(DanishText.MeetingNameDefinite(meeting))} i {Label(context)} holdes {DanishText.When(meeting)}. Det er et godt tidspunkt at invitere en ekspert eller et nyt perspektiv ind i netværket.")
            .TimeAndPlace(meeting)
            .Paragraph("Overvej fx:")
            .Bullets(
            [
                "en fagperson med særlig viden om temaet – fra kommunen eller udefra",
                "en vidensinstitution, der kan holde et oplæg om ny viden eller forskning",
                "en kollega fra et andet fagområde eller en borger med erfaringer fra hverdagen",
            ])
            .Paragraph("Send invitationen i god tid, og fortæl deltagerne, hvem der kommer, så de kan forberede spørgsmål.");
        return FromNetvaerksstedet(
            body,
            context,
            $"Nye perspektiver: invitér en ekspert til {DanishText.MeetingName(meeting)} {DanishText.ShortDate(meeting.Date)}");
    }
}
