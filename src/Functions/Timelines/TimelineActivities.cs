using Microsoft.Azure.Functions.Worker;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Functions.Timelines;

/// <summary>
/// The timeline's activities: one per step kind (so each shows by name in the history and the logs) and the question
/// what comes next. Each is a call into <see cref="NetworkWorkflow"/>, the same code the local runner runs, at the
/// instant the orchestrator passes in.
/// </summary>
public sealed class TimelineActivities(NetworkWorkflow networks)
{
    /// <summary>The activity that runs a step of this kind.</summary>
    public static string For(StepKind kind) => kind switch
    {
        StepKind.Meeting => nameof(Meeting),
        StepKind.StartupWorkshopInvitation => nameof(StartupWorkshopInvitation),
        StepKind.MeetingReminder => nameof(MeetingReminder),
        StepKind.CitizenInvolvementNudge => nameof(CitizenInvolvementNudge),
        StepKind.StakeholderInvolvementNudge => nameof(StakeholderInvolvementNudge),
        StepKind.ExpertInvolvementNudge => nameof(ExpertInvolvementNudge),
        StepKind.BaselineSurvey => nameof(BaselineSurvey),
        StepKind.EvaluationSurvey => nameof(EvaluationSurvey),
        StepKind.SurveyReminder => nameof(SurveyReminder),
        StepKind.FollowUpSurvey => nameof(FollowUpSurvey),
        StepKind.PoliticalStatus => nameof(PoliticalStatus),
        StepKind.MeetingMoved => nameof(MeetingMoved),
        StepKind.MeetingCancelled => nameof(MeetingCancelled),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A step kind without an activity."),
    };

    [Function(nameof(NextStep))]
    public async Task<TimelineNext> NextStep([ActivityTrigger] NextInput input, CancellationToken cancellationToken) =>
        TimelineNext.From(await networks.NextAsync(Guid.Parse(input.NetworkId), input.At, cancellationToken));

    [Function(nameof(Meeting))]
    public Task<TimelineNext> Meeting([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(StartupWorkshopInvitation))]
    public Task<TimelineNext> StartupWorkshopInvitation([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(MeetingReminder))]
    public Task<TimelineNext> MeetingReminder([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(CitizenInvolvementNudge))]
    public Task<TimelineNext> CitizenInvolvementNudge([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(StakeholderInvolvementNudge))]
    public Task<TimelineNext> StakeholderInvolvementNudge([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(ExpertInvolvementNudge))]
    public Task<TimelineNext> ExpertInvolvementNudge([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(BaselineSurvey))]
    public Task<TimelineNext> BaselineSurvey([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(EvaluationSurvey))]
    public Task<TimelineNext> EvaluationSurvey([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(SurveyReminder))]
    public Task<TimelineNext> SurveyReminder([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(FollowUpSurvey))]
    public Task<TimelineNext> FollowUpSurvey([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(PoliticalStatus))]
    public Task<TimelineNext> PoliticalStatus([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(MeetingMoved))]
    public Task<TimelineNext> MeetingMoved([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    [Function(nameof(MeetingCancelled))]
    public Task<TimelineNext> MeetingCancelled([ActivityTrigger] StepInput input, CancellationToken cancellationToken) => RunAsync(input, cancellationToken);

    /// <summary>Every step kind runs the same way: the domain's step executor, at the orchestrator's instant.</summary>
    public async Task<TimelineNext> RunAsync(StepInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TimelineNext.From(await networks.RunStepAsync(Guid.Parse(input.NetworkId), input.StepId, input.Version, input.At, cancellationToken));
    }
}
