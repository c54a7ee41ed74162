using System.Text.Json.Serialization;
using Netvaerk.Domain.Common;

namespace Netvaerk.Domain.Participants;

/// <summary>
/// A participant in a network. Employees can always be contacted about their work; everyone else is external and
/// can be contacted only with a recorded <see cref="Consent"/>, and gets an unsubscribe link in every message.
/// </summary>
/// <remarks>
/// Politicians count as external. They are elected members (typically of the §17,4 committee), not employees:
/// the municipality's basis for e-mailing staff about their work does not cover them, and they are often reached
/// at addresses outside the organisation. Treating them like citizens (consent recorded, unsubscribe link offered)
/// is the cautious choice and costs nothing. Experts are external too; an expert employed by the municipality is
/// registered as an <see cref="ParticipantKind.Employee"/>.
/// </remarks>
public sealed record Participant
{
    [JsonConstructor]
    public Participant(Guid id, string name, string email, ParticipantKind kind, ParticipantRole role, Consent? consent = null)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("id-required", "Deltageren mangler et id.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("invalid-kind", "Ukendt deltagertype.");
        }

        if (!Enum.IsDefined(role))
        {
            throw new DomainException("invalid-role", "Ukendt deltagerrolle.");
        }

        Id = id;
        Name = Names.Require(name);
        Email = EmailAddress.RequirePlausible(email);
        Kind = kind;
        Role = role;
        Consent = consent;
    }

    public Guid Id { get; }

    public string Name { get; }

    public string Email { get; }

    public ParticipantKind Kind { get; }

    public ParticipantRole Role { get; }

    /// <summary>The recorded consent to be contacted, if any. Only needed for externals.</summary>
    public Consent? Consent { get; }

    /// <summary>Everyone but employees (see the remarks on politicians and experts).</summary>
    [JsonIgnore]
    public bool IsExternal => Kind != ParticipantKind.Employee;

    /// <summary>Employees always; externals only with a recorded consent.</summary>
    [JsonIgnore]
    public bool CanBeContacted => !IsExternal || Consent is not null;

    /// <summary>External recipients get an unsubscribe link in every message.</summary>
    [JsonIgnore]
    public bool NeedsUnsubscribeLink => IsExternal;

    /// <summary>This participant with <paramref name="consent"/> recorded.</summary>
    public Participant WithConsent(Consent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return new Participant(Id, Name, Email, Kind, Role, consent);
    }

    /// <summary>This participant with the consent withdrawn (e.g. after unsubscribing).</summary>
    public Participant WithoutConsent() => new(Id, Name, Email, Kind, Role, consent: null);

    /// <summary>This participant moved to <paramref name="role"/>.</summary>
    public Participant WithRole(ParticipantRole role) => new(Id, Name, Email, Kind, role, Consent);
}
