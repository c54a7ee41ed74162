using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

// The request bodies of the JSON API, in one place. Every field is nullable so that a missing or wrong value reaches the
// endpoint's Danish validation instead of failing in the JSON reader; the attributes say what the API document tells:
// [Required] fields, the allowed values [WireValues], formats [Description] and one valid example per body
// [RequestExample]. The OpenAPI tests check the document against what the endpoints actually accept.

[RequestExample("""{"email": "netvaerkssekretariatet@albertslund.dk"}""")]
public sealed record SignInLinkRequest([property: Required, Description("E-mailadressen, der skal have et login-link.")] string? Email);

[RequestExample("""{"token": "Jf3n0…(fra linket i mailen)"}""")]
public sealed record SignInRequest([property: Required, Description("Tokenet fra login-linket (det sidste stykke af adressen).")] string? Token);

[RequestExample("""{"name": "Lise Kragh", "roles": ["forum-member"], "forum": "chefforum"}""")]
public sealed record UserRequest(
    [property: Required] string? Name,
    [property: Required, WireValues(typeof(StaffRole)), Description("Mindst én rolle.")] List<string>? Roles,
    [property: WireValues(typeof(Forum)), Description("Skal angives for et forummedlem.")] string? Forum,
    [property: Description("false deaktiverer brugeren: alle sessioner slutter, og der sendes ikke flere login-links. Standard: true.")] bool? Active);

[RequestExample("""{"name": "Anna Jensen"}""")]
public sealed record NameRequest([property: Required, Description("Dit navn, som mails hilser med.")] string? Name);

public sealed record GuideAnswersRequest(
    [property: Description("Spænder temaet over mange områder med store, komplekse problemer?")] bool? SpansManyAreasWithComplexProblems,
    [property: Description("Er temaet borgernært, og vil I forbedre velfærden på et afgrænset område?")] bool? CitizenNearBoundedWelfare,
    [property: Description("Handler temaet om manglende viden og kompetencer?")] bool? MissingKnowledgeOrCompetences);

[RequestExample("""{"title": "Frivillighed i Albertslund", "description": "Flere borgere i frivilligt arbejde.", "guide": {"citizenNearBoundedWelfare": true}}""")]
public sealed record SubmitIdeaRequest(
    [property: Required, Description("Højst 200 tegn.")] string? Title,
    [property: Required, Description("Højst 8000 tegn.")] string? Description,
    [property: WireValues(typeof(NetworkType)), Description("Uden den bruges typeguidens anbefaling.")] string? SuggestedType,
    GuideAnswersRequest? Guide);

[RequestExample("""{"forum": "chefforum"}""")]
public sealed record RouteIdeaRequest([property: WireValues(typeof(Forum)), Description("Uden det bruges typens forum.")] string? Forum);

[RequestExample("""{"outcome": "rejected", "reason": "Temaet dækkes af et eksisterende netværk."}""")]
public sealed record DecisionRequest(
    [property: Required, WireValues(typeof(DecisionOutcome))] string? Outcome,
    [property: Description("Skal angives ved afslag og ved ønske om flere oplysninger.")] string? Reason);

[RequestExample("""{"information": "Netværket skal omfatte ældreplejen og frivilligcentret."}""")]
public sealed record InformationRequest([property: Required, Description("Højst 8000 tegn.")] string? Information);

public sealed record PersonRequest(
    [property: Required] string? Name,
    [property: Required, Description("En bruger af Netværksstedet eller en adresse i kommunens domæner.")] string? Email);

public sealed record TimeFrameRequest(
    [property: Required, Description("ÅÅÅÅ-MM-DD.")] string? Start,
    [property: Required, Description("ÅÅÅÅ-MM-DD; skal passe til netværkstypens varighed.")] string? End);

[RequestExample("""
    {"theme": "Frivillighed i Albertslund", "purpose": "Flere borgere i frivilligt arbejde.", "type": "welfare",
     "mandate": "Kan afprøve nye invitationsformer.", "expectedOutput": "Tre afprøvede invitationsformer.",
     "expectedOutcome": "Bedre samarbejde om frivillighed.", "leader": {"name": "Mette Holm", "email": "mette.holm@albertslund.dk"},
     "decidingForum": "chefforum", "timeFrame": {"start": "2027-03-01", "end": "2027-03-29"},
     "involvementPlan": "Borgere inviteres til hvert møde.", "evaluationPlan": "Slutevaluering og opfølgning."}
    """)]
[Description("Kontrakten udfyldes i dele: felter, der udelades, beholder deres værdi.")]
public sealed record ContractRequest(
    string? Theme, string? Purpose, [property: WireValues(typeof(NetworkType))] string? Type, string? Mandate, string? ExpectedOutput,
    string? ExpectedOutcome, PersonRequest? Leader, [property: WireValues(typeof(Forum))] string? DecidingForum, TimeFrameRequest? TimeFrame,
    string? InvolvementPlan, string? EvaluationPlan);

public sealed record ConsentRequest([property: Description("Hvor samtykket er givet, fx »Borgermøde 3. marts«.")] string? Source);

