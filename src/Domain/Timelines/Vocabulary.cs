namespace Netvaerk.Domain.Timelines;

/// <summary>What a timeline step does. The kebab-case names are the wire names (JSON, simulate output).</summary>
public enum StepKind
{
    Meeting,
    StartupWorkshopInvitation,
    MeetingReminder,
    CitizenInvolvementNudge,
    StakeholderInvolvementNudge,
    ExpertInvolvementNudge,
    BaselineSurvey,
    EvaluationSurvey,
    SurveyReminder,
    FollowUpSurvey,
    PoliticalStatus,

    /// <summary>Notice to participants that a meeting moved, with an updated calendar invitation.</summary>
    MeetingMoved,

    /// <summary>Notice to participants that a meeting was cancelled, with a cancelling calendar invitation.</summary>
    MeetingCancelled,
}

public enum MeetingKind
{
    StartupWorkshop,
    NetworkMeeting,
    ClosingMeeting,
}

/// <summary>Which survey a survey step (or a reminder for it) belongs to.</summary>
public enum SurveyKind
{
    /// <summary>Læringsnetværk: competence self-assessment sent with the workshop invitation.</summary>
    Baseline,

    /// <summary>Innovationsnetværk: the evaluation half-way.</summary>
    MidTerm,

    /// <summary>The end evaluation (output).</summary>
    End,

    /// <summary>The later follow-up (outcome).</summary>
    FollowUp,
}

/// <summary>The recipient group of a step.</summary>
public enum Audience
{
    /// <summary>Every participant, core and peripheral, citizens included.</summary>
    AllParticipants,

    /// <summary>The network leader (netværksleder).</summary>
    Leader,

    /// <summary>Netværkssekretariatet.</summary>
    Secretariat,

    /// <summary>The political committee liaison (§17,4-udvalget) together with the secretariat.</summary>
    PoliticalLiaisonAndSecretariat,
}

/// <summary>The groups an innovation network's monthly nudge rotates through.</summary>
public enum StakeholderGroup
{
    Citizens,
    Companies,
    KnowledgeInstitutions,
    InterestOrganisations,
    Politicians,
    LeadershipForums,
}

/// <summary>A condition checked when the step runs; a step whose condition fails runs and sends nothing.</summary>
public enum StepCondition
{
    None,

    /// <summary>Only if no citizen involvement has been registered (the secretariat flag).</summary>
    NoCitizenInvolvementRegistered,

    /// <summary>Only to those who have not answered the survey yet.</summary>
    NonRespondentsOnly,
}

public enum StepStatus
{
    Pending,
    Done,
    Cancelled,

    /// <summary>
    /// Parked: the step failed on every attempt its <see cref="StepRetryPolicy"/> allows. Later steps go on; the
    /// secretariat is told and may retry it (<see cref="TimelineState.RetryParked"/>).
    /// </summary>
    Failed,
}

public enum TimelineStatus
{
    Active,
    Paused,

    /// <summary>Closed early: nothing new is planned; what is still pending (end evaluation, follow-up) runs.</summary>
    Closed,
}
