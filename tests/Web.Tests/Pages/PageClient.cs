using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Netvaerk.Web.Tests.Pages;

/// <summary>A page as the server sent it: status, the parsed document, where it redirects.</summary>
internal sealed record PageResponse(HttpStatusCode Status, IDocument Document, Uri? Location)
{
    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public string Text => Document.Body?.TextContent ?? "";

    /// <summary>The messages of the error summary at the top, in order.</summary>
    public string[] SummaryErrors => Document.QuerySelectorAll(".alert-error li a").Select(a => a.TextContent.Trim()).ToArray();

    /// <summary>The error message shown next to a field (or fieldset) by its id.</summary>
    public string? FieldError(string id) => Document.GetElementById(id + "-fejl")?.TextContent.Replace("Fejl: ", "", StringComparison.Ordinal).Trim();

    public IHtmlFormElement Form(string action) =>
        Document.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == action);
}

/// <summary>Reads pages with AngleSharp and posts their forms as a browser would (hidden fields and token included).</summary>
internal static class PageClient
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public static async Task<PageResponse> PageAsync(this HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return await ReadAsync(await client.SendAsync(request));
    }

    /// <summary>Posts the form with its current values, the given ones changed, and the pressed button's name and value.</summary>
    public static async Task<PageResponse> SubmitAsync(this HttpClient client, IHtmlFormElement form,
        IReadOnlyDictionary<string, string>? values = null, (string Name, string Value)? button = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox", IsChecked: false }:
                    continue;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        if (button is { } b) fields.Add(new(b.Name, b.Value));
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        return await ReadAsync(await client.SendAsync(request));
    }

    /// <summary>Posts the form as multipart/form-data (its enctype) with a file in <paramref name="fileField"/>, as a browser uploads one.</summary>
    public static async Task<PageResponse> UploadAsync(this HttpClient client, IHtmlFormElement form, string fileField, string fileName, byte[] file)
    {
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var content = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)))
        {
            content.Add(new StringContent(input.Value), input.Name!);
        }

        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(bytes, fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = content };
        request.Headers.Accept.ParseAdd("text/html");
        return await ReadAsync(await client.SendAsync(request));
    }

    private static async Task<PageResponse> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.OpenAsync(r => r.Content(html));
        return new PageResponse(response.StatusCode, document, response.Headers.Location);
    }
}
