using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using MimeKit;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Infrastructure.Tests.Mail;

/// <summary>
/// What the edge accepts, the mail and calendar code can carry: every address <see cref="EmailAddress.IsValid"/> accepts
/// is one mailbox to MimeKit, reaches the .eml file's To header unchanged, and is the ATTENDEE of the calendar invitation.
/// Candidates are drawn from the characters that break addresses (comma, angle brackets, quotes, semicolons, spaces …).
/// </summary>
public sealed class EmailAddressDeliveryProperties : IDisposable
{
    private static readonly char[] Alphabet = "abzAZ09._%+'-,<>\"; :()[]\\@æøå".ToCharArray();

    private static readonly Meeting Workshop = new("startup-workshop", 0, MeetingKind.StartupWorkshop, new DateOnly(2027, 3, 1),
        new TimeOnly(9, 0), new TimeOnly(11, 0), "Rådhuset", 0, false);

    private static readonly NetworkSummary Network = new("net-1", "Frivillighed", Domain.Networks.NetworkType.Welfare, "Mette Holm",
        "mette.holm@albertslund.dk", "netvaerkssekretariatet@albertslund.dk");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "netvaerk-mail-" + Guid.NewGuid().ToString("N"));

    private static Arbitrary<string> Candidates()
    {
        var part = Gen.Elements(Alphabet).ArrayOf().Select(cs => new string(cs));
        var label = Gen.Elements("albertslund", "kk", "æblehaven", "a-b", "-x", "x-", "", "dk", "123").ToArbitrary().Generator;
        return (from local in part
                from labels in label.ArrayOf()
                from tld in Gen.Elements("dk", "com", "d", "1a", "")
                select $"{local}@{string.Join(".", labels.Append(tld))}").ToArbitrary();
    }

    [Property(MaxTest = 3000)]
    public Property Every_accepted_address_survives_mime_and_the_calendar_invitation() =>
        Prop.ForAll(Candidates(), candidate =>
        {
            if (!EmailAddress.IsValid(candidate)) return true.Label("refused at the edge");
            candidate = candidate.Trim(); // what the edge stores

            var parsed = InternetAddressList.TryParse(candidate, out var list) && list.Count == 1 && list[0] is MailboxAddress one
                && string.Equals(one.Address, candidate, StringComparison.Ordinal);
            var ics = MeetingInvitation.Attachment(Workshop, Network, [new Recipient("Modtager", candidate)], CalendarMethod.Request,
                new DateTimeOffset(2027, 2, 22, 7, 0, 0, TimeSpan.Zero)).Content;
            var attendee = ics.Replace("\r\n ", "", StringComparison.Ordinal).Contains($"mailto:{candidate}", StringComparison.OrdinalIgnoreCase);
            return (parsed && attendee).Label($"{candidate}: one mailbox {parsed}, attendee {attendee}");
        });

    [Fact]
    public async Task An_accepted_address_reaches_the_eml_files_to_header_unchanged()
    {
        using var mailbox = new LocalMailbox(Options.Create(new MailboxOptions { Folder = _folder }));
        foreach (var address in new[] { "søren@æblehaven.dk", "o'brien+netvaerk@kk.dk", "a_b-c.d@sub.domain-x.dk" })
        {
            Assert.True(EmailAddress.IsValid(address));
            var message = TestMessages.Invitation($"net-1/step/1/{address}") with { ToAddress = address };
            await mailbox.SendAsync(message);
            var eml = await MimeMessage.LoadAsync(Path.Combine(_folder, LocalMailbox.FileNameFor(message)));
            Assert.Equal(address, Assert.Single(eml.To.Mailboxes).Address);
        }
    }

    [Fact]
    public async Task Leftover_temp_files_of_a_killed_process_are_removed_before_the_first_delivery()
    {
        Directory.CreateDirectory(_folder);
        for (var i = 0; i < 5; i++) await File.WriteAllTextAsync(Path.Combine(_folder, $".x-{i}.eml.{Guid.NewGuid():N}.tmp"), "halv");
        await File.WriteAllTextAsync(Path.Combine(_folder, "keep.txt"), "ikke affald");
        using var mailbox = new LocalMailbox(Options.Create(new MailboxOptions { Folder = _folder }));

        await mailbox.SendAsync(TestMessages.Invitation());

        Assert.Empty(Directory.GetFiles(_folder, ".*.tmp"));
        Assert.True(File.Exists(Path.Combine(_folder, "keep.txt")));
        Assert.Single(Directory.GetFiles(_folder, "*.eml"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
