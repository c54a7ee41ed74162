using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Tests.Mail;

internal static class TestMessages
{
    public const string Subject = "Invitation til opstartsworkshop: Frivillighed i Albertslund – æøå ÆØÅ";

    public const string TextBody =
        "Kære Søren Ærø\n\nDu er inviteret til opstartsworkshoppen i Velfærdsnetværket om frivillighed.\n" +
        "Tid: tirsdag den 3. februar 2026 kl. 13.00–15.00\nSted: Rådhuset, mødelokale Åen\n";

    public const string HtmlBody =
        "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Invitation</title></head>" +
        "<body><p>Kære Søren Ærø</p><p>Sted: Rådhuset, mødelokale Åen</p></body></html>";

    public const string Ics =
        "BEGIN:VCALENDAR\r\nPRODID:-//Albertslund Kommune//Netværksstedet//DA\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n" +
        "BEGIN:VEVENT\r\nUID:net-1-m0@netvaerk.albertslund.dk\r\nSUMMARY:Opstartsworkshop: Frivillighed i Albertslund\r\n" +
        "LOCATION:Rådhuset\\, mødelokale Åen\r\nDTSTAMP:20260115T080000Z\r\nDTSTART:20260203T120000Z\r\n" +
        "DTEND:20260203T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 15, 9, 30, 0, TimeSpan.FromHours(1));

    public static OutboxMessage Invitation(string key = "net-1/workshop-invite/1/soren@albertslund.dk", DateTimeOffset? createdAt = null) =>
        new(
            key,
            "albertslund",
            "soren@albertslund.dk",
            "Søren Ærø",
            new EmailMessage(
                Subject,
                TextBody,
                HtmlBody,
                [new EmailAttachment("invitation.ics", "text/calendar; method=REQUEST; charset=utf-8", Ics)]),
            createdAt ?? CreatedAt);

    public static OutboxMessage WithoutAttachments(string key = "net-1/receipt/1/soren@albertslund.dk") =>
        Invitation(key) with { Message = new EmailMessage(Subject, TextBody, HtmlBody, []) };
}