public sealed record ParticipantRequest(
    [property: Required] string? Name,
    [property: Required] string? Email,
    [property: Required, WireValues(typeof(ParticipantKind))] string? Kind,
    [property: Required, WireValues(typeof(ParticipantRole))] string? Role,
    [property: Description("Samtykke til at blive kontaktet; nødvendigt for eksterne deltagere.")] ConsentRequest? Consent);

[RequestExample("""{"participants": [{"name": "Jonas Berg", "email": "jonas.berg@albertslund.dk", "kind": "employee", "role": "core"}]}""")]
public sealed record ParticipantsRequest([property: Required, Description("1–500 deltagere.")] List<ParticipantRequest>? Participants);

[RequestExample("""{"startDate": "2027-03-01", "meetingStart": "09:00", "meetingEnd": "11:00", "place": "Albertslund Rådhus"}""")]
public sealed record StartRequest(
    [property: Required, Description("Dagen for opstartsworkshoppen (ÅÅÅÅ-MM-DD): tidligst så invitationen kan nå ud 5 arbejdsdage før, højst 2 år fremme.")] string? StartDate,
    [property: Description("TT:MM.")] string? MeetingStart,
    [property: Description("TT:MM.")] string? MeetingEnd,
    string? Place,
    [property: Range(1, 24)] int? MeetingCount);

/// <summary>One question of a new question-set version; a question without a key is new and gets one.</summary>
public sealed record QuestionInput(
    [property: Required, Description("The Danish question or statement.")] string? Text,
    [property: Required, Description("scale, yes-no, free-text, number, single-choice or multiple-choice.")] string? Type,
    [property: Description("Whether an answer is required.")] bool Required = false,
    [property: Description("Guidance shown under the question.")] string? Help = null,
    [property: Description("Choice questions: the options' Danish labels, in order (values are kept for unchanged labels).")] IReadOnlyList<string>? Options = null,
    [property: Description("The key of a question carried over from the current version; leave out for a new question.")] string? Key = null);

[RequestExample("""{"basedOn": 1, "questions": [{"key": "purpose.achieved", "text": "Netværket nåede sit formål.", "type": "scale", "required": true}, {"text": "Hvem har I samarbejdet med?", "type": "multiple-choice", "required": false, "options": ["Skoler", "Frivillige"]}]}""")]
public sealed record QuestionSetRequest(
    [property: Required, Description("The version the edit is based on: the current one, or 409.")] int? BasedOn,
    [property: Required, Description("Every question of the new version, in order.")] IReadOnlyList<QuestionInput>? Questions);

[RequestExample("""{"reminderAfterWorkingDays": 3, "maxReminders": 2, "closeAfterWorkingDays": 10}""")]
public sealed record SurveyPolicyRequest(
    [property: Required, Description("Arbejdsdage mellem påmindelserne, 1-20.")] int? ReminderAfterWorkingDays,
    [property: Required, Description("Højst antal påmindelser, 0-5.")] int? MaxReminders,
    [property: Required, Description("Lukker efter antal arbejdsdage, 1-40.")] int? CloseAfterWorkingDays);

[RequestExample("""{"date": "2027-03-10", "start": "13:00", "end": "15:00", "place": "Mødelokale 2"}""")]
public sealed record MoveMeetingRequest(
    [property: Required, Description("En arbejdsdag, ÅÅÅÅ-MM-DD.")] string? Date,
    [property: Required, Description("TT:MM.")] string? Start,
    [property: Required, Description("TT:MM, efter start.")] string? End,
    string? Place);

[RequestExample("""{"reason": "Sommerferie"}""")]
public sealed record PauseRequest([property: Description("Valgfri begrundelse.")] string? Reason);

[RequestExample("""{"reason": "Målet er nået før tid."}""")]
public sealed record CloseRequest([property: Required, Description("Højst 2000 tegn.")] string? Reason);

[RequestExample("""{"answers": {"end-satisfaction": "4", "end-comments": "Godt forløb."}}""")]
public sealed record SurveyAnswersRequest([property: Required, Description("Svar pr. spørgsmålsnøgle (se GET /api/surveys/{token}).")] Dictionary<string, string>? Answers);

[RequestExample("""{"group": "citizens", "who": "Beboere i Hyldespjældet", "howMany": 12, "how": "Dialogmøde", "date": "2027-03-05"}""")]
public sealed record InvolvementRequest(
    [property: Required, WireValues(typeof(StakeholderGroup))] string? Group,
    [property: Required] string? Who,
    [property: Required, Range(1, 100_000)] int? HowMany,
    [property: Required] string? How,
    [property: Required, Description("ÅÅÅÅ-MM-DD.")] string? Date);

/// <summary>The allowed values of a field: the wire names of an enum (kebab-case, as the API reads and writes them).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireValuesAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;

    public IReadOnlyList<string> Values => Enum.GetValues(EnumType).Cast<Enum>().Select(TimelineJson.WireName).ToArray();
}

/// <summary>One valid request body, shown in the API document (and sent by the tests, which must get no 400 for it).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequestExampleAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
