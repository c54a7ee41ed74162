using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Messages;

/// <summary>Invitations, reminders and change notices: each states date, time and place in the body and carries an .ics.</summary>
public static partial class MessageComposer
{
    /// <summary>The reflection prompt of the learning network's meeting reminders.</summary>
    public const string ReflectionPrompt = "Hvad har du afprøvet i din praksis siden sidst?";

    private static EmailMessage StartupWorkshopInvitation(StepMessageContext context)
    {
        var meeting = RequireMeeting(context);
        var body = new MessageBuilder()
            .Paragraph($"Du inviteres hermed til opstartsworkshoppen i {Label(context)}. Workshoppen er netværkets første møde, hvor vi sammen lægger grunden for arbejdet: formålet, mandatet og hvordan vi arbejder sammen.")
            .Paragraph(TypeIntroduction(context.Network.Type))
            .TimeAndPlace(meeting);
        if (context.Network.Type == NetworkType.Learning)
        {
            body.Paragraph("Du får også en mail med et link til en kort selvevaluering af dine kompetencer inden for temaet. Den tager kun få minutter, og de samme spørgsmål stilles igen ved netværkets afslutning, så vi kan se, hvad netværket har flyttet.");
        }

        body.Paragraph("Kalenderinvitationen er vedhæftet, så du kan lægge workshoppen direkte i din kalender.")
            .ContactLeader(context, "Har du spørgsmål, er du velkommen til at skrive til mig på")
            .Paragraph("Jeg glæder mig til at se dig.");
        return FromLeader(
            body,
            context,
            $"Invitation: opstartsworkshop i {Label(context)}",
            Ics(context, meeting, CalendarMethod.Request));
    }

    private static EmailMessage MeetingReminder(StepMessageContext context)
    {
        var meeting = RequireMeeting(context);
        var body = new MessageBuilder()
            .Paragraph($"Her er en påmindelse om {DanishText.MeetingNameDefinite(meeting)} i {Label(context)}.")
            .TimeAndPlace(meeting);
        if (context.Network.Type == NetworkType.Learning)
        {
            body.Paragraph("Til refleksion inden mødet:")
                .Emphasis(ReflectionPrompt)
                .Paragraph("Tag gerne et konkret eksempel med – vi tager udgangspunkt i jeres erfaringer.");
        }

        body.Paragraph("Kalenderinvitationen er vedhæftet igen, så du har tid og sted i din kalender.")
            .ContactLeader(context, "Er du forhindret, så giv mig gerne besked på")
            .Paragraph("Vi ses.");
        return FromLeader(
            body,
            context,
            $"Påmindelse: {DanishText.MeetingName(meeting)} {DanishText.ShortDate(meeting.Date)}",
            Ics(context, meeting, CalendarMethod.Request));
    }

    private static EmailMessage MeetingMoved(StepMessageContext context)
    {
        var meeting = RequireMeeting(context);
        var previous = context.PreviousMeeting
            ?? throw new ArgumentException("A MeetingMoved step needs the meeting as it was before the move.", nameof(context));
        if (meeting.Sequence <= previous.Sequence)
        {
            throw new ArgumentException(
                $"The moved meeting's SEQUENCE ({meeting.Sequence}) must be greater than before ({previous.Sequence}), or calendars keep the old time.",
                nameof(context));
        }

        var body = new MessageBuilder()
            .Paragraph($"{DanishText.Capitalize(DanishText.MeetingNameDefinite(meeting))} i {Label(context)} er flyttet. Bemærk det nye tidspunkt:")
            .TimeAndPlace(meeting, "Ny tid og sted")
            .TimeAndPlace(previous, "Tidligere tid og sted")
            .Paragraph("Den vedhæftede kalenderinvitation opdaterer aftalen i din kalender.")
            .ContactLeader(context, "Beklager ulejligheden. Kan du ikke deltage på det nye tidspunkt, så giv mig gerne besked på");
        return FromLeader(
            body,
            context,
            $"Ændring: {DanishText.MeetingName(meeting)} holdes nu {DanishText.ShortDate(meeting.Date)} kl. {DanishText.Time(meeting.Start)}",
            Ics(context, meeting, CalendarMethod.Request));
    }

    private static EmailMessage MeetingCancelled(StepMessageContext context)
    {
        var meeting = RequireMeeting(context, mustBeActive: false);
        var body = new MessageBuilder()
            .Paragraph($"{DanishText.Capitalize(DanishText.MeetingNameDefinite(meeting))} i {Label(context)} er desværre aflyst.")
            .TimeAndPlace(meeting, "Det aflyste møde")
            .Paragraph("Den vedhæftede kalenderfil fjerner aftalen fra din kalender.")
            .ContactLeader(context, "Har du spørgsmål, er du velkommen til at skrive til mig på");
        return FromLeader(
            body,
            context,
            $"Aflyst: {DanishText.MeetingName(meeting)} {DanishText.ShortDate(meeting.Date)}",
            Ics(context, meeting, CalendarMethod.Cancel));
    }
}
