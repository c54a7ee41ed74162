using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;
using static Netvaerk.Web.Pages.Html;

namespace Netvaerk.Web.Pages.Mailbox;

public sealed record MailSummary(string Name, DateTimeOffset Date, string To, string Subject);

public sealed record MailView(string Name, DateTimeOffset Date, string From, string To, string Subject, string Text, bool HasCalendar);

/// <summary>
/// The mailbox viewer: the e-mails the local mailbox delivered, so a newcomer sees what the system sends and can follow
/// a sign-in link from the browser. The routes exist in both hosts (identical routes), but answer only where the local
/// mailbox delivers mail and only to this machine: elsewhere, and to any other address, they answer 404.
/// </summary>
public static partial class MailboxPages
{
    /// <summary>The newest this many are listed (a year of mail holds more than a page can show).</summary>
    public const int Listed = 200;

    public static IEndpointRouteBuilder MapMailboxPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/postkasse", (HttpContext http) =>
        {
            if (Mailbox(http) is not { } mailbox) return NotHere();
            var mails = Directory.Exists(mailbox.Folder)
                ? Directory.EnumerateFiles(mailbox.Folder, "*.eml").Select(Path.GetFileName).OfType<string>()
                    .Where(n => FileName().IsMatch(n)).OrderDescending(StringComparer.Ordinal).Take(Listed)
                    .Select(n => Summary(mailbox.Folder, n)).OfType<MailSummary>().ToList()
                : [];
            return Render<MailboxPage>(new { Mails = mails, Folder = mailbox.Folder });
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet("/postkasse/{name}", (string name, HttpContext http) =>
        {
            if (Mailbox(http) is not { } mailbox) return NotHere();
            if (Load(mailbox.Folder, name) is not { } mime) return NoSuchMail();
            var text = mime.TextBody ?? mime.HtmlBody ?? "";
            return Render<MailPage>(new { Mail = new MailView(name, mime.Date, mime.From.ToString(), mime.To.ToString(), mime.Subject ?? "",
                text.Replace("\r\n", "\n", StringComparison.Ordinal), Calendar(mime) is not null) });
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet("/postkasse/{name}/invitation.ics", (string name, HttpContext http) =>
        {
            if (Mailbox(http) is not { } mailbox) return NotHere();
            if (Load(mailbox.Folder, name) is not { } mime || Calendar(mime) is not { } calendar) return NoSuchMail();
            return Results.Text(calendar, "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

        return endpoints;
    }

    private static LocalMailbox? Mailbox(HttpContext http)
    {
        // In-process test servers have no remote address; a real connection must come from this machine.
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && !System.Net.IPAddress.IsLoopback(remote)) return null;
        return http.RequestServices.GetService<IMailTransport>() as LocalMailbox;
    }

    private static MailSummary? Summary(string folder, string name) =>
        Load(folder, name) is { } mime ? new MailSummary(name, mime.Date, mime.To.ToString(), mime.Subject ?? "") : null;

    private static MimeMessage? Load(string folder, string name)
    {
        // Only the mailbox's own file names: nothing else in (or outside) the folder can be named.
        if (!FileName().IsMatch(name)) return null;
        var path = Path.Combine(folder, name);
        try
        {
            return File.Exists(path) ? MimeMessage.Load(path) : null;
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return null;
        }
    }

    private static string? Calendar(MimeMessage mime) =>
        mime.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "calendar"))?.Text;

    private static IResult NotHere() => Page("Siden findes ikke", "<p>Postkassen findes kun, når Netværksstedet kører på din egen maskine.</p>", 404);

    private static IResult NoSuchMail() => Page("E-mailen findes ikke", "<p>Der er ingen e-mail med det navn i postkassen.</p><p><a class=\"function-link\" href=\"/postkasse\">Til postkassen</a></p>", 404);

    [GeneratedRegex(@"^\d{8}-\d{6}-[0-9a-f]{16}\.eml$")]
    private static partial Regex FileName();
}
