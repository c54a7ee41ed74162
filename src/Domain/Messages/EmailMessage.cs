namespace Netvaerk.Domain.Messages;

/// <summary>
/// A composed e-mail, ready for the outbox. Equality compares the attachments by content, so two compositions of
/// the same step can be compared directly (idempotent sends).
/// </summary>
/// <param name="Subject">Short, specific Danish subject line.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="HtmlBody">A small, well-formed HTML document; every interpolated value is HTML-encoded.</param>
/// <param name="Attachments">Attachments, e.g. the meeting's .ics (text/calendar).</param>
public sealed record EmailMessage(
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyList<EmailAttachment> Attachments)
{
    public bool Equals(EmailMessage? other) =>
        other is not null
        && string.Equals(Subject, other.Subject, StringComparison.Ordinal)
        && string.Equals(TextBody, other.TextBody, StringComparison.Ordinal)
        && string.Equals(HtmlBody, other.HtmlBody, StringComparison.Ordinal)
        && Attachments.SequenceEqual(other.Attachments);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Subject, StringComparer.Ordinal);
        hash.Add(TextBody, StringComparer.Ordinal);
        hash.Add(HtmlBody, StringComparer.Ordinal);
        foreach (var attachment in Attachments)
        {
            hash.Add(attachment);
        }

        return hash.ToHashCode();
    }
}

/// <summary>An attachment carried as text (an .ics is text/calendar).</summary>
/// <param name="FileName">The file name shown to the recipient, e.g. <c>invitation.ics</c>.</param>
/// <param name="ContentType">The full MIME type, e.g. <c>text/calendar; method=REQUEST; charset=utf-8</c>.</param>
/// <param name="Content">The attachment's text.</param>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
