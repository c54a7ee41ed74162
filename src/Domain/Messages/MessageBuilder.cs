using System.Net;
using System.Text;

namespace Netvaerk.Domain.Messages;

/// <summary>
/// Builds one message as a list of blocks that each render to plain text and to HTML, so the two bodies always
/// say the same thing. Greeting, signature, footer (with the unsubscribe line for external recipients) and the
/// HTML layout are added by <see cref="Build"/>. Every value is HTML-encoded; no block takes raw HTML.
/// </summary>
internal sealed class MessageBuilder
{
    private const string FooterStyle = "font-size: 12px; color: #555555;";
    private const string HeadingStyle = "font-size: 16px; margin: 20px 0 8px 0;";
    private const string LabelStyle = "text-align: left; vertical-align: top; padding: 2px 16px 2px 0; font-weight: bold;";
    private const string ValueStyle = "text-align: left; vertical-align: top; padding: 2px 0;";

    private readonly List<Block> _blocks = [];

    public MessageBuilder Paragraph(string text)
    {
        _blocks.Add(new ParagraphBlock(text, Emphasis: false));
        return this;
    }

    /// <summary>A paragraph that stands out (e.g. the reflection prompt).</summary>
    public MessageBuilder Emphasis(string text)
    {
        _blocks.Add(new ParagraphBlock(text, Emphasis: true));
        return this;
    }

    public MessageBuilder Bullets(IEnumerable<string> items)
    {
        _blocks.Add(new BulletsBlock([.. items]));
        return this;
    }

    /// <summary>A headed list of label/value pairs, e.g. "Tid og sted" with "Tid" and "Sted".</summary>
    public MessageBuilder Facts(string heading, params (string Label, string Value)[] facts)
    {
        _blocks.Add(new FactsBlock(heading, facts));
        return this;
    }

    /// <summary>The "Tid og sted" block of a meeting.</summary>
    public MessageBuilder TimeAndPlace(Timelines.Meeting meeting, string heading = "Tid og sted") =>
        Facts(heading, ("Tid", DanishText.When(meeting)), ("Sted", meeting.Place));

    /// <summary>A link: in text the lead and the address on its own line; in HTML the lead and a link.</summary>
    public MessageBuilder Link(string lead, string linkText, string url)
    {
        _blocks.Add(new LinkBlock(lead, linkText, RequireWebUrl(url, nameof(url))));
        return this;
    }

