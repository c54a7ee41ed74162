using System.ComponentModel.DataAnnotations;

namespace Netvaerk.Infrastructure.Mail;

/// <summary>Where <see cref="LocalMailbox"/> writes its .eml files, and who they are from. Bound from <c>Mailbox</c>.</summary>
public sealed class MailboxOptions
{
    public const string SectionName = "Mailbox";

    /// <summary>The folder the .eml files go to; relative paths are relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "data/mail";

    /// <summary>The sender as an RFC 5322 mailbox, e.g. <c>Netværksstedet &lt;netvaerk@albertslund.dk&gt;</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string From { get; set; } = "Netværksstedet <netvaerk@albertslund.dk>";
}
