using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MimeKit;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Infrastructure.Tests.Mail;

/// <summary>
/// The mailbox writes each file with <see cref="MimeFileWriter"/>, which must give the bytes composing the message with
/// MimeKit gives (<see cref="LocalMailbox.Compose"/>, then <c>MimeMessage.WriteTo</c>): the same file for the same
/// message, before and after. Texts are drawn from what breaks encoders — line ends of every kind, trailing blanks,
/// '=', long lines, Danish letters, characters outside the BMP.
/// </summary>
public sealed class MimeFileWriterProperties
{
    private static readonly MailboxAddress From = new("Netværksstedet", "netvaerk@albertslund.dk");

    private static readonly string[] Pieces =
    [
        "a", "Kære", " ", "  ", "\t", "\n", "\r\n", "\r", "=", "æøå", "ÆØÅ", "–", "»", "«", ".", "..", "\n.\n", "From ",
        "😀", "<p>", "&#230;", "\"", ",", ";", ":", "?", "_", "=?utf-8?q?x?=", new string('x', 70), new string('é', 40),
        "https://netvaerk.albertslund.dk/s/abc", "-- ", "\n--\n",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/calendar; method=REQUEST; charset=utf-8", "text/calendar; method=CANCEL; charset=utf-8", "text/plain",
        "application/pdf", "text/csv; charset=utf-8",
    ];

    private static Gen<string> Text(int maxPieces) =>
        Gen.Choose(0, maxPieces).SelectMany(n => Gen.Elements(Pieces).ArrayOf(n)).Select(parts => string.Concat(parts));

    private static Arbitrary<OutboxMessage> Messages()
    {
        var name = Gen.Elements("Søren Ærø", "Deltager 121-3", "", "O'Brien, Anne", "\"Citat\" Hansen", "Åse; Øster", new string('Ø', 60));
        var address = Gen.Elements("d121-3@albertslund.dk", "søren@æblehaven.dk", "o'brien+netvaerk@kk.dk", "a_b-c.d@sub.domain-x.dk");
        var attachment = from fileName in Gen.Elements("invitation.ics", "aflysning.ics", "Referat møde 1.pdf", "a b;c.csv")
                         from type in Gen.Elements(ContentTypes)
                         from content in Text(40)
                         select new EmailAttachment(fileName, type, content);
        return (from key in Gen.Elements("net-1/meeting-1-reminder/1/", "9ec3f031-6dd8-5841-c308-48a48dad69f5/survey/2/", "digest/")
                    .SelectMany(prefix => address.Select(a => prefix + a))
                from toName in name
                from toAddress in address
                from subject in Gen.OneOf(Gen.Elements("Påmindelse: netværksmøde 1 torsdag den 25. februar", "Kvittering", "x"), Text(12))
                from textBody in Text(120)
                from htmlBody in Text(120)
                from attachments in attachment.ArrayOf().Select(a => a.Take(3).ToArray())
                from minutes in Gen.Choose(0, 2_000_000)
                from offset in Gen.Elements(0, 60, 120, -300)
                select new OutboxMessage(key, "albertslund", toAddress, toName, new EmailMessage(subject, textBody, htmlBody, attachments),
                    new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(offset)).AddMinutes(minutes))).ToArbitrary();
    }

    private static string ByMimeKit(OutboxMessage message)
    {
        using var mime = LocalMailbox.Compose(message, From);
        using var output = new MemoryStream();
        mime.WriteTo(LocalMailbox.Format, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string ByWriter(MimeFileWriter writer, OutboxMessage message)
    {
        using var output = new MemoryStream();
        writer.Write(message, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Property(MaxTest = 1500)]
    public Property The_writer_writes_the_bytes_MimeKit_writes()
    {
        var writer = new MimeFileWriter(From);
        return Prop.ForAll(Messages(), message => string.Equals(ByMimeKit(message), ByWriter(writer, message), StringComparison.Ordinal));
    }

    [Fact]
    public void The_test_messages_are_written_as_MimeKit_writes_them_twice_over()
    {
        var writer = new MimeFileWriter(From);
        foreach (var message in new[] { TestMessages.Invitation(), TestMessages.WithoutAttachments(), TestMessages.Invitation() })
        {
            var expected = ByMimeKit(message);
            Assert.Equal(expected, ByWriter(writer, message));
            Assert.Contains("Content-Transfer-Encoding: quoted-printable", expected, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_subject_or_recipient_remembered_from_one_message_does_not_leak_into_the_next()
    {
        var writer = new MimeFileWriter(From);
        var first = TestMessages.Invitation();
        var second = first with
        {
            Key = "net-1/workshop-invite/1/anne@albertslund.dk",
            ToName = "Anne",
            ToAddress = "anne@albertslund.dk",
            Message = first.Message with { Subject = "Aflyst: opstartsworkshop", Attachments = [] },
        };

        ByWriter(writer, first);
        Assert.Equal(ByMimeKit(second), ByWriter(writer, second));
        Assert.Equal(ByMimeKit(first), ByWriter(writer, first));
    }
}
