using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Timelines;

/// <summary>Builds a network's timeline from its type's settings and day 0 (the start-up workshop).</summary>
public static class TimelinePlanner
{
    public const string WorkshopId = "startup-workshop";
    public const string WorkshopInvitationId = "startup-workshop-invitation";
    public const string BaselineSurveyId = "baseline-survey";
    public const string MidTermEvaluationId = "mid-term-evaluation";
    public const string EndEvaluationId = "end-evaluation";
    public const string FollowUpSurveyId = "follow-up-survey";
    public const string CitizenInvolvementFlagId = "citizen-involvement-flag";

    private static readonly StakeholderGroup[] StakeholderRotation = Enum.GetValues<StakeholderGroup>();

    public static string MeetingId(int number) => number == 0 ? WorkshopId : $"meeting-{number}";

    public static string CitizenNudgeId(int day) => $"citizen-involvement-nudge-day-{day}";

    /// <summary>
    /// The plan for a network starting on <paramref name="startDate"/>; a start on a non-working day moves
    /// to the next working day, which becomes day 0.
    /// </summary>
    public static TimelineState Plan(string networkId, NetworkType type, TimelineSettings settings, DateOnly startDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkId);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);

        var calendar = new DanishCalendar(settings.IncludeExtraNonWorkingDays);
        var day0 = calendar.OnOrNextWorkingDay(startDate);
        var meetings = PlanMeetings(settings, calendar, day0);
        var steps = new List<TimelineStep>();

        DateTimeOffset SendOn(DateOnly date) => CopenhagenTime.At(calendar.OnOrNextWorkingDay(date), settings.SendTime);

        foreach (var meeting in meetings)
        {
            steps.Add(Anchored(meeting.Id, StepKind.Meeting, Audience.AllParticipants,
                new StepAnchor(AnchorBase.MeetingStart, meeting.Id)) with { MeetingId = meeting.Id });
        }

        var invitationAnchor = new StepAnchor(AnchorBase.WorkingDaysBeforeMeeting, WorkshopId, settings.InvitationLeadWorkingDays);
        steps.Add(Anchored(WorkshopInvitationId, StepKind.StartupWorkshopInvitation, Audience.AllParticipants, invitationAnchor)
            with { MeetingId = WorkshopId });
        if (settings.BaselineSurvey)
        {
            // Sent with the workshop invitation, so it follows the workshop if that moves.
            AddSurvey(steps, settings, BaselineSurveyId, StepKind.BaselineSurvey, SurveyKind.Baseline, invitationAnchor);
        }

        foreach (var meeting in meetings.Where(m => m.Number > 0))
        {
            steps.Add(Anchored($"{meeting.Id}-reminder", StepKind.MeetingReminder, Audience.AllParticipants,
                new StepAnchor(AnchorBase.WorkingDaysBeforeMeeting, meeting.Id, settings.ReminderLeadWorkingDays))
                with { MeetingId = meeting.Id });
        }

        foreach (var day in settings.CitizenNudgeDays)
        {
            steps.Add(AtFixed(CitizenNudgeId(day), StepKind.CitizenInvolvementNudge, Audience.Leader,
                SendOn(day0.AddDays(day))));
        }

        if (settings.CitizenInvolvementDeadlineDay is { } deadline)
        {
            // "Registered by day N" includes day N, so the check runs the next working morning.
            var deadlineDay = calendar.OnOrNextWorkingDay(day0.AddDays(deadline));
            steps.Add(AtFixed(CitizenInvolvementFlagId, StepKind.CitizenInvolvementNudge, Audience.Secretariat,
                SendOn(calendar.NextWorkingDay(deadlineDay))) with { Condition = StepCondition.NoCitizenInvolvementRegistered });
        }

        foreach (var number in settings.ExpertNudgeBeforeMeetings.Where(n => n >= 1 && n <= settings.MeetingCount))
        {
            var meetingId = MeetingId(number);
            steps.Add(Anchored($"{meetingId}-expert-nudge", StepKind.ExpertInvolvementNudge, Audience.Leader,
                new StepAnchor(AnchorBase.WorkingDaysBeforeMeeting, meetingId, settings.ExpertNudgeLeadWorkingDays))
                with { MeetingId = meetingId });
        }

        for (var i = 0; i < settings.StakeholderNudgeMonths.Count; i++)
        {
            var month = settings.StakeholderNudgeMonths[i];
            steps.Add(AtFixed($"stakeholder-involvement-nudge-month-{month}", StepKind.StakeholderInvolvementNudge,
                Audience.Leader, SendOn(day0.AddMonths(month))) with { Stakeholder = StakeholderRotation[i % StakeholderRotation.Length] });
        }

        foreach (var month in settings.PoliticalStatusMonths)
        {
            steps.Add(AtFixed($"political-status-month-{month}", StepKind.PoliticalStatus,
                Audience.PoliticalLiaisonAndSecretariat, SendOn(day0.AddMonths(month))));
        }

        if (settings.MidTermEvaluationAfterMeeting is { } midTerm and >= 1 && midTerm < settings.MeetingCount)
        {
            AddSurvey(steps, settings, MidTermEvaluationId, StepKind.EvaluationSurvey, SurveyKind.MidTerm,
                new StepAnchor(AnchorBase.MeetingEnd, MeetingId(midTerm)));
        }

        var closingId = MeetingId(settings.MeetingCount);
        AddSurvey(steps, settings, EndEvaluationId, StepKind.EvaluationSurvey, SurveyKind.End,
            new StepAnchor(AnchorBase.MeetingEnd, closingId));
        AddSurvey(steps, settings, FollowUpSurveyId, StepKind.FollowUpSurvey, SurveyKind.FollowUp,
            new StepAnchor(AnchorBase.MonthsAfterMeeting, closingId, settings.FollowUpMonths));

        var state = new TimelineState(networkId, type, TimelineTemplates.Version, settings, day0, meetings, steps,
            TimelineStatus.Active, PausedAt: null, ClosedAt: null);
        return state.Rescheduled(touchedMeetingId: null, bumpVersions: false).InTimeOrder();
    }

    private static Meeting[] PlanMeetings(TimelineSettings settings, DanishCalendar calendar, DateOnly day0) =>
        Enumerable.Range(0, settings.MeetingCount + 1)
            .Select(n => new Meeting(
                MeetingId(n),
                n,
                n == 0 ? MeetingKind.StartupWorkshop : n == settings.MeetingCount ? MeetingKind.ClosingMeeting : MeetingKind.NetworkMeeting,
                calendar.OnOrNextWorkingDay(settings.MeetingCadence.Nth(day0, n)),
                settings.MeetingStart,
                settings.MeetingEnd,
                settings.Place,
                Sequence: 0,
                Cancelled: false))
            .ToArray();

    private static void AddSurvey(
        List<TimelineStep> steps, TimelineSettings settings, string id, StepKind kind, SurveyKind survey, StepAnchor anchor)
    {
        steps.Add(Anchored(id, kind, Audience.AllParticipants, anchor) with { Survey = survey, SurveyStepId = id });
        steps.AddRange(Reminders(id, survey, settings.PolicyFor(id)));
    }

    /// <summary>A survey's reminders under a policy: each so many working days after it, all before it closes.</summary>
    internal static IEnumerable<TimelineStep> Reminders(string surveyStepId, SurveyKind survey, SurveyPolicy policy)
    {
        for (var r = 1; r <= policy.ReminderCount; r++)
        {
            yield return Anchored($"{surveyStepId}-reminder-{r}", StepKind.SurveyReminder, Audience.AllParticipants,
                new StepAnchor(AnchorBase.WorkingDaysAfterStep, surveyStepId, r * policy.ReminderAfterWorkingDays))
                with { Condition = StepCondition.NonRespondentsOnly, Survey = survey, SurveyStepId = surveyStepId, ReminderNumber = r };
        }
    }

    // Anchored steps get their due instant from TimelineState.Rescheduled.
    private static TimelineStep Anchored(string id, StepKind kind, Audience to, StepAnchor anchor) =>
        new(id, kind, to, DateTimeOffset.MinValue, 1, StepStatus.Pending, anchor);

    private static TimelineStep AtFixed(string id, StepKind kind, Audience to, DateTimeOffset due) =>
        new(id, kind, to, due, 1, StepStatus.Pending, StepAnchor.Fixed);

    private static void Validate(TimelineSettings s)
    {
        var problems = new List<string>();
        if (s.MeetingCount < 1) problems.Add("der skal være mindst ét møde efter opstartsworkshoppen");
        if (s.MeetingCadence.Amount < 1) problems.Add("mødekadencen skal være mindst 1");
        if (s.MeetingEnd <= s.MeetingStart) problems.Add("mødets sluttidspunkt skal ligge efter starttidspunktet");
        if (string.IsNullOrWhiteSpace(s.Place)) problems.Add("mødested mangler");
        if (s.InvitationLeadWorkingDays < 0 || s.ReminderLeadWorkingDays < 0 || s.ExpertNudgeLeadWorkingDays < 0)
            problems.Add("varsler kan ikke være negative");
        if (s.FollowUpMonths < 1) problems.Add("opfølgningen skal ligge mindst én måned efter afslutningen");
        if (s.Survey.ReminderAfterWorkingDays < 1 || s.Survey.MaxReminders < 0 || s.Survey.CloseAfterWorkingDays < 1)
            problems.Add("spørgeskemaets påmindelses- og lukkeregler er ugyldige");
        if (s.CitizenNudgeDays.Any(d => d < 0) || s.StakeholderNudgeMonths.Any(m => m < 0) || s.PoliticalStatusMonths.Any(m => m < 0))
            problems.Add("påmindelser kan ikke ligge før dag 0");
        if (problems.Count > 0)
        {
            throw new DomainException("invalid-timeline-settings", "Tidslinjen kan ikke planlægges: " + string.Join("; ", problems) + ".");
        }
    }
}
