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

/// <summary>A recipient whose message could not be made (a stored address the mail cannot carry, a composing fault).</summary>
public sealed record RecipientFailure(Recipient Recipient, string Reason);

/// <summary>The messages of one step, and the recipients left out because theirs could not be made.</summary>
public sealed record StepComposition(IReadOnlyList<AddressedMessage> Messages, IReadOnlyList<RecipientFailure> Failures);

/// <summary>
/// Executing a timeline step, minus the I/O: which recipients get which message. The same inputs always give the
/// same messages and keys (<c>{network}/{stepId}/{version}/{recipient}</c>), so running a step twice sends once.
/// </summary>
public static class StepMessages
{
    /// <summary>The step's messages; throws if any recipient's message cannot be made (see <see cref="Compose"/>).</summary>
    public static IReadOnlyList<AddressedMessage> For(
        TimelineState state, TimelineStep step, NetworkSummary network, NetworkDirectory directory, StepFacts facts)
    {
        var composed = Compose(state, step, network, directory, facts);
        return composed.Failures.Count == 0
            ? composed.Messages
            : throw new InvalidOperationException($"Step {step.Id}: {composed.Failures[0].Reason}");
    }

    /// <summary>
    /// The step's messages, one recipient at a time: a recipient whose message cannot be made is left out and named, so
    /// one bad address never keeps the others from theirs.
    /// </summary>
    public static StepComposition Compose(
        TimelineState state, TimelineStep step, NetworkSummary network, NetworkDirectory directory, StepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(facts);

        if (step.Kind == StepKind.Meeting) return new([], []);
        if (step.Condition == StepCondition.NoCitizenInvolvementRegistered && facts.CitizenInvolvementRegistered) return new([], []);

        var recipients = directory.For(step.To);
        if (step.Condition == StepCondition.NonRespondentsOnly)
        {
            recipients = recipients.Where(r => !facts.SurveyRespondents.Contains(r.Email)).ToArray();
        }

        var meeting = MeetingFor(state, step);
        var closesAt = step.SurveyStepId is { } survey ? state.SurveyClosesAt(survey) : (DateTimeOffset?)null;
        var invitations = new StepInvitations(network, step.Due);
        var messages = new List<AddressedMessage>(recipients.Count);
        var failures = new List<RecipientFailure>();
        foreach (var recipient in recipients)
        {
            if (!Participants.EmailAddress.IsValid(recipient.Email))
            {
                failures.Add(new RecipientFailure(recipient, $"»{recipient.Email}« er ikke en gyldig e-mailadresse."));
                continue;
            }

            try
            {
                var context = new StepMessageContext(network, step, recipient, meeting, step.PreviousMeeting,
                    closesAt is null ? null : facts.SurveyUrlFor?.Invoke(recipient), closesAt, facts.Figures, invitations);
                messages.Add(new AddressedMessage(
                    OutboxMessage.StepKey(network.Id, step.Id, step.Version, recipient.Email),
                    recipient,
                    MessageComposer.Compose(context) ?? throw new InvalidOperationException($"Step {step.Id} composed no message.")));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                failures.Add(new RecipientFailure(recipient, $"Beskeden kunne ikke dannes: {e.Message}"));
            }
        }

        return new StepComposition(messages, failures);
    }

    /// <summary>The meeting a step's text is about; the day-0 citizen nudge is about planning at the workshop.</summary>
    private static Meeting? MeetingFor(TimelineState state, TimelineStep step) =>
        step.MeetingId is { } id ? state.Meeting(id)
        : step.Id == TimelinePlanner.CitizenNudgeId(0) ? state.Meeting(TimelinePlanner.WorkshopId)
        : null;
}
