using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Netvaerk.Web.Pages.Html;

namespace Netvaerk.Web.Pages;

/// <summary>
/// Every form a page posts carries an antiforgery token, and every handler reads its form through
/// <see cref="ReadAsync"/>: a request that is not a form, cannot be read, or lacks a valid token (another site posting
/// on the visitor's behalf) gets a Danish page and changes nothing.
/// </summary>
internal static class Forms
{
    public const string TokenField = "__af";

    /// <summary>The hidden token field for a form on this page (also sets the antiforgery cookie).</summary>
    public static string Token(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>A form: the opening tag with its token, the fields, and a submit button.</summary>
    public static string Form(HttpContext http, string action, string fields, string button) =>
        $"<form method=\"post\" action=\"{E(action)}\">{Token(http)}{fields}<button type=\"submit\" class=\"button button-primary\">{E(button)}</button></form>";

    /// <summary>The named value a radio group posted, or null: only the names themselves, never numbers or other text.</summary>
    public static TEnum? Choice<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => string.Equals(v.ToString(), value, StringComparison.Ordinal)).Select(v => (TEnum?)v).FirstOrDefault();

    /// <summary>The posted form, or the page that refuses it.</summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, Page("Formularen kunne ikke læses", "<p>Send oplysningerne fra formularen på siden.</p>", 415));
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            // A NUL character, a key or value over the form limits: the form reader refuses it as a whole.
            return (null, Page("Formularen kunne ikke læses", "<p>Formularens indhold kunne ikke læses. Gå tilbage, og prøv igen.</p>", 400));
        }

        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, Page("Formularen kunne ikke godkendes",
                "<p>Formularen er udløbet eller sendt fra en anden side end Netværksstedet. Åbn siden igen, og prøv på ny.</p>", 400));
        }

        return (form, null);
    }
}
