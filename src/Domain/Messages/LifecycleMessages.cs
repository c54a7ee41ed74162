using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Messages;

/// <summary>
/// The Danish messages outside the timeline: idea receipt and decision, the approval request with its reminder
/// and escalation, leader onboarding, the sign-in link and the summary when a network closes. Pure, like
/// <see cref="MessageComposer"/>: plain inputs in, one <see cref="EmailMessage"/> out.
/// </summary>
public static class LifecycleMessages
{
    /// <summary>Receipt to the employee who submitted an idea.</summary>
    public static EmailMessage IdeaReceipt(
        Recipient submitter, string ideaTitle, string reference, DateTimeOffset submittedAt, string? ideaUrl = null)
    {
        var body = new MessageBuilder()
            .Paragraph("Tak for din idé til et netværk. Vi har modtaget den, og netværkssekretariatet går nu i gang med at se på den.")
            .Facts("Din idé", ("Titel", ideaTitle), ("Sagsnummer", reference), ("Modtaget", DanishText.DateTime(submittedAt)))
            .Paragraph("Hvad sker der nu?")
            .Bullets(
            [
                "Sekretariatet gennemgår idéen og kontakter dig, hvis vi har brug for flere oplysninger.",
                "Idéen forelægges det forum, der beslutter den: Direktørforum for innovationsnetværk og Chefforum for velfærds- og læringsnetværk.",
                "Du får besked, så snart der er truffet en beslutning.",
            ]);
        if (ideaUrl is not null)
        {
            body.Link("Du kan følge din idé her:", "Se din idé", ideaUrl);
        }

        return body.Build($"Kvittering: vi har modtaget din idé »{ideaTitle}«", submitter, Signature.Secretariat);
    }

    /// <summary>The idea was approved: the network is on its way (the leader completes the contract first).</summary>
    public static EmailMessage IdeaApproved(
        Recipient submitter, string ideaTitle, NetworkType type, string forumName, string? leaderName = null)
    {
        var leader = leaderName is null ? "netværkslederen" : $"netværkslederen, {leaderName},";
        var body = new MessageBuilder()
            .Paragraph($"Vi har den glæde at kunne fortælle, at {forumName} har godkendt din idé »{ideaTitle}« som et {DanishText.TypeIndefinite(type)}.")
            .Paragraph($"Næste skridt er, at {leader} udfylder netværkskontrakten med formål, mandat, deltagere og tidsramme. Netværket starter med en opstartsworkshop, når kontrakten er på plads, og du hører fra os, når datoen ligger fast.")
            .Paragraph("Tak, fordi du tog initiativet – det er sådan, gode netværk bliver til.");
        return body.Build($"Din idé »{ideaTitle}« er godkendt", submitter, Signature.Secretariat);
    }

    /// <summary>The idea was rejected; the forum's reason is quoted.</summary>
    public static EmailMessage IdeaRejected(Recipient submitter, string ideaTitle, string forumName, string reason)
    {
        var body = new MessageBuilder()
            .Paragraph($"{forumName} har behandlet din idé »{ideaTitle}« og har besluttet ikke at sætte et netværk i gang på den nu.")
            .Facts("Forummets begrundelse", ("Begrundelse", reason))
            .Paragraph("Tak for dit engagement. Du er velkommen til at kontakte netværkssekretariatet, hvis du vil høre mere om beslutningen eller arbejde videre med idéen i en anden form.");
        return body.Build($"Beslutning om din idé »{ideaTitle}«", submitter, Signature.Secretariat);
    }

    /// <summary>The secretariat (or forum) needs more information before the idea can go on.</summary>
    public static EmailMessage IdeaNeedsInformation(Recipient submitter, string ideaTitle, string question, string answerUrl)
    {
        var body = new MessageBuilder()
            .Paragraph($"Vi er i gang med at se på din idé »{ideaTitle}«, og vi har brug for lidt flere oplysninger, før den kan gå videre:")
            .Emphasis(question)
            .Link("Du kan svare og supplere din idé her:", "Svar på spørgsmålet", answerUrl)
            .Paragraph("Behandlingen fortsætter, så snart vi har dit svar.");
        return body.Build($"Vi har brug for mere om din idé »{ideaTitle}«", submitter, Signature.Secretariat);
    }

