using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Tests.Networks;

public class NetworkTypeProfilesTests
{
    [Fact]
    public void Innovation_network_is_decided_by_Direktoerforum()
    {
        Assert.Equal(Forum.Direktoerforum, NetworkTypeProfiles.For(NetworkType.Innovation).DecidingForum);
    }

    [Theory]
    [InlineData(NetworkType.Welfare)]
    [InlineData(NetworkType.Learning)]
    public void Welfare_and_learning_networks_are_decided_by_Chefforum_by_default(NetworkType type)
    {
        Assert.Equal(Forum.Chefforum, NetworkTypeProfiles.For(type).DecidingForum);
        Assert.Equal(Forum.Chefforum, type.DefaultDecidingForum());
    }

    [Theory]
    [InlineData(NetworkType.Innovation, "Innovationsnetværk")]
    [InlineData(NetworkType.Welfare, "Velfærdsnetværk")]
    [InlineData(NetworkType.Learning, "Læringsnetværk")]
    public void Each_type_has_its_Danish_name(NetworkType type, string expected)
    {
        Assert.Equal(expected, NetworkTypeProfiles.For(type).DanishName);
        Assert.Equal(expected, type.DanishName());
    }

    [Fact]
    public void All_lists_every_network_type_exactly_once()
    {
        Assert.Equal(Enum.GetValues<NetworkType>(), NetworkTypeProfiles.All.Select(p => p.Type));
    }

    [Fact]
    public void Every_profile_has_all_texts_filled_in()
    {
        foreach (var profile in NetworkTypeProfiles.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(profile.Focus));
            Assert.False(string.IsNullOrWhiteSpace(profile.Actors));
            Assert.False(string.IsNullOrWhiteSpace(profile.StrategicTarget));
            Assert.False(string.IsNullOrWhiteSpace(profile.Duration.Text));
            Assert.StartsWith("Vælg denne type, hvis ", profile.ChooseIf, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(NetworkType.Innovation, "2027-03-01", "2028-03-01")]
    [InlineData(NetworkType.Welfare, "2027-03-01", "2027-03-29")]
    [InlineData(NetworkType.Learning, "2027-03-01", "2027-09-01")]
    [InlineData(NetworkType.Learning, "2027-01-31", "2027-07-31")]
    public void Typical_duration_gives_the_expected_end_date(NetworkType type, string start, string expectedEnd)
    {
        var end = NetworkTypeProfiles.For(type).Duration.AddTo(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expectedEnd, System.Globalization.CultureInfo.InvariantCulture), end);
    }

    [Fact]
    public void Welfare_network_lasts_about_four_intensive_weeks()
    {
        var duration = NetworkTypeProfiles.Welfare.Duration;

        Assert.Equal((4, DurationUnit.Weeks), (duration.Amount, duration.Unit));
        Assert.Contains("4 uger", duration.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategic_targets_follow_the_strategy()
    {
        Assert.Contains("mindst én ny innovativ velfærdsydelse", NetworkTypeProfiles.Innovation.StrategicTarget, StringComparison.Ordinal);
        Assert.Contains("oplever en forbedring", NetworkTypeProfiles.Welfare.StrategicTarget, StringComparison.Ordinal);
        Assert.Contains("forbedret deres kompetencer", NetworkTypeProfiles.Learning.StrategicTarget, StringComparison.Ordinal);
    }

    [Fact]
    public void Forums_have_Danish_names()
    {
        Assert.Equal("Direktørforum", Forum.Direktoerforum.DanishName());
        Assert.Equal("Chefforum", Forum.Chefforum.DanishName());
    }
}
