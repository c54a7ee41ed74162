using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Surveys;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Web.Api;
using static Netvaerk.Web.Pages.Html;

namespace Netvaerk.Web.Pages.Surveys;

/// <summary>
/// The secretariat's question sets: every set the timelines send, and an edit that saves the next version (surveys
/// already sent keep theirs). The form names its fields by the question's place: q1-tekst, q1-hjaelp, q1-obligatorisk,
/// q1-muligheder, q1-fjern; a new question is ny-tekst, ny-type, ny-muligheder, ny-obligatorisk.
/// </summary>
public static class QuestionSetPages
{
    public static IEndpointRouteBuilder MapQuestionSetPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/spoergeskemaer", async (QuestionSetWorkflow sets, CancellationToken ct) =>
            Render<QuestionSetsPage>(new { Sets = await sets.ListAsync(ct) }))
            .RequireAuthorization(Policies.Secretariat).ExcludeFromDescription();

        endpoints.MapGet("/spoergeskemaer/{type}/{kind}", async (string type, string kind, HttpContext http, QuestionSetWorkflow sets, CancellationToken ct) =>
        {
            if (await FindAsync(sets, type, kind, ct) is not { } history) return NotFoundPage();
            return Render<QuestionSetPage>(new { History = history, Saved = http.Request.Query.ContainsKey("gemt") });
        }).RequireAuthorization(Policies.Secretariat).ExcludeFromDescription();

        endpoints.MapPost("/spoergeskemaer/{type}/{kind}", async (string type, string kind, HttpContext http, QuestionSetWorkflow sets, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            if (await FindAsync(sets, type, kind, ct) is not { } history) return NotFoundPage();
            var fields = form!;
            var posted = fields.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            var basedOn = int.TryParse(fields["grundlag"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
            var (questions, errors) = Read(fields, history.Current);
            if (errors.Count == 0)
            {
                try
                {
                    await sets.ReviseAsync(history.Type, history.Kind, basedOn, questions, http.User.Email(), ct);
                    return Results.Redirect($"/spoergeskemaer/{type}/{kind}?gemt=1");
                }
                catch (DomainException e)
                {
                    errors["spoergsmaal"] = e.Message;
                }
            }

            return Render<QuestionSetPage>(new { History = history, Posted = posted, Errors = errors }, 400);
        }).RequireAuthorization(Policies.Secretariat).ExcludeFromDescription();

        return endpoints;
    }

    /// <summary>The set's page: the enums' kebab-case names, as the API writes them (/spoergeskemaer/welfare/baseline).</summary>
    public static string Route(NetworkType type, SurveyKind kind) =>
        $"/spoergeskemaer/{TimelineJson.WireName(type)}/{TimelineJson.WireName(kind)}";

    private static async Task<QuestionSetHistory?> FindAsync(QuestionSetWorkflow sets, string type, string kind, CancellationToken ct)
    {
        if (SurveyEndpoints.Parse(type, kind) is not var (t, k)) return null;
        try
        {
            return await sets.GetAsync(t, k, ct);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static IResult NotFoundPage() =>
        Page("Spørgeskemaet findes ikke", "<p>Den slags spørgeskema sendes ikke af nogen netværkstype.</p>", 404);

    /// <summary>The questions as the form holds them, or what is wrong, by field.</summary>
    internal static (List<SurveyQuestion> Questions, Dictionary<string, string> Errors) Read(IFormCollection form, QuestionSet current)
    {
        var questions = new List<SurveyQuestion>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < current.Questions.Count; i++)
        {
            var id = $"q{i + 1}";
            if (form[$"{id}-fjern"] == "ja") continue;
            var question = current.Questions[i];
            var text = form[$"{id}-tekst"].ToString().Trim();
            if (text.Length == 0) errors[$"{id}-tekst"] = $"Skriv teksten til spørgsmål {i + 1}, eller vælg at fjerne det.";
            var help = form[$"{id}-hjaelp"].ToString().Trim();
            question = question with { Text = text, Help = help.Length == 0 ? null : help, Required = form[$"{id}-obligatorisk"] == "ja" };
            if (question.Type is AnswerType.SingleChoice or AnswerType.MultipleChoice)
            {
                question = question with { Options = Options(Lines(form[$"{id}-muligheder"].ToString()), question.Options) };
                if (question.Options.Count < 2) errors[$"{id}-muligheder"] = "Skriv mindst to svarmuligheder, én pr. linje.";
            }

            questions.Add(question);
        }

        var newText = form["ny-tekst"].ToString().Trim();
        if (newText.Length > 0)
        {
            var type = Forms.Choice<AnswerType>(form["ny-type"]);
            if (type is null) errors["ny-type"] = "Vælg, hvordan det nye spørgsmål besvares.";
            var question = new SurveyQuestion($"egen.v{current.Version + 1}.{questions.Count + 1}", newText, type ?? AnswerType.FreeText,
                form["ny-obligatorisk"] == "ja");
            if (type == AnswerType.Scale) question = question with { LowLabel = SurveyAnswers.AgreementLabels[0], HighLabel = SurveyAnswers.AgreementLabels[^1] };
            if (type is AnswerType.SingleChoice or AnswerType.MultipleChoice)
            {
                question = question with { Options = Options(Lines(form["ny-muligheder"].ToString()), []) };
                if (question.Options.Count < 2) errors["ny-muligheder"] = "Skriv mindst to svarmuligheder, én pr. linje.";
            }

            questions.Add(question);
        }
        else if (!string.IsNullOrWhiteSpace(form["ny-muligheder"]))
        {
            errors["ny-tekst"] = "Skriv det nye spørgsmåls tekst.";
        }

        return (questions, errors);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Options from their labels; an unchanged label keeps its stored value, so earlier answers still count for it.</summary>
    internal static List<ChoiceOption> Options(IEnumerable<string> labels, IReadOnlyList<ChoiceOption> existing)
    {
        var options = new List<ChoiceOption>();
        foreach (var label in labels.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var value = existing.FirstOrDefault(o => o.Label == label)?.Value ?? Slug(label);
            while (options.Any(o => o.Value == value) || (existing.Any(o => o.Value == value && o.Label != label))) value += "-2";
            options.Add(new ChoiceOption(value, label));
        }

        return options;
    }

    /// <summary>"Private virksomheder" → "private-virksomheder"; æ, ø, å spelled out.</summary>
    private static string Slug(string label)
    {
        var text = new StringBuilder();
        foreach (var c in label.ToLower(CultureInfo.GetCultureInfo("da-DK")))
        {
            text.Append(c switch
            {
                'æ' => "ae",
                'ø' => "oe",
                'å' => "aa",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "-",
            });
        }

        var slug = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "valg" : slug[..Math.Min(slug.Length, 40)];
    }
}
