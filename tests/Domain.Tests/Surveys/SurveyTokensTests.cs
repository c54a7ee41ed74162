using System.Security.Cryptography;
using Netvaerk.Domain.Surveys;

namespace Netvaerk.Domain.Tests.Surveys;

public class SurveyTokensTests
{
    [Fact]
    public void Hash_is_lower_case_hex_SHA_256_of_the_UTF8_token()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SurveyTokens.Hash("abc"));
    }

    [Fact]
    public void Hash_is_the_same_for_the_same_token_and_differs_for_another()
    {
        Assert.Equal(SurveyTokens.Hash("qFz3-_Ab9xY2mK8pL0sT4w"), SurveyTokens.Hash("qFz3-_Ab9xY2mK8pL0sT4w"));
        Assert.NotEqual(SurveyTokens.Hash("qFz3-_Ab9xY2mK8pL0sT4w"), SurveyTokens.Hash("qFz3-_Ab9xY2mK8pL0sT4W"));
    }

    [Fact]
    public void A_generated_128_or_256_bit_base64url_token_is_well_formed()
    {
        foreach (var bytes in new[] { 16, 32 })
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Assert.True(SurveyTokens.IsWellFormed(token), token);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("qFz3-_Ab9xY2mK8pL0sT4")] // 21 characters: fewer than 128 bits
    [InlineData("qFz3+/Ab9xY2mK8pL0sT4w")] // base64, not base64url
    [InlineData("qFz3-_Ab9xY2mK8pL0sT4w==")] // padding
    [InlineData("qFz3-_Ab9xY2mK8pL0sT4w ")]
    [InlineData("qFz3-_Ab9xY2mK8pL0sT4æ")]
    public void Short_or_foreign_text_is_not_a_token(string? token) => Assert.False(SurveyTokens.IsWellFormed(token));

    [Fact]
    public void Very_long_text_is_not_a_token()
    {
        Assert.True(SurveyTokens.IsWellFormed(new string('a', SurveyTokens.MaxLength)));
        Assert.False(SurveyTokens.IsWellFormed(new string('a', SurveyTokens.MaxLength + 1)));
    }
}
