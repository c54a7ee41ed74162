using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Local.Simulation;

/// <summary>One meeting or one step's messages, as <c>simulate</c> prints it.</summary>
internal sealed record SimulatedEvent(
    DateTimeOffset At,
    StepKind Kind,
    string StepId,
    Audience To,
    string Subject,
    int Recipients,
    MeetingKind? MeetingKind = null,
    SurveyKind? Evaluation = null,
    SurveyKind? Survey = null,
    string? Place = null);

/// <summary>
/// Drives a sample network through its whole timeline on a virtual clock, exactly as a host would: ask the state
/// what is due, execute it through the domain, report it done, otherwise jump the clock to the next instant.
/// No survey answers and no involvement registrations arrive.
/// </summary>
internal static class TimelineSimulator
{
    public static IReadOnlyList<SimulatedEvent> Run(NetworkType type, DateOnly start)
    {
        var (network, directory) = SampleNetwork.For(type);
        var state = TimelinePlanner.Plan(network.Id, type, TimelineTemplates.For(type), start);
        var events = new List<SimulatedEvent>();
        var now = DateTimeOffset.MinValue;

        while (true)
        {
            switch (state.NextDue(now))
            {
                case NextDue.Run { Step: var step }:
                    events.AddRange(Execute(state, step, network, directory));
                    state = state.Done(step.Id, step.Version);
                    break;
                case NextDue.WakeAt { Instant: var instant }:
                    now = instant;
                    break;
                default:
                    return events;
            }
        }
    }

    private static IEnumerable<SimulatedEvent> Execute(TimelineState state, TimelineStep step, NetworkSummary network, NetworkDirectory directory)
    {
        var at = Domain.Calendar.CopenhagenTime.ToLocal(step.Due);
        if (step.Kind == StepKind.Meeting)
        {
            var meeting = state.Meeting(step.MeetingId!)!;
            yield return new SimulatedEvent(at, step.Kind, step.Id, step.To, "", directory.Participants.Count,
                MeetingKind: meeting.Kind, Place: meeting.Place);
            yield break;
        }

        var figures = new StatusFigures(
            state.Steps.Count(s => s.Kind == StepKind.Meeting && s.Status == StepStatus.Done),
            state.Meetings.Count(m => !m.Cancelled),
            InvolvementRegistrations: 0,
            ProposalTitles: []);
        var facts = StepFacts.None with
        {
            SurveyUrlFor = r => $"https://netvaerk.albertslund.dk/svar/eksempel-{Uri.EscapeDataString(r.Email)}",
            Figures = figures,
        };
        var messages = StepMessages.For(state, step, network, directory, facts);
        if (messages.Count == 0) yield break;

        yield return new SimulatedEvent(at, step.Kind, step.Id, step.To, messages[0].Message.Subject, messages.Count,
            MeetingKind: step.MeetingId is { } id && step.Kind == StepKind.MeetingReminder ? state.Meeting(id)!.Kind : null,
            Evaluation: step.Kind == StepKind.EvaluationSurvey ? step.Survey : null,
            Survey: step.Kind == StepKind.EvaluationSurvey ? null : step.Survey);
    }
}
