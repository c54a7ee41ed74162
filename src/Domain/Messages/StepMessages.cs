using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Messages;

/// <summary>Who receives a network's messages, by recipient group. Only contactable people belong here.</summary>
public sealed record NetworkDirectory(
    Recipient Leader,
    IReadOnlyList<Recipient> Participants,
    IReadOnlyList<Recipient> Secretariat,
    IReadOnlyList<Recipient> PoliticalLiaison)
{
    public IReadOnlyList<Recipient> For(Audience audience) => audience switch
    {
        Audience.AllParticipants => Participants,
        Audience.Leader => [Leader],
        Audience.Secretariat => Secretariat,
        Audience.PoliticalLiaisonAndSecretariat =>
            PoliticalLiaison.Concat(Secretariat).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
    };
}

/// <summary>
/// What the timeline itself does not know but a step's condition or text needs: registered involvement, who has
/// answered the step's survey, each recipient's personal survey link, and the status figures.
/// </summary>
public sealed record StepFacts(
    bool CitizenInvolvementRegistered,
    IReadOnlySet<string> SurveyRespondents,
    Func<Recipient, string>? SurveyUrlFor = null,
    StatusFigures? Figures = null)
{
    public static StepFacts None { get; } = new(false, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
}

/// <summary>One composed e-mail for one recipient, with the key that makes sending it idempotent.</summary>
public sealed record AddressedMessage(string Key, Recipient Recipient, EmailMessage Message);

/// <summary>
/// Executing a timeline step, minus the I/O: which recipients get which message. The same inputs always give the
/// same messages and keys (<c>{network}/{stepId}/{version}/{recipient}</c>), so running a step twice sends once.
/// </summary>
public static class StepMessages
{
    public static IReadOnlyList<AddressedMessage> For(
        TimelineState state, TimelineStep step, NetworkSummary network, NetworkDirectory directory, StepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(facts);

        if (step.Kind == StepKind.Meeting) return [];
        if (step.Condition == StepCondition.NoCitizenInvolvementRegistered && facts.CitizenInvolvementRegistered) return [];

        var recipients = directory.For(step.To);
        if (step.Condition == StepCondition.NonRespondentsOnly)
        {
            recipients = recipients.Where(r => !facts.SurveyRespondents.Contains(r.Email)).ToArray();
        }

        var meeting = MeetingFor(state, step);
        var closesAt = step.SurveyStepId is { } survey ? state.SurveyClosesAt(survey) : (DateTimeOffset?)null;
        var invitations = new StepInvitations(network, step.Due);
        return recipients
            .Select(r => new StepMessageContext(network, step, r, meeting, step.PreviousMeeting,
                closesAt is null ? null : facts.SurveyUrlFor?.Invoke(r), closesAt, facts.Figures, invitations))
            .Select(c => new AddressedMessage(
                OutboxMessage.StepKey(network.Id, step.Id, step.Version, c.Recipient.Email),
                c.Recipient,
                MessageComposer.Compose(c) ?? throw new InvalidOperationException($"Step {step.Id} composed no message.")))
            .ToArray();
    }

    /// <summary>The meeting a step's text is about; the day-0 citizen nudge is about planning at the workshop.</summary>
    private static Meeting? MeetingFor(TimelineState state, TimelineStep step) =>
        step.MeetingId is { } id ? state.Meeting(id)
        : step.Id == TimelinePlanner.CitizenNudgeId(0) ? state.Meeting(TimelinePlanner.WorkshopId)
        : null;
}