    /// <summary>Request to a forum member to decide on an idea.</summary>
    public static EmailMessage ApprovalRequest(Recipient forumMember, ApprovalCase approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var body = new MessageBuilder()
            .Paragraph($"Netværkssekretariatet forelægger hermed en idé til et {DanishText.TypeIndefinite(approval.ProposedType)} til beslutning i {approval.ForumName}.")
            .IdeaFacts(approval)
            .Paragraph(approval.IdeaSummary)
            .Paragraph($"I kan godkende idéen, afvise den med en begrundelse eller bede om flere oplysninger. Vi beder om en beslutning senest {DanishText.Date(approval.DecideBy)}.")
            .Link("Se idéen og træf beslutning her:", "Gå til beslutningen", approval.DecisionUrl);
        return body.Build(
            $"Til beslutning i {approval.ForumName}: idé til {DanishText.TypeIndefinite(approval.ProposedType)} »{approval.IdeaTitle}«",
            forumMember,
            Signature.Secretariat);
    }

    /// <summary>Reminder to a forum member: no decision yet (default after 10 working days).</summary>
    public static EmailMessage ApprovalReminder(Recipient forumMember, ApprovalCase approval, int workingDaysWaiting)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var body = new MessageBuilder()
            .Paragraph($"Idéen »{approval.IdeaTitle}« blev forelagt {approval.ForumName} {DanishText.Date(approval.RequestedOn)} og venter stadig på en beslutning. Der er nu gået {DanishText.Count(workingDaysWaiting)} arbejdsdage.")
            .IdeaFacts(approval)
            .Paragraph($"Vi beder om en beslutning senest {DanishText.Date(approval.DecideBy)}, så forslagsstilleren kan få svar.")
            .Link("Se idéen og træf beslutning her:", "Gå til beslutningen", approval.DecisionUrl);
        return body.Build(
            $"Påmindelse: idéen »{approval.IdeaTitle}« venter på beslutning i {approval.ForumName}",
            forumMember,
            Signature.Secretariat);
    }

    /// <summary>Escalation to the secretariat: the forum has not decided (default after 20 working days).</summary>
    public static EmailMessage ApprovalEscalation(Recipient secretariat, ApprovalCase approval, int workingDaysWaiting)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var body = new MessageBuilder()
            .Paragraph($"{approval.ForumName} har endnu ikke truffet beslutning om idéen »{approval.IdeaTitle}«, som blev forelagt {DanishText.Date(approval.RequestedOn)}. Der er nu gået {DanishText.Count(workingDaysWaiting)} arbejdsdage, og forummet har fået en påmindelse.")
            .IdeaFacts(approval)
            .Paragraph("Overvej at få idéen sat på dagsordenen til forummets næste møde eller at tage direkte kontakt til forummet, så forslagsstilleren kan få svar.")
            .Link("Se sagen her:", "Gå til idéen", approval.DecisionUrl);
        return body.Build(
            $"Eskalering: ingen beslutning om »{approval.IdeaTitle}« efter {DanishText.Count(workingDaysWaiting)} arbejdsdage",
            secretariat,
            Signature.Netvaerksstedet);
    }

    /// <summary>Welcome to a new network leader, with what is still missing in the network contract.</summary>
    public static EmailMessage LeaderOnboarding(
        Recipient leader, string networkName, NetworkType type, IReadOnlyList<string> missingParts, string contractUrl)
    {
        ArgumentNullException.ThrowIfNull(missingParts);
        var label = DanishText.NetworkLabel(type, networkName);
        var body = new MessageBuilder()
            .Paragraph($"Velkommen som netværksleder for {label}. Netværket starter, når netværkskontrakten er udfyldt: tema, formål, mandat, forventet output og outcome, kernedeltagere, tidsramme, plan for inddragelse og plan for evaluering.")
            .Paragraph(FirstYearTarget(type));
        if (missingParts.Count == 0)
        {
            body.Paragraph("Kontrakten er komplet, så netværket kan startes. Næste skridt er at fastlægge datoen for opstartsworkshoppen.");
        }
        else
        {
            body.Paragraph("Det mangler endnu i kontrakten:").Bullets(missingParts);
        }

        body.Link("Du udfylder kontrakten her:", "Gå til netværkskontrakten", contractUrl)
            .Paragraph("Netværkssekretariatet hjælper gerne undervejs – skriv eller ring, hvis du har spørgsmål.");
        return body.Build($"Velkommen som netværksleder for {label}", leader, Signature.Secretariat);
    }

    /// <summary>A single-use sign-in link and how long it is valid.</summary>
    /// <summary>To the secretariat: a step failed on every attempt and is parked; the steps after it go on.</summary>
    public static EmailMessage StepParked(Recipient secretariat, NetworkSummary network, string stepName, string problem)
    {
        ArgumentNullException.ThrowIfNull(network);
        var body = new MessageBuilder()
            .Paragraph($"Trinnet »{stepName}« i {DanishText.NetworkLabel(network)} kunne ikke udføres, heller ikke efter flere forsøg. Det er sat i bero, og tidslinjens øvrige trin fortsætter.")
            .Facts("Fejlen", ("Trin", stepName), ("Besked", problem))
            .Paragraph("Ret årsagen (fx en forkert oplysning i netværkskontrakten), og prøv trinnet igen fra netværkets side.")
            .Link("Gå til netværket:", "Se netværket", network.PageUrl ?? "");
        return body.Build($"Fejl: »{stepName}« i {network.Name} er sat i bero", secretariat, Signature.Netvaerksstedet);
    }

    /// <summary>To the secretariat: a step ran, but some recipients' messages could not be made.</summary>
    public static EmailMessage RecipientsLeftOut(Recipient secretariat, NetworkSummary network, string stepName, string problem)
    {
        ArgumentNullException.ThrowIfNull(network);
        var body = new MessageBuilder()
            .Paragraph($"Trinnet »{stepName}« i {DanishText.NetworkLabel(network)} er udført, men nogle modtagere fik ikke beskeden, fordi den ikke kunne dannes til dem.")
            .Facts("Modtagere uden besked", ("Trin", stepName), ("Hvem og hvorfor", problem))
            .Paragraph("Ret deltagernes oplysninger i netværkskontrakten. De øvrige deltagere har fået beskeden.")
            .Link("Gå til netværket:", "Se netværket", network.PageUrl ?? "");
        return body.Build($"Nogle modtagere fik ikke »{stepName}« i {network.Name}", secretariat, Signature.Netvaerksstedet);
    }

    public static EmailMessage SignInLink(Recipient recipient, string signInUrl, DateTimeOffset expiresAt)
    {
        var body = new MessageBuilder()
            .Paragraph("Her er dit link til at logge ind på Netværksstedet.")
            .Link("Log ind via dette link:", "Log ind på Netværksstedet", signInUrl)
            .Facts("Om linket", ("Gyldigt til", DanishText.DateTime(expiresAt)), ("Brug", "Kan kun bruges én gang"))
            .Paragraph("Del ikke linket med andre. Har du ikke selv bedt om at logge ind, kan du se bort fra denne mail – der sker ikke noget, før linket bliver brugt.");
        return body.Build("Dit login-link til Netværksstedet", recipient, Signature.Netvaerksstedet);
    }

    /// <summary>The summary sent when a network closes (to the leader, the participants or the secretariat).</summary>
    public static EmailMessage NetworkClosedSummary(Recipient recipient, NetworkClosingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var label = DanishText.NetworkLabel(summary.Type, summary.NetworkName);
        var culture = DanishText.Culture;
        var facts = new List<(string, string)>
        {
            ("Periode", $"{DanishText.Date(summary.StartedOn)} – {DanishText.Date(summary.ClosedOn)}"),
            ("Netværksmøder holdt", summary.MeetingsHeld.ToString(culture)),
            ("Deltagere", summary.ParticipantCount.ToString(culture)),
            ("Registreret inddragelse", summary.InvolvementRegistrations.ToString(culture)),
        };
        if (summary.Type == NetworkType.Innovation)
        {
            facts.Add(("Forslag til nye velfærdsydelser", summary.ProposalTitles.Count.ToString(culture)));
        }

        var body = new MessageBuilder()
            .Paragraph(summary.ClosedEarly
                ? $"{label} er afsluttet før tid. Tak til alle, der har bidraget til netværkets arbejde."
                : $"{label} er nu afsluttet. Tak til alle, der har bidraget til netværkets arbejde.")
            .Facts("Netværket i tal", [.. facts]);
        if (summary.ProposalTitles.Count > 0)
        {
            body.Paragraph("Netværkets forslag til nye velfærdsydelser:").Bullets(summary.ProposalTitles);
        }

        if (summary.FollowUpOn is { } followUp)
        {
            body.Paragraph(summary.Type == NetworkType.Learning
                ? $"Den {DanishText.Date(followUp)} sender vi en kort opfølgning ud for at høre, om den nye viden er sat i spil."
                : $"Den {DanishText.Date(followUp)} sender vi en kort opfølgning ud for at høre, om netværket har gjort en forskel i driften.");
        }

        body.Paragraph($"Netværket blev ledet af {summary.LeaderName}.");
        return body.Build($"{label} er afsluttet", recipient, Signature.Netvaerksstedet, label);
    }

    private static MessageBuilder IdeaFacts(this MessageBuilder body, ApprovalCase approval) =>
        body.Facts(
            "Idéen",
            ("Titel", approval.IdeaTitle),
            ("Foreslået netværkstype", DanishText.Capitalize(DanishText.TypeIndefinite(approval.ProposedType))),
            ("Indsendt af", approval.SubmitterName),
            ("Forelagt", DanishText.Date(approval.RequestedOn)));

    private static string FirstYearTarget(NetworkType type) => type switch
    {
        NetworkType.Innovation =>
            "Målet for et innovationsnetværk er mindst ét forslag til en ny, innovativ velfærdsydelse i løbet af det første år.",
        NetworkType.Welfare =>
            "Målet for et velfærdsnetværk er forbedrede rutiner, så både borgere og medarbejdere oplever en forbedring.",
        NetworkType.Learning =>
            "Målet for et læringsnetværk er, at deltagerne oplever at have udviklet og efter egen vurdering forbedret deres kompetencer.",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown network type."),
    };
}

