using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Netvaerk.Web.Pages.Shared;

namespace Netvaerk.Web.Pages;

/// <summary>Rendering pages: Razor components through <see cref="RazorComponentResult"/>, so either host serves them.</summary>
internal static class Html
{
    // Escapes markup characters but keeps æ, ø, å and the rest of the text readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    /// <summary>A component as the whole page, with the status it answers.</summary>
    public static RazorComponentResult Render<TComponent>(object parameters, int status = 200) where TComponent : IComponent =>
        new RazorComponentResult<TComponent>(parameters) { StatusCode = status };

    /// <summary>The stored value, or null where the workflow says it does not exist (the page then says so in Danish).</summary>
    public static async Task<T?> FoundAsync<T>(Task<Domain.Ports.Versioned<T>> lookup) where T : class
    {
        try
        {
            return (await lookup).Value;
        }
        catch (Domain.Common.NotFoundException)
        {
            return null;
        }
    }

    /// <summary>A heading and a few paragraphs of escaped markup, in the pages' layout.</summary>
    public static IResult Page(string title, string body, int status = 200) =>
        Render<MessagePage>(new { Title = title, Body = new MarkupString(body) }, status);
}
