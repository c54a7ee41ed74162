using System.Text.Json;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Participants;

public class ParticipantTests
{
    private static readonly DateTimeOffset ConsentTime = new(2027, 2, 20, 10, 0, 0, TimeSpan.FromHours(1));

    private static Participant Make(ParticipantKind kind, Consent? consent = null) =>
        new(Guid.NewGuid(), "Mette Hansen", "mette@example.dk", kind, ParticipantRole.Core, consent);

    [Fact]
    public void Employee_is_internal_and_can_be_contacted_without_consent()
    {
        var employee = Make(ParticipantKind.Employee);

        Assert.False(employee.IsExternal);
        Assert.True(employee.CanBeContacted);
        Assert.False(employee.NeedsUnsubscribeLink);
    }

    [Theory]
    [InlineData(ParticipantKind.Citizen)]
    [InlineData(ParticipantKind.Company)]
    [InlineData(ParticipantKind.KnowledgeInstitution)]
    [InlineData(ParticipantKind.InterestOrganisation)]
    [InlineData(ParticipantKind.Politician)]
    [InlineData(ParticipantKind.Expert)]
    public void External_without_consent_cannot_be_contacted(ParticipantKind kind)
    {
        var external = Make(kind);

        Assert.True(external.IsExternal);
        Assert.False(external.CanBeContacted);
        Assert.True(external.NeedsUnsubscribeLink);
    }

    [Fact]
    public void Citizen_with_recorded_consent_can_be_contacted_and_gets_an_unsubscribe_link()
    {
        var citizen = Make(ParticipantKind.Citizen).WithConsent(new Consent(ConsentTime, "Tilmeldingsformular"));

        Assert.True(citizen.CanBeContacted);
        Assert.True(citizen.NeedsUnsubscribeLink);
        Assert.Equal(ConsentTime, citizen.Consent!.GivenAt);
        Assert.Equal("Tilmeldingsformular", citizen.Consent.Source);
    }

    [Fact]
    public void Withdrawn_consent_means_the_citizen_can_no_longer_be_contacted()
    {
        var citizen = Make(ParticipantKind.Citizen, new Consent(ConsentTime, "Mundtligt på workshop")).WithoutConsent();

        Assert.False(citizen.CanBeContacted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Consent_must_say_how_it_was_given(string source)
    {
        var ex = Assert.Throws<DomainException>(() => new Consent(ConsentTime, source));

        Assert.Equal("consent-source-required", ex.Code);
    }

    [Theory]
    [InlineData("mette@albertslund.dk")]
    [InlineData("mette.hansen+netvaerk@albertslund.dk")]
    [InlineData("  mette@sub.albertslund.dk  ")]
    [InlineData("søren@æblehaven.dk")]
    public void Sensible_email_addresses_are_accepted(string email)
    {
        Assert.True(EmailAddress.IsValid(email));
        Assert.Equal(email.Trim(), EmailAddress.Require(email));
    }

    [Theory]
    [InlineData("mette")]
    [InlineData("mette@")]
    [InlineData("@albertslund.dk")]
    [InlineData("mette@albertslund")]
    [InlineData("mette@@albertslund.dk")]
    [InlineData("mette hansen@albertslund.dk")]
    [InlineData("mette@albertslund..dk")]
    [InlineData("mette@.albertslund.dk")]
    [InlineData("mette@albertslund.dk.")]
    [InlineData("Mette <mette@albertslund.dk>")]
    public void Malformed_email_addresses_are_rejected_with_a_Danish_message(string email)
    {
        Assert.False(EmailAddress.IsValid(email));
        var ex = Assert.Throws<DomainException>(() =>
            new Participant(Guid.NewGuid(), "Mette", email, ParticipantKind.Employee, ParticipantRole.Core));

        Assert.Equal("invalid-email", ex.Code);
        Assert.Contains("ikke en gyldig e-mailadresse", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_email_address_is_rejected()
    {
        Assert.False(EmailAddress.IsValid(new string('a', 250) + "@x.dk"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Missing_email_is_reported_as_missing(string email)
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Participant(Guid.NewGuid(), "Mette", email, ParticipantKind.Employee, ParticipantRole.Core));

        Assert.Equal("email-required", ex.Code);
    }

    [Fact]
    public void Participant_needs_a_name()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Participant(Guid.NewGuid(), " ", "mette@albertslund.dk", ParticipantKind.Employee, ParticipantRole.Core));

        Assert.Equal("name-required", ex.Code);
        Assert.Equal("Navnet skal udfyldes.", ex.Message);
    }

    [Fact]
    public void Name_and_email_are_trimmed()
    {
        var participant = new Participant(Guid.NewGuid(), " Mette ", " mette@albertslund.dk ", ParticipantKind.Employee, ParticipantRole.Core);

        Assert.Equal(("Mette", "mette@albertslund.dk"), (participant.Name, participant.Email));
    }

    [Fact]
    public void Role_can_change_without_losing_consent()
    {
        var citizen = Make(ParticipantKind.Citizen, new Consent(ConsentTime, "Tilmeldingsformular"));

        var peripheral = citizen.WithRole(ParticipantRole.Peripheral);

        Assert.Equal(ParticipantRole.Peripheral, peripheral.Role);
        Assert.Equal(citizen.Consent, peripheral.Consent);
    }

    [Theory]
    [InlineData(ParticipantKind.Employee, "Medarbejder")]
    [InlineData(ParticipantKind.Citizen, "Borger")]
    [InlineData(ParticipantKind.Company, "Virksomhed")]
    [InlineData(ParticipantKind.KnowledgeInstitution, "Vidensinstitution")]
    [InlineData(ParticipantKind.InterestOrganisation, "Interesseorganisation")]
    [InlineData(ParticipantKind.Politician, "Politiker (§17,4-udvalg)")]
    [InlineData(ParticipantKind.Expert, "Ekspert")]
    public void Participant_kinds_have_Danish_names(ParticipantKind kind, string expected)
    {
        Assert.Equal(expected, kind.DanishName());
    }

    [Fact]
    public void Roles_are_called_kerne_and_periferi()
    {
        Assert.Equal("Kerne", ParticipantRole.Core.DanishName());
        Assert.Equal("Periferi", ParticipantRole.Peripheral.DanishName());
    }

    [Fact]
    public void Participant_survives_a_json_round_trip()
    {
        var citizen = Make(ParticipantKind.Citizen, new Consent(ConsentTime, "Tilmeldingsformular"));

        var json = JsonSerializer.Serialize(citizen);
        var back = JsonSerializer.Deserialize<Participant>(json);

        Assert.Equal(citizen, back);
        Assert.DoesNotContain("CanBeContacted", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Person_validates_name_and_email()
    {
        Assert.Equal("invalid-email", Assert.Throws<DomainException>(() => new Person("Mette", "nej")).Code);
        Assert.Equal("name-required", Assert.Throws<DomainException>(() => new Person("", "mette@albertslund.dk")).Code);
        Assert.Equal(new Person("Mette", "mette@albertslund.dk"), new Person(" Mette", "mette@albertslund.dk "));
    }
}
