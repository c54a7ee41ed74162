using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Messages;

/// <summary>
/// Composes the Danish e-mail of one timeline step for one recipient. Pure: everything comes in through
/// <see cref="StepMessageContext"/>; the same context always gives an equal <see cref="EmailMessage"/>.
/// </summary>
/// <remarks>
/// The caller decides <em>whether</em> a step sends (it evaluates <see cref="TimelineStep.Condition"/> and picks
/// the recipients of <see cref="TimelineStep.To"/>); the composer only decides <em>what</em> it says.
/// A missing input that the step kind needs (meeting, survey link, figures…) is an <see cref="ArgumentException"/>.
/// </remarks>
public static partial class MessageComposer
{
    /// <summary>
    /// The message of the step for <see cref="StepMessageContext.Recipient"/>, or <c>null</c> for
    /// <see cref="StepKind.Meeting"/>: the meeting itself is an event on the timeline, not a message (its
    /// invitation and reminders are their own steps).
    /// </summary>
    public static EmailMessage? Compose(StepMessageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Step.Kind switch
        {
            StepKind.Meeting => null,
            StepKind.StartupWorkshopInvitation => StartupWorkshopInvitation(context),
            StepKind.MeetingReminder => MeetingReminder(context),
            StepKind.MeetingMoved => MeetingMoved(context),
            StepKind.MeetingCancelled => MeetingCancelled(context),
            StepKind.CitizenInvolvementNudge => CitizenInvolvementNudge(context),
            StepKind.StakeholderInvolvementNudge => StakeholderInvolvementNudge(context),
            StepKind.ExpertInvolvementNudge => ExpertInvolvementNudge(context),
            StepKind.BaselineSurvey => BaselineSurvey(context),
            StepKind.EvaluationSurvey => EvaluationSurvey(context),
            StepKind.SurveyReminder => SurveyReminder(context),
            StepKind.FollowUpSurvey => FollowUpSurvey(context),
            StepKind.PoliticalStatus => PoliticalStatus(context),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Step.Kind, "Unknown step kind."),
        };
    }

    private static string Label(StepMessageContext context) => DanishText.NetworkLabel(context.Network);

    /// <summary>"»Frivillighed i Albertslund«" for subjects where the type would make them long.</summary>
    private static string Quoted(StepMessageContext context) => $"»{context.Network.Name}«";

    private static Meeting RequireMeeting(StepMessageContext context, bool mustBeActive = true)
    {
        var meeting = context.Meeting
            ?? throw new ArgumentException($"A {context.Step.Kind} step needs the meeting it concerns.", nameof(context));
        if (mustBeActive && meeting.Cancelled)
        {
            throw new ArgumentException(
                $"Meeting '{meeting.Id}' is cancelled; a {context.Step.Kind} step must not be sent for it.", nameof(context));
        }

        return meeting;
    }

    /// <summary>Participant messages from the leader: the network's name goes into the unsubscribe reason.</summary>
    private static EmailMessage FromLeader(
        MessageBuilder body, StepMessageContext context, string subject, params EmailAttachment[] attachments) =>
        body.Build(subject, context.Recipient, Signature.Leader(context.Network), Label(context), attachments);

    /// <summary>Automatic messages to the leader, the secretariat or the political liaison.</summary>
    private static EmailMessage FromNetvaerksstedet(
        MessageBuilder body, StepMessageContext context, string subject, string? footerNote = null) =>
        body.Build(subject, context.Recipient, Signature.Netvaerksstedet, Label(context), footerNote: footerNote);

    private static EmailAttachment Ics(StepMessageContext context, Meeting meeting, CalendarMethod method) =>
        context.Invitations?.Attachment(meeting, context.Recipient, method)
        ?? MeetingInvitation.Attachment(meeting, context.Network, [context.Recipient], method, context.Step.Due);

    private static MessageBuilder ContactLeader(this MessageBuilder body, StepMessageContext context, string lead) =>
        body.Paragraph($"{lead} {context.Network.LeaderEmail}.");

    /// <summary>The link to the network's page, if the caller gave one.</summary>
    private static MessageBuilder NetworkPageLink(this MessageBuilder body, StepMessageContext context, string lead) =>
        context.Network.PageUrl is { } url ? body.Link(lead, "Gå til netværkets side", url) : body;

    private static string TypeIntroduction(NetworkType type) => type switch
    {
        NetworkType.Welfare =>
            "Velfærdsnetværket arbejder intensivt i fire uger med en borgernær velfærdsopgave, og borgerne inddrages løbende undervejs.",
        NetworkType.Learning =>
            "Læringsnetværket mødes 4–5 gange over et halvt år, hvor vi deler viden og udvikler vores kompetencer gennem refleksion over egen praksis.",
        NetworkType.Innovation =>
            "Innovationsnetværket arbejder i omkring et år med en stor og kompleks problemstilling på tværs af fagområder og inddrager løbende borgere, virksomheder, vidensinstitutioner og andre aktører.",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown network type."),
    };
}
