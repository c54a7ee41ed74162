using System.Globalization;
using Microsoft.AspNetCore.Http;
using Netvaerk.Domain.Networks;

namespace Netvaerk.Web.Pages.Ideas;

/// <summary>
/// What the idea form holds between its two steps (the form and the guide's recommendation): carried in the posted form
/// itself, so nothing is stored before the employee presses "Send idéen".
/// </summary>
public sealed record IdeaDraft(
    string Theme = "",
    string Problem = "",
    string DesiredResult = "",
    string Participants = "",
    string SpansManyAreas = "",
    string CitizenNearWelfare = "",
    string MissingKnowledge = "",
    string ChosenType = "")
{
    public const int ThemeMax = 200;
    public const int TextMax = 2500;

    /// <summary>The honeypot: a field people never see or fill in (hidden from view and from screen readers).</summary>
    public const string Honeypot = "hjemmeside";

    /// <summary>The three guide questions' field names, in the guide's order.</summary>
    public static readonly string[] GuideFields = ["spaender", "borgernaer", "viden"];

    public static IdeaDraft From(IFormCollection form) => new(
        form["tema"].ToString().Trim(), form["problem"].ToString().Trim(), form["resultat"].ToString().Trim(),
        form["deltagere"].ToString().Trim(), form[GuideFields[0]].ToString(), form[GuideFields[1]].ToString(),
        form[GuideFields[2]].ToString(), form["type"].ToString());

    /// <summary>Field → Danish message, in the form's order; empty when the draft may be sent.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Required("tema", Theme, "Skriv netværkets tema.", ThemeMax);
        Required("problem", Problem, "Beskriv problemet eller udfordringen.", TextMax);
        Required("resultat", DesiredResult, "Beskriv det ønskede resultat.", TextMax);
        Required("deltagere", Participants, "Skriv, hvem der skal deltage.", TextMax);
        for (var i = 0; i < GuideFields.Length; i++)
        {
            if (Answer(i) is not ("ja" or "nej" or "ved-ikke"))
            {
                errors[GuideFields[i]] = $"Svar på spørgsmål {i + 1} i typeguiden (ja, nej eller ved ikke).";
            }
        }

        if (ChosenType.Length > 0 && Type is null) errors["type"] = "Vælg en af de tre netværkstyper.";
        return errors;

        void Required(string field, string value, string missing, int max)
        {
            if (value.Length == 0) errors[field] = missing;
            else if (value.Length > max) errors[field] = $"Højst {max.ToString("N0", CultureInfo.GetCultureInfo("da-DK"))} tegn (du har skrevet {value.Length.ToString("N0", CultureInfo.GetCultureInfo("da-DK"))}).";
        }
    }

    public string Answer(int question) => question switch { 0 => SpansManyAreas, 1 => CitizenNearWelfare, _ => MissingKnowledge };

    public GuideAnswers GuideAnswers => new(Guide(SpansManyAreas), Guide(CitizenNearWelfare), Guide(MissingKnowledge));

    public NetworkType? Type => Forms.Choice<NetworkType>(ChosenType);

    /// <summary>The idea's description as stored: the form's three texts under their headings.</summary>
    public string Description =>
        $"Problem eller udfordring:\n{Problem}\n\nØnsket resultat:\n{DesiredResult}\n\nHvem skal deltage:\n{Participants}";

    private static GuideAnswer Guide(string value) => value switch { "ja" => GuideAnswer.Yes, "nej" => GuideAnswer.No, _ => GuideAnswer.Unknown };
}
