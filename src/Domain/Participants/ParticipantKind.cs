namespace Netvaerk.Domain.Participants;

/// <summary>Who a participant is, seen from the municipality.</summary>
public enum ParticipantKind
{
    /// <summary>Medarbejder i kommunen.</summary>
    Employee,

    /// <summary>Borger.</summary>
    Citizen,

    /// <summary>Virksomhed.</summary>
    Company,

    /// <summary>Vidensinstitution (uddannelses- og forskningsinstitutioner).</summary>
    KnowledgeInstitution,

    /// <summary>Interesseorganisation.</summary>
    InterestOrganisation,

    /// <summary>Politiker, typically from the §17,4 committee.</summary>
    Politician,

    /// <summary>Ekspert invited from outside; an expert employed by the municipality is an <see cref="Employee"/>.</summary>
    Expert,
}

/// <summary>Danish display names for participant kinds and roles.</summary>
public static class ParticipantNames
{
    public static string DanishName(this ParticipantKind kind) => kind switch
    {
        ParticipantKind.Employee => "Medarbejder",
        ParticipantKind.Citizen => "Borger",
        ParticipantKind.Company => "Virksomhed",
        ParticipantKind.KnowledgeInstitution => "Vidensinstitution",
        ParticipantKind.InterestOrganisation => "Interesseorganisation",
        ParticipantKind.Politician => "Politiker (§17,4-udvalg)",
        ParticipantKind.Expert => "Ekspert",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Ukendt deltagertype."),
    };

    public static string DanishName(this ParticipantRole role) => role switch
    {
        ParticipantRole.Core => "Kerne",
        ParticipantRole.Peripheral => "Periferi",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Ukendt deltagerrolle."),
    };
}
