using System.Net;
using System.Xml;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Tests.Messages;

/// <summary>Networks, meetings, steps and recipients for the message tests.</summary>
internal static class MessageFixtures
{
    public static readonly DateTimeOffset Due = new(2027, 5, 14, 6, 0, 0, TimeSpan.Zero);

    public static NetworkSummary Network(NetworkType type = NetworkType.Welfare, string name = "Frivillighed i Albertslund") =>
        new(
            "net-42",
            name,
            type,
            "Lene Larsen",
            "lene.larsen@albertslund.dk",
            "netvaerk@albertslund.dk",
            "https://netvaerk.albertslund.dk/netvaerk/net-42");

    /// <summary>Netværksmøde 2, tirsdag den 18. maj 2027 kl. 09.00–11.00 on Rådhuset.</summary>
    public static Meeting Meeting2 { get; } = new(
        "meeting-2", 2, MeetingKind.NetworkMeeting, new DateOnly(2027, 5, 18), new TimeOnly(9, 0), new TimeOnly(11, 0),
        "Rådhuset, mødelokale 3", 0, false);

    public static Meeting Workshop { get; } = new(
        "workshop", 1, MeetingKind.StartupWorkshop, new DateOnly(2027, 5, 3), new TimeOnly(9, 0), new TimeOnly(12, 0),
        "Kulturhuset Birkelyngen", 0, false);

    public static Recipient Employee { get; } = new("Anna Holm", "anna.holm@albertslund.dk");

    public static Recipient Citizen { get; } =
        new("Bo Jensen", "bo@example.dk", IsExternal: true, UnsubscribeUrl: "https://netvaerk.albertslund.dk/afmeld/abc123");

    public static Recipient Leader { get; } = new("Lene Larsen", "lene.larsen@albertslund.dk");

    public static Recipient Secretariat { get; } = new("Netværkssekretariatet", "netvaerkssekretariatet@albertslund.dk");

    public static TimelineStep Step(
        StepKind kind,
        Audience to = Audience.AllParticipants,
        string? meetingId = null,
        SurveyKind? survey = null,
        int? reminderNumber = null,
        StakeholderGroup? stakeholder = null,
        StepCondition condition = StepCondition.None) =>
        new(
            $"{meetingId ?? "step"}-{kind}",
            kind,
            to,
            Due,
            1,
            StepStatus.Pending,
            meetingId is null ? StepAnchor.Fixed : new StepAnchor(AnchorBase.WorkingDaysBeforeMeeting, meetingId, 2),
            condition,
            meetingId,
            survey,
            ReminderNumber: reminderNumber,
            Stakeholder: stakeholder);

    public static StepMessageContext Context(
        StepKind kind,
        NetworkType type = NetworkType.Welfare,
        Recipient? recipient = null,
        Meeting? meeting = null) =>
        kind switch
        {
            StepKind.Meeting => new(Network(type), Step(kind, meetingId: "meeting-2"), recipient ?? Employee, meeting ?? Meeting2),
            StepKind.StartupWorkshopInvitation => new(Network(type), Step(kind, meetingId: "workshop"), recipient ?? Employee, meeting ?? Workshop),
            StepKind.MeetingReminder or StepKind.ExpertInvolvementNudge =>
                new(Network(type), Step(kind, meetingId: (meeting ?? Meeting2).Id), recipient ?? Employee, meeting ?? Meeting2),
            StepKind.MeetingMoved => new(
                Network(type),
                Step(kind, meetingId: "meeting-2"),
                recipient ?? Employee,
                Moved,
                PreviousMeeting: Meeting2),
            StepKind.MeetingCancelled => new(
                Network(type),
                Step(kind, meetingId: "meeting-2"),
                recipient ?? Employee,
                Meeting2 with { Cancelled = true, Sequence = 1 }),
            StepKind.CitizenInvolvementNudge => new(Network(type), Step(kind, Audience.Leader, "meeting-2"), recipient ?? Leader, meeting ?? Meeting2),
            StepKind.StakeholderInvolvementNudge => new(
                Network(type), Step(kind, Audience.Leader, stakeholder: StakeholderGroup.Companies), recipient ?? Leader),
            StepKind.BaselineSurvey => SurveyContext(type, Step(kind, survey: SurveyKind.Baseline), recipient),
            StepKind.EvaluationSurvey => SurveyContext(type, Step(kind, survey: SurveyKind.End), recipient),
            StepKind.SurveyReminder => SurveyContext(type, Step(kind, survey: SurveyKind.End, reminderNumber: 2), recipient),
            StepKind.FollowUpSurvey => SurveyContext(type, Step(kind, survey: SurveyKind.FollowUp), recipient),
            StepKind.PoliticalStatus => new(
                Network(type),
                Step(kind, Audience.PoliticalLiaisonAndSecretariat),
                recipient ?? Secretariat,
                Figures: new StatusFigures(4, 13, 7, ["Frivilligbank", "Besøgsvenner på tværs"])),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

    /// <summary>Meeting 2 moved to Thursday 20 May 13.00–15.00 in another room; SEQUENCE 1.</summary>
    public static Meeting Moved { get; } = Meeting2 with
    {
        Date = new DateOnly(2027, 5, 20),
        Start = new TimeOnly(13, 0),
        End = new TimeOnly(15, 0),
        Place = "Rådhuset, byrådssalen",
        Sequence = 1,
    };

    public static DateTimeOffset ClosesAt { get; } = new(2027, 6, 4, 10, 0, 0, TimeSpan.Zero);

    public static StepMessageContext SurveyContext(NetworkType type, TimelineStep step, Recipient? recipient = null) =>
        new(
            Network(type),
            step,
            recipient ?? Employee,
            SurveyUrl: "https://netvaerk.albertslund.dk/s/7f3a9c",
            SurveyClosesAt: ClosesAt);

    public static EmailMessage Compose(StepMessageContext context) =>
        MessageComposer.Compose(context) ?? throw new InvalidOperationException("Expected a message.");

    /// <summary>The HTML with entities decoded, for asserting on Danish text.</summary>
    public static string DecodedHtml(EmailMessage message) => WebUtility.HtmlDecode(message.HtmlBody);

    /// <summary>Parses the HTML as XML (the markup is XHTML-compatible), so unbalanced tags fail the test.</summary>
    public static void AssertWellFormed(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        while (reader.Read())
        {
        }
    }

    public static IEnumerable<StepKind> MessageKinds =>
        Enum.GetValues<StepKind>().Where(kind => kind != StepKind.Meeting);
}