    /// <summary>Checks that a link is an absolute http(s) address, so no other scheme can reach a message.</summary>
    public static string RequireWebUrl(string? url, string paramName)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Not an absolute http(s) address: '{url}'.", paramName);
        }

        return url!;
    }

    public EmailMessage Build(
        string subject,
        Recipient recipient,
        Signature signature,
        string? externalReason = null,
        IReadOnlyList<EmailAttachment>? attachments = null,
        string? footerNote = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var unsubscribe = recipient.IsExternal
            ? RequireWebUrl(recipient.UnsubscribeUrl, nameof(recipient))
            : null;

        var footer = new Footer(
            footerNote ?? "Mailen er sendt automatisk fra Netværksstedet, Albertslund Kommune.",
            unsubscribe is null ? null : $"Du får denne mail, fordi du har sagt ja til at blive kontaktet i forbindelse med {externalReason ?? "Albertslund Kommunes netværk"}. Ønsker du ikke at modtage flere mails fra os, kan du afmelde dig her:",
            unsubscribe);

        return new EmailMessage(
            subject,
            RenderText(recipient, signature, footer),
            RenderHtml(subject, recipient, signature, footer),
            attachments ?? []);
    }

    /// <summary>
    /// "Kære Anna Jensen", or a neutral "Goddag" while no name is known — never the local part of an address
    /// ("Kære anna.jensen"), which reads as a machine talking.
    /// </summary>
    internal static string Greeting(Recipient recipient) => IsNamed(recipient) ? $"Kære {recipient.Name.Trim()}" : "Goddag";

    private static bool IsNamed(Recipient recipient) =>
        !string.IsNullOrWhiteSpace(recipient.Name) && !recipient.Name.Contains('@', StringComparison.Ordinal);

    private string RenderText(Recipient recipient, Signature signature, Footer footer)
    {
        var text = new StringBuilder();
        text.Append(Greeting(recipient)).Append("\n\n");
        foreach (var block in _blocks)
        {
            block.WriteText(text);
            text.Append('\n');
        }

        text.Append("Venlig hilsen\n");
        foreach (var line in signature.Lines)
        {
            text.Append(line).Append('\n');
        }

        text.Append("\n--\n").Append(footer.Note).Append('\n');
        if (footer.UnsubscribeUrl is not null)
        {
            text.Append(footer.UnsubscribeLead).Append('\n').Append(footer.UnsubscribeUrl).Append('\n');
        }

        return text.ToString();
    }

    private string RenderHtml(string subject, Recipient recipient, Signature signature, Footer footer)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\" />\n<title>")
            .Append(Encode(subject))
            .Append("</title>\n</head>\n")
            .Append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;\">\n")
            .Append("<div style=\"max-width: 640px;\">\n");
        html.Append("<p>").Append(IsNamed(recipient) ? "Kære " + Encode(recipient.Name.Trim()) : "Goddag").Append("</p>\n");
        foreach (var block in _blocks)
        {
            block.WriteHtml(html);
        }

        html.Append("<p>Venlig hilsen");
        foreach (var line in signature.Lines)
        {
            html.Append("<br />").Append(Encode(line));
        }

        html.Append("</p>\n<hr />\n")
            .Append("<p style=\"").Append(FooterStyle).Append("\">").Append(Encode(footer.Note)).Append("</p>\n");
        if (footer.UnsubscribeUrl is not null)
        {
            html.Append("<p style=\"").Append(FooterStyle).Append("\">").Append(Encode(footer.UnsubscribeLead!))
                .Append(" <a href=\"").Append(Encode(footer.UnsubscribeUrl)).Append("\">Afmeld mails</a></p>\n");
        }

        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private sealed record Footer(string Note, string? UnsubscribeLead, string? UnsubscribeUrl);

    private abstract record Block
    {
        public abstract void WriteText(StringBuilder text);

        public abstract void WriteHtml(StringBuilder html);
    }

    private sealed record ParagraphBlock(string Text, bool Emphasis) : Block
    {
        public override void WriteText(StringBuilder text) => text.Append(Text).Append('\n');

        public override void WriteHtml(StringBuilder html) =>
            html.Append(Emphasis ? "<p><strong>" : "<p>")
                .Append(Encode(Text))
                .Append(Emphasis ? "</strong></p>\n" : "</p>\n");
    }

    private sealed record BulletsBlock(IReadOnlyList<string> Items) : Block
    {
        public override void WriteText(StringBuilder text)
        {
            foreach (var item in Items)
            {
                text.Append("- ").Append(item).Append('\n');
            }
        }

        public override void WriteHtml(StringBuilder html)
        {
            html.Append("<ul>\n");
            foreach (var item in Items)
            {
                html.Append("<li>").Append(Encode(item)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    private sealed record FactsBlock(string Heading, IReadOnlyList<(string Label, string Value)> Facts) : Block
    {
        public override void WriteText(StringBuilder text)
        {
            text.Append(Heading).Append('\n');
            foreach (var (label, value) in Facts)
            {
                text.Append(label).Append(": ").Append(value).Append('\n');
            }
        }

        public override void WriteHtml(StringBuilder html)
        {
            html.Append("<h2 style=\"").Append(HeadingStyle).Append("\">").Append(Encode(Heading)).Append("</h2>\n")
                .Append("<table role=\"presentation\" style=\"border-collapse: collapse;\">\n");
            foreach (var (label, value) in Facts)
            {
                html.Append("<tr><th scope=\"row\" style=\"").Append(LabelStyle).Append("\">").Append(Encode(label))
                    .Append("</th><td style=\"").Append(ValueStyle).Append("\">").Append(Encode(value)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }
    }

    private sealed record LinkBlock(string Lead, string LinkText, string Url) : Block
    {
        public override void WriteText(StringBuilder text) => text.Append(Lead).Append('\n').Append(Url).Append('\n');

        public override void WriteHtml(StringBuilder html) =>
            html.Append("<p>").Append(Encode(Lead)).Append("<br /><a href=\"").Append(Encode(Url)).Append("\">")
                .Append(Encode(LinkText)).Append("</a></p>\n");
    }
}

/// <summary>The lines under "Venlig hilsen".</summary>
internal sealed record Signature(IReadOnlyList<string> Lines)
{
    /// <summary>Automatic messages to leaders, the secretariat and the political liaison.</summary>
    public static Signature Netvaerksstedet { get; } = new(["Netværksstedet", "Albertslund Kommune"]);

    /// <summary>Messages from the secretariat (ideas, decisions, onboarding).</summary>
    public static Signature Secretariat { get; } = new(["Netværkssekretariatet", "Albertslund Kommune"]);

    /// <summary>Messages to participants, signed by the network leader.</summary>
    public static Signature Leader(NetworkSummary network) =>
        new([network.LeaderName, $"Netværksleder, {DanishText.NetworkLabel(network)}", "Albertslund Kommune"]);
}