/// <summary>An idea put to a forum for decision.</summary>
/// <param name="IdeaTitle">The idea's title.</param>
/// <param name="IdeaSummary">A short description of the idea (one paragraph).</param>
/// <param name="ProposedType">The network type the idea is proposed as.</param>
/// <param name="SubmitterName">Who submitted the idea.</param>
/// <param name="ForumName">The deciding forum, e.g. "Chefforum".</param>
/// <param name="RequestedOn">When the idea was put to the forum.</param>
/// <param name="DecideBy">The date a decision is asked for.</param>
/// <param name="DecisionUrl">Where the forum decides.</param>
public sealed record ApprovalCase(
    string IdeaTitle,
    string IdeaSummary,
    NetworkType ProposedType,
    string SubmitterName,
    string ForumName,
    DateOnly RequestedOn,
    DateOnly DecideBy,
    string DecisionUrl);

/// <summary>What a network achieved, for the message when it closes.</summary>
/// <param name="FollowUpOn">When the outcome follow-up survey goes out, if one is planned.</param>
public sealed record NetworkClosingSummary(
    string NetworkName,
    NetworkType Type,
    string LeaderName,
    DateOnly StartedOn,
    DateOnly ClosedOn,
    bool ClosedEarly,
    int MeetingsHeld,
    int ParticipantCount,
    int InvolvementRegistrations,
    IReadOnlyList<string> ProposalTitles,
    DateOnly? FollowUpOn = null);
