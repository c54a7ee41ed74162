using Netvaerk.Domain.Evaluation;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Evaluation;

public class RespondentKeysTests
{
    private static readonly RespondentKeys Keys = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    [Fact]
    public void One_person_has_one_key_in_a_network_whatever_the_case_of_the_address()
    {
        Assert.Equal(Keys.For("net-1", "anna@albertslund.dk"), Keys.For("net-1", " Anna@Albertslund.DK "));
        Assert.Matches("^[0-9a-f]{32}$", Keys.For("net-1", "anna@albertslund.dk"));
    }

    [Fact]
    public void Keys_differ_between_people_networks_and_secrets()
    {
        var anna = Keys.For("net-1", "anna@albertslund.dk");
        Assert.NotEqual(anna, Keys.For("net-1", "bo@albertslund.dk"));
        Assert.NotEqual(anna, Keys.For("net-2", "anna@albertslund.dk"));
        Assert.NotEqual(anna, new RespondentKeys(new byte[32]).For("net-1", "anna@albertslund.dk"));
    }

    [Fact]
    public void The_key_is_not_a_plain_hash_of_the_address()
    {
        // Without the secret, hashing the participant list must not find the key.
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("net-1\nanna@albertslund.dk"u8))[..32];
        Assert.NotEqual(plain, Keys.For("net-1", "anna@albertslund.dk"));
    }

    [Fact]
    public void A_short_secret_is_refused() =>
        Assert.Throws<ArgumentException>(() => new RespondentKeys(new byte[31]));

    [Theory]
    [InlineData(ParticipantKind.Employee, RespondentGroup.Employee)]
    [InlineData(ParticipantKind.Citizen, RespondentGroup.Citizen)]
    [InlineData(ParticipantKind.Company, RespondentGroup.Other)]
    [InlineData(ParticipantKind.Expert, RespondentGroup.Other)]
    [InlineData(null, RespondentGroup.Other)]
    public void Groups_are_employees_citizens_and_the_rest(ParticipantKind? kind, RespondentGroup group) =>
        Assert.Equal(group, RespondentKeys.GroupOf(kind));
}
