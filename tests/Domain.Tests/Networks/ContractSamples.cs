using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Networks;

/// <summary>Ready-made contracts for the network tests.</summary>
internal static class ContractSamples
{
    public static Participant Core(string name = "Mette Hansen", string email = "mette@albertslund.dk") =>
        new(Guid.NewGuid(), name, email, ParticipantKind.Employee, ParticipantRole.Core);

    public static Participant PeripheralCitizen() =>
        new(Guid.NewGuid(), "Ole Borger", "ole@example.dk", ParticipantKind.Citizen, ParticipantRole.Peripheral,
            new Consent(new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.FromHours(1)), "Tilmeldingsformular"));

    public static NetworkContract Complete() => NetworkContract.ForType(NetworkType.Welfare) with
    {
        Theme = "Frivillighed i Albertslund",
        Purpose = "At komme ensomheden blandt ældre på plejehjem til livs sammen med de frivillige.",
        Mandate = "Netværket må afprøve nye besøgsordninger og foreslå ændrede rutiner til Chefforum.",
        ExpectedOutput = "En afprøvet besøgsordning og et forslag til nye rutiner.",
        ExpectedOutcome = "Beboere og medarbejdere oplever mindre ensomhed og bedre koordinering.",
        Leader = new Person("Mette Hansen", "mette@albertslund.dk"),
        Participants = [Core(), Core("Ahmed Ali", "ahmed@albertslund.dk"), PeripheralCitizen()],
        TimeFrame = TimeFrame.Typical(new DateOnly(2027, 3, 1), NetworkType.Welfare),
        InvolvementPlan = "Beboere og pårørende inviteres til møderne i uge 2 og 3.",
        EvaluationPlan = "Slutevaluering på dag 28 og opfølgning efter 3 måneder.",
    };
}
