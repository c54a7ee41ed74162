using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>Participants answering surveys through their personal links, as the API takes them.</summary>
internal static class Respondents
{
    /// <summary>The personal links of the e-mails whose subject starts so, by the recipient's address before the @.</summary>
    public static Dictionary<string, string> Links(DataFolder data, string subject) => data.Mails()
        .Where(m => m.Title().StartsWith(subject, StringComparison.Ordinal))
        .ToDictionary(m => m.To.Mailboxes.Single().Address.Split('@')[0], m => Regex.Match(m.Text(), @"svar/([A-Za-z0-9_\-]+)").Groups[1].Value);

    /// <summary>
    /// Answers every question: the relational-coordination items with <paramref name="coordination"/>, the improvement
    /// items with <paramref name="improvement"/> (3 if null), other scales 3, yes, 1, the first option, a short text —
    /// unless <paramref name="overrides"/> gives the answer by key.
    /// </summary>
    public static async Task AnswerAsync(TestHost host, string token, int coordination, int? improvement,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        var form = await (await host.Client().GetAsync($"/api/surveys/{token}")).ReadAsync();
        var answers = new Dictionary<string, string>();
        foreach (var q in form.GetProperty("questions").EnumerateArray())
        {
            var key = q.GetProperty("key").GetString()!;
            if (overrides is not null && overrides.TryGetValue(key, out var given))
            {
                answers[key] = given;
                continue;
            }

            answers[key] = q.GetProperty("type").GetString() switch
            {
                "scale" when key.StartsWith("rc.", StringComparison.Ordinal) => coordination.ToString(CultureInfo.InvariantCulture),
                "scale" when key.StartsWith("improvement.", StringComparison.Ordinal) => (improvement ?? 3).ToString(CultureInfo.InvariantCulture),
                "scale" => "3",
                "yes-no" => "ja",
                "number" => "1",
                "single-choice" or "multiple-choice" => q.GetProperty("options")[0].GetProperty("value").GetString()!,
                _ => "Vi taler mere sammen;\nogså på tværs.",
            };
        }

        var response = await host.Client().PostAsJsonAsync($"/api/surveys/{token}/answers", new { answers });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
    }
}
