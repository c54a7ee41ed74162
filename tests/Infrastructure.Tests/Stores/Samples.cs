using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Infrastructure.Tests.Stores;

/// <summary>Realistic values with every optional field set, and non-UTC offsets, so round-trips are meaningful.</summary>
public static class Samples
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    /// <summary>A fresh tenant id, so contract tests also work against a shared store.</summary>
    public static string NewTenant() => $"tenant-{Guid.NewGuid():N}";

    /// <summary>Copenhagen winter time (+01:00).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Winter);

    public static Person Anna { get; } = new("Anna Jensen", "anna.jensen@albertslund.dk");

    /// <summary>An idea with every field set: suggested type, routed forum and time, decision, a five-step history.</summary>
    public static Idea DecidedIdea(Guid? id = null, DateTimeOffset? submittedAt = null)
    {
        var at = submittedAt ?? At(2027, 1, 11);
        var idea = Idea.Submit(id ?? Guid.NewGuid(), "Frivillighed i Albertslund", "Flere borgere skal være frivillige – også de unge.",
            Anna, NetworkType.Welfare, at);
        idea.StartReview(at.AddDays(1));
        idea.RouteForDecision(Forum.Direktoerforum, at.AddDays(2));
        idea.RequestInfo("Hvem er målgruppen?", at.AddDays(3));
        idea.ProvideInfo(at.AddDays(4), "Unge mellem 15 og 25 år.");
        idea.Approve("En god idé »med« æ, ø og å.", at.AddDays(5));
        return idea;
    }

    public static Idea NewIdea(Guid? id = null, DateTimeOffset? submittedAt = null) =>
        Idea.Submit(id ?? Guid.NewGuid(), "Læring om velfærdsteknologi", "Vi mangler viden.", Anna, null, submittedAt ?? At(2027, 2, 1));

    public static NetworkContract CompleteContract(NetworkType type = NetworkType.Welfare) => new()
    {
        Theme = "Frivillighed i Albertslund",
        Purpose = "Flere frivillige i foreningslivet.",
        Type = type,
        Mandate = "Netværket kan foreslå nye samarbejdsformer.",
        ExpectedOutput = "Et katalog over tiltag.",
        ExpectedOutcome = "Borgerne oplever bedre muligheder for at være frivillige.",
        Leader = new Person("Mette Holm", "mette.holm@albertslund.dk"),
        DecidingForum = Forum.Chefforum,
        Participants =
        [
            new Participant(Guid.NewGuid(), "Mette Holm", "mette.holm@albertslund.dk", ParticipantKind.Employee, ParticipantRole.Core),
            new Participant(Guid.NewGuid(), "Birthe Sørensen", "birthe.soerensen@example.dk", ParticipantKind.Citizen, ParticipantRole.Peripheral,
                new Consent(At(2027, 1, 20, 14, 30), "Tilmeldingsformular")),
        ],
        TimeFrame = new TimeFrame(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 29)),
        InvolvementPlan = "Borgerne inviteres til møderne.",
        EvaluationPlan = "Slutevaluering og opfølgning efter tre måneder.",
    };

    /// <summary>A running network whose timeline starts on <paramref name="start"/>, with its first step done.</summary>
    public static NetworkRecord RunningNetwork(DateOnly start, Guid? id = null, NetworkType type = NetworkType.Welfare)
    {
        var networkId = id ?? Guid.NewGuid();
        var network = Network.CreateDraft(networkId, CompleteContract(type), At(2027, 1, 18), Guid.NewGuid());
        network.Start(At(2027, 1, 25));
        var timeline = TimelinePlanner.Plan(networkId.ToString(), type, TimelineTemplates.For(type), start);
        var first = timeline.NextPending()!;
        return new NetworkRecord(network, timeline.Done(first.Id, first.Version));
    }

    /// <summary>A draft network: no timeline yet, so nothing is ever due.</summary>
    public static NetworkRecord DraftNetwork(Guid? id = null) =>
        new(Network.CreateDraft(id ?? Guid.NewGuid(), NetworkContract.ForType(NetworkType.Learning), At(2027, 1, 18)), null);

    /// <summary>The record with every step of its timeline done: nothing pending, so nothing is due.</summary>
    public static NetworkRecord Finished(NetworkRecord record)
    {
        var timeline = record.Timeline!;
        return record with { Timeline = timeline.Steps.Aggregate(timeline, (state, step) => state.Done(step.Id, step.Version)) };
    }

    public static OutboxMessage Message(string tenantId, string key, DateTimeOffset createdAt, string subject = "Påmindelse om møde") =>
        new(key, tenantId, "birthe.soerensen@example.dk", "Birthe Sørensen",
            new EmailMessage(subject, "Mødet er mandag kl. 9.00 på rådhuset.", "<p>Mødet er mandag kl. 9.00 på rådhuset.</p>",
                [new EmailAttachment("invitation.ics", "text/calendar; method=REQUEST; charset=utf-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")]),
            createdAt);

    public static Survey Survey(string networkId, string stepId, DateTimeOffset sentAt) =>
        new(Domain.Ports.Survey.IdFor(networkId, stepId), networkId, stepId, SurveyKind.End, sentAt, sentAt.AddDays(14));

    public static SurveyInvitation Invitation(Survey survey, string email, string tokenHash) =>
        new(survey.Id, email, "Birthe Sørensen", tokenHash, survey.ClosesAt, null);

    public static SurveyResponse Response(Survey survey, DateTimeOffset at, string answer = "4") =>
        new(survey.Id, at, new Dictionary<string, string> { ["udbytte"] = answer, ["kommentar"] = "Godt møde – tak!" });

    public static string TokenHash() => Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();

    /// <summary>Compares values by their stored JSON shape: every serialised field, offsets included.</summary>
    public static void AssertSameJson<T>(T expected, T actual) =>
        Assert.Equal(TimelineJson.Serialize(expected), TimelineJson.Serialize(actual));
}
