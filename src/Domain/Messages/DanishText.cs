using System.Globalization;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Messages;

/// <summary>Danish wording and formatting shared by all messages (da-DK names, "kl. 09.00–11.00").</summary>
public static class DanishText
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>"tirsdag den 18. maj 2027".</summary>
    public static string Date(DateOnly date) => date.ToString("dddd 'den' d. MMMM yyyy", Culture);

    /// <summary>"tirsdag den 18. maj" (for subjects).</summary>
    public static string ShortDate(DateOnly date) => date.ToString("dddd 'den' d. MMMM", Culture);

    /// <summary>"09.00" (Danish clock format).</summary>
    public static string Time(TimeOnly time) => time.ToString("HH'.'mm", Culture);

    /// <summary>"kl. 09.00–11.00".</summary>
    public static string TimeRange(TimeOnly start, TimeOnly end) => $"kl. {Time(start)}–{Time(end)}";

    /// <summary>"tirsdag den 18. maj 2027 kl. 09.00–11.00".</summary>
    public static string When(Meeting meeting) => $"{Date(meeting.Date)} {TimeRange(meeting.Start, meeting.End)}";

    /// <summary>An instant in Copenhagen local time: "fredag den 4. juni 2027 kl. 12.00".</summary>
    public static string DateTime(DateTimeOffset instant) =>
        $"{Date(CopenhagenTime.DateOf(instant))} kl. {Time(CopenhagenTime.TimeOf(instant))}";

    /// <summary>The date of an instant in Copenhagen: "fredag den 4. juni 2027".</summary>
    public static string DateOf(DateTimeOffset instant) => Date(CopenhagenTime.DateOf(instant));

    /// <summary>"Velfærdsnetværket".</summary>
    public static string TypeDefinite(NetworkType type) => type switch
    {
        NetworkType.Innovation => "Innovationsnetværket",
        NetworkType.Welfare => "Velfærdsnetværket",
        NetworkType.Learning => "Læringsnetværket",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Ukendt netværkstype."),
    };

    /// <summary>"velfærdsnetværk".</summary>
    public static string TypeIndefinite(NetworkType type) => type switch
    {
        NetworkType.Innovation => "innovationsnetværk",
        NetworkType.Welfare => "velfærdsnetværk",
        NetworkType.Learning => "læringsnetværk",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Ukendt netværkstype."),
    };

    /// <summary>"Velfærdsnetværket »Frivillighed i Albertslund«".</summary>
    public static string NetworkLabel(NetworkType type, string name) => $"{TypeDefinite(type)} »{name}«";

    public static string NetworkLabel(NetworkSummary network) => NetworkLabel(network.Type, network.Name);

    /// <summary>"opstartsworkshop", "netværksmøde 2", "afslutningsmøde".</summary>
    public static string MeetingName(Meeting meeting) => meeting.Kind switch
    {
        MeetingKind.StartupWorkshop => "opstartsworkshop",
        MeetingKind.NetworkMeeting => $"netværksmøde {meeting.Number.ToString(Culture)}",
        MeetingKind.ClosingMeeting => "afslutningsmøde",
        _ => throw new ArgumentOutOfRangeException(nameof(meeting), meeting.Kind, "Ukendt mødetype."),
    };

    /// <summary>"opstartsworkshoppen", "netværksmøde 2", "afslutningsmødet" (the definite form in running text).</summary>
    public static string MeetingNameDefinite(Meeting meeting) => meeting.Kind switch
    {
        MeetingKind.StartupWorkshop => "opstartsworkshoppen",
        MeetingKind.NetworkMeeting => $"netværksmøde {meeting.Number.ToString(Culture)}",
        MeetingKind.ClosingMeeting => "afslutningsmødet",
        _ => throw new ArgumentOutOfRangeException(nameof(meeting), meeting.Kind, "Ukendt mødetype."),
    };

    /// <summary>Upper-cases the first letter: "netværksmøde 2" → "Netværksmøde 2".</summary>
    public static string Capitalize(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpper(text[0], Culture).ToString(), text.AsSpan(1));

    /// <summary>"3" or "ingen" for zero, for counts in running text.</summary>
    public static string Count(int count) => count == 0 ? "ingen" : count.ToString(Culture);

    /// <summary>Joins "a", "b" and "c" the Danish way.</summary>
    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} og {items[^1]}",
    };

    /// <summary>The group in lower case, as a sentence names it: "borgere", "virksomheder" …</summary>
    public static string DanishName(this StakeholderGroup group) => MessageComposer.StakeholderText(group).Name;

    /// <summary>What a timeline step is, in Danish: "Mødepåmindelse", "Møde: netværksmøde 2", "Slutevaluering", …</summary>
    public static string StepName(StepKind kind, string stepId, Audience to, SurveyKind? survey, MeetingKind? meetingKind) => kind switch
    {
        StepKind.Meeting => meetingKind switch
        {
            MeetingKind.StartupWorkshop => "Møde: opstartsworkshop",
            MeetingKind.ClosingMeeting => "Møde: afslutningsmøde",
            _ => $"Møde: netværksmøde {stepId.Replace("meeting-", "", StringComparison.Ordinal)}",
        },
        StepKind.StartupWorkshopInvitation => "Invitation til opstartsworkshop",
        StepKind.MeetingReminder => "Mødepåmindelse",
        StepKind.CitizenInvolvementNudge => to == Audience.Secretariat ? "Flag: ingen borgerinddragelse" : "Påmindelse: borgerinddragelse",
        StepKind.StakeholderInvolvementNudge => "Påmindelse: inddragelse af interessenter",
        StepKind.ExpertInvolvementNudge => "Påmindelse: inviter eksperter",
        StepKind.BaselineSurvey => "Førmåling (baseline)",
        StepKind.EvaluationSurvey => survey == SurveyKind.MidTerm ? "Midtvejsevaluering" : "Slutevaluering",
        StepKind.SurveyReminder => "Påmindelse om spørgeskema",
        StepKind.FollowUpSurvey => "Opfølgning (outcome)",
        StepKind.PoliticalStatus => "Politisk status",
        StepKind.MeetingMoved => "Mødet er flyttet",
        StepKind.MeetingCancelled => "Mødet er aflyst",
        _ => kind.ToString(),
    };

    /// <summary><see cref="StepName(StepKind, string, Audience, SurveyKind?, MeetingKind?)"/> of a step of the timeline.</summary>
    public static string StepName(TimelineState state, TimelineStep step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        var meetingKind = step.Kind == StepKind.Meeting && step.MeetingId is { } id ? state.Meeting(id)?.Kind : null;
        return StepName(step.Kind, step.Id, step.To, step.Survey, meetingKind);
    }
}
