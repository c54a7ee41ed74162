using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Messages;

/// <summary>
/// Everything <see cref="MessageComposer.Compose"/> needs to write the message of one timeline step for one
/// recipient. Nothing is looked up: the caller passes what the step kind needs (see each property).
/// </summary>
/// <param name="Network">The network the step belongs to.</param>
/// <param name="Step">The step being executed; its <see cref="TimelineStep.Due"/> is also the calendar DTSTAMP.</param>
/// <param name="Recipient">Who this copy of the message is for.</param>
/// <param name="Meeting">
/// The meeting the step concerns: required for invitations, reminders, moved/cancelled notices and the expert
/// nudge (the coming meeting). For the citizen-involvement nudge to the leader it decides the variant: the
/// start-up workshop gives the planning nudge, any other meeting (or none) the registration nudge.
/// </param>
/// <param name="PreviousMeeting">For <see cref="StepKind.MeetingMoved"/>: the meeting as it was before the move.</param>
/// <param name="SurveyUrl">For survey steps and survey reminders: the recipient's personal survey link.</param>
/// <param name="SurveyClosesAt">For survey steps and survey reminders: when the survey closes.</param>
/// <param name="Figures">For <see cref="StepKind.PoliticalStatus"/>: the status figures.</param>
/// <param name="Invitations">
/// The step's shared invitations; must be for <paramref name="Network"/> and the step's due instant. Without it each
/// message serialises its own calendar (same text, more work).
/// </param>
public sealed record StepMessageContext(
    NetworkSummary Network,
    TimelineStep Step,
    Recipient Recipient,
    Meeting? Meeting = null,
    Meeting? PreviousMeeting = null,
    string? SurveyUrl = null,
    DateTimeOffset? SurveyClosesAt = null,
    StatusFigures? Figures = null,
    StepInvitations? Invitations = null);

/// <summary>
/// The calendar invitations of one step, shared by its recipients: a memo of <see cref="MeetingInvitation.Template"/>
/// per meeting version and method. Gives the same attachments as <see cref="MeetingInvitation.Attachment"/>.
/// </summary>
public sealed class StepInvitations(NetworkSummary network, DateTimeOffset stamp)
{
    private readonly Dictionary<(Meeting Meeting, CalendarMethod Method), MeetingInvitation.InvitationTemplate> _templates = [];

    public EmailAttachment Attachment(Meeting meeting, Recipient recipient, CalendarMethod method)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (!_templates.TryGetValue((meeting, method), out var template))
        {
            _templates[(meeting, method)] = template = MeetingInvitation.Template(meeting, network, method, stamp);
        }

        return template.Attachment(recipient);
    }
}

/// <summary>The figures in a quarterly political status.</summary>
/// <param name="MeetingsHeld">Network meetings held so far (the start-up workshop included).</param>
/// <param name="MeetingsPlanned">All meetings in the plan (held and coming).</param>
/// <param name="InvolvementRegistrations">Registered citizen/stakeholder involvements so far.</param>
/// <param name="ProposalTitles">Titles of the proposals for new welfare services so far (may be empty).</param>
public sealed record StatusFigures(
    int MeetingsHeld,
    int MeetingsPlanned,
    int InvolvementRegistrations,
    IReadOnlyList<string> ProposalTitles)
{
    public int ProposalCount => ProposalTitles.Count;
}
