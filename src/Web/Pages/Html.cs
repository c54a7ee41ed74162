using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Netvaerk.Web.Pages;

/// <summary>The plain, accessible layout of the few server-rendered pages (Danish, no scripts).</summary>
internal static class Html
{
    // Escapes markup characters but keeps æ, ø, å and the rest of the text readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    /// <summary>The pages' stylesheet, served from <see cref="StylesheetPath"/> so the CSP needs no 'unsafe-inline'.</summary>
    public const string Stylesheet = """
        body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
        fieldset { border: 1px solid #ccc; border-radius: .4rem; margin: 1rem 0; padding: .8rem 1rem; }
        legend { font-weight: 600; }
        label.felt { display: block; font-weight: 600; margin-top: 1rem; }
        input[type=text] { font-size: 1rem; padding: .4rem; width: 100%; max-width: 24rem; }
        .fejl { color: #a4001d; font-weight: 600; }
        .valg label { margin-right: 1rem; white-space: nowrap; }
        button { font-size: 1rem; padding: .5rem 1.2rem; margin-top: 1rem; }
        textarea { width: 100%; min-height: 5rem; }
        """;

    public const string StylesheetPath = "/css/netvaerk.css";

    public static IResult Page(string title, string body, int status = 200) =>
        Results.Content(
            $$"""
            <!DOCTYPE html>
            <html lang="da">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} – Netværksstedet</title>
            <link rel="stylesheet" href="{{StylesheetPath}}">
            </head>
            <body>
            <main>
            <h1>{{E(title)}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """,
            "text/html; charset=utf-8", Encoding.UTF8, status);
}
