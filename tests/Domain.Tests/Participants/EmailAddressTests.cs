using Netvaerk.Domain.Common;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Participants;

/// <summary>The strict rule for new addresses, and the looser one that keeps stored records readable.</summary>
public class EmailAddressTests
{
    [Theory]
    [InlineData("anna.jensen@albertslund.dk")]
    [InlineData("o'brien+netvaerk@kk.dk")]
    [InlineData("søren@æblehaven.dk")]
    [InlineData("a_b-c.d@sub.domain-x.dk")]
    public void Addresses_mail_and_calendar_can_carry_are_accepted(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData("a,b@albertslund.dk")]
    [InlineData("x<y>@albertslund.dk")]
    [InlineData("\"a b\"@albertslund.dk")]
    [InlineData("a;b@albertslund.dk")]
    [InlineData("a:b@albertslund.dk")]
    [InlineData(".anna@albertslund.dk")]
    [InlineData("anna.@albertslund.dk")]
    [InlineData("an..na@albertslund.dk")]
    [InlineData("anna@-albertslund.dk")]
    [InlineData("anna@albertslund-.dk")]
    [InlineData("anna@albertslund.d")]
    [InlineData("anna@albertslund.123")]
    [InlineData("anna@[127.0.0.1]")]
    [InlineData("æ%z@a-b.dk")] // found by the delivery property: a broken escape in the calendar's mailto: URI
    public void Addresses_that_would_fail_at_delivery_or_break_the_invitation_are_refused(string email)
    {
        Assert.False(EmailAddress.IsValid(email));
        Assert.Equal("invalid-email", Assert.Throws<DomainException>(() => EmailAddress.Require(email)).Code);
    }

    [Fact]
    public void The_local_part_is_at_most_64_characters() =>
        Assert.False(EmailAddress.IsValid(new string('a', 65) + "@albertslund.dk"));

    [Fact]
    public void A_stored_participant_with_an_address_from_before_the_strict_rule_can_still_be_read()
    {
        var participant = new Participant(Guid.NewGuid(), "Gammel", "a,b@albertslund.dk", ParticipantKind.Employee, ParticipantRole.Core);

        Assert.Equal("a,b@albertslund.dk", participant.Email);
        Assert.Throws<DomainException>(() => new Participant(Guid.NewGuid(), "Ingen", "ingen-snabel-a", ParticipantKind.Employee, ParticipantRole.Core));
    }
}
