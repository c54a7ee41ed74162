using System.Text.Json;
using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Tests.Networks;

public class SerialisationTests
{
    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value))!;

    [Fact]
    public void Profiles_survive_a_json_round_trip()
    {
        Assert.All(NetworkTypeProfiles.All, profile => Assert.Equal(profile, RoundTrip(profile)));
    }

    [Fact]
    public void Guide_recommendation_survives_a_json_round_trip()
    {
        var recommendation = NetworkTypeGuide.Recommend(new GuideAnswers(GuideAnswer.Yes, GuideAnswer.Yes, GuideAnswer.No));

        Assert.Equal(recommendation, RoundTrip(recommendation));
        Assert.Equal(new GuideAnswers(GuideAnswer.Yes), RoundTrip(new GuideAnswers(GuideAnswer.Yes)));
    }

    [Fact]
    public void Contract_check_survives_a_json_round_trip()
    {
        var check = new NetworkContract().Check();

        var back = RoundTrip(check);

        Assert.Equal(check, back);
        Assert.False(back.IsComplete);
    }
}
