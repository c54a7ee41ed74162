using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Infrastructure.Tests.Mail;

public sealed class LocalMailboxTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "netvaerk-mail-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private LocalMailbox Mailbox(string? from = null)
    {
        var options = new MailboxOptions { Folder = _folder };
        if (from is not null)
        {
            options.From = from;
        }

        return new LocalMailbox(Options.Create(options));
    }

    private string[] EmlFiles() => Directory.GetFiles(_folder, "*.eml");

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string DecodedUtf8(MimePart part)
    {
        Assert.NotNull(part.Content);
        using var decoded = new MemoryStream();
        part.Content.DecodeTo(decoded);
        return Encoding.UTF8.GetString(decoded.ToArray());
    }

    [Fact]
    public void A_composed_message_is_not_kept_alive_by_the_shared_sender_address()
    {
        var from = new MailboxAddress("Netværksstedet", "netvaerk@albertslund.dk");

        var composed = ComposeAndDispose(from);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The mailbox reuses one sender address for every message; it must not hold on to them (it once held 1.7 GiB).
        Assert.False(composed.IsAlive);
        GC.KeepAlive(from);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference ComposeAndDispose(MailboxAddress from)
    {
        using var mime = LocalMailbox.Compose(TestMessages.Invitation(), from);
        return new WeakReference(mime);
    }

    [Fact]
    public async Task The_mailbox_knows_which_keys_it_has_accepted()
    {
        var mailbox = Mailbox();
        var sent = TestMessages.Invitation();

        Assert.False(await mailbox.HasSentAsync(sent));
        await mailbox.SendAsync(sent);

        Assert.True(await mailbox.HasSentAsync(sent));
        Assert.False(await mailbox.HasSentAsync(TestMessages.Invitation(key: "net-1/workshop-invite/1/other@albertslund.dk")));
    }

    [Fact]
    public async Task Send_writes_an_eml_whose_headers_parse_back_with_the_Danish_subject_and_deterministic_ids()
    {
        var message = TestMessages.Invitation();

        await Mailbox().SendAsync(message);

        var file = Assert.Single(EmlFiles());
        using var mime = MimeMessage.Load(file);
        Assert.Equal(TestMessages.Subject, mime.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(mime.From));
        Assert.Equal("Netværksstedet", from.Name);
        Assert.Equal("netvaerk@albertslund.dk", from.Address);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(mime.To));
        Assert.Equal("Søren Ærø", to.Name);
        Assert.Equal("soren@albertslund.dk", to.Address);
        Assert.Equal(TestMessages.CreatedAt, mime.Date);
        Assert.Equal(TestMessages.CreatedAt.Offset, mime.Date.Offset);
        Assert.Equal($"{Sha256Hex(message.Key)}@netvaerk.albertslund.dk", mime.MessageId);
        Assert.Equal(message.Key, mime.Headers[LocalMailbox.KeyHeader]);
    }

    [Fact]
    public async Task Send_writes_mixed_of_alternative_text_and_html_in_utf8_then_the_ics_as_text_calendar_with_method_request()
    {
        await Mailbox().SendAsync(TestMessages.Invitation());

        using var mime = MimeMessage.Load(Assert.Single(EmlFiles()));
        var mixed = Assert.IsType<Multipart>(mime.Body);
        Assert.True(mixed.ContentType.IsMimeType("multipart", "mixed"));
        Assert.Equal(2, mixed.Count);

        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(2, alternative.Count);
        var plain = Assert.IsType<TextPart>(alternative[0]);
        Assert.True(plain.ContentType.IsMimeType("text", "plain"));
        Assert.Equal("utf-8", plain.ContentType.Charset);
        Assert.Equal(TestMessages.TextBody, plain.Text.ReplaceLineEndings("\n"));
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(html.ContentType.IsMimeType("text", "html"));
        Assert.Equal("utf-8", html.ContentType.Charset);
        Assert.Equal(TestMessages.HtmlBody, html.Text.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal(TestMessages.TextBody, mime.TextBody?.ReplaceLineEndings("\n"));
        Assert.Contains("Kære Søren Ærø", mime.HtmlBody, StringComparison.Ordinal);

        var ics = Assert.IsType<TextPart>(mixed[1]);
        Assert.True(ics.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("REQUEST", ics.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", ics.ContentType.Charset);
        Assert.True(ics.IsAttachment);
        Assert.Equal("invitation.ics", ics.FileName);
        Assert.Equal(TestMessages.Ics, DecodedUtf8(ics), StringComparer.Ordinal);
        Assert.Single(mime.Attachments);
    }

    [Fact]
    public async Task Send_without_attachments_writes_just_the_multipart_alternative()
    {
        await Mailbox().SendAsync(TestMessages.WithoutAttachments());

        using var mime = MimeMessage.Load(Assert.Single(EmlFiles()));
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Empty(mime.Attachments);
        Assert.Equal(TestMessages.TextBody, mime.TextBody?.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Raw_file_is_seven_bit_with_crlf_lines_and_an_encoded_Danish_subject()
    {
        await Mailbox().SendAsync(TestMessages.Invitation());

        var bytes = await File.ReadAllBytesAsync(Assert.Single(EmlFiles()));
        Assert.All(bytes, b => Assert.True(b < 128, $"non-ASCII byte {b}"));
        var text = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var mime = MimeMessage.Load(new MemoryStream(bytes));
        var subject = mime.Headers.First(h => h.Id == HeaderId.Subject);
        Assert.Contains("=?utf-8?", Encoding.ASCII.GetString(subject.RawValue), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TestMessages.Subject, subject.Value);
        Assert.Contains("\r\nMIME-Version: 1.0\r\n", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sending_the_same_message_twice_leaves_one_file_with_identical_bytes()
    {
        var message = TestMessages.Invitation();
        await Mailbox().SendAsync(message);
        var file = Assert.Single(EmlFiles());
        var first = await File.ReadAllBytesAsync(file);

        await new LocalMailbox(Options.Create(new MailboxOptions { Folder = _folder })).SendAsync(message);

        Assert.Equal(file, Assert.Single(EmlFiles()));
        Assert.Equal(first, await File.ReadAllBytesAsync(file));
        Assert.Single(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Messages_with_different_keys_get_different_files()
    {
        var mailbox = Mailbox();

        await mailbox.SendAsync(TestMessages.Invitation("net-1/workshop-invite/1/soren@albertslund.dk"));
        await mailbox.SendAsync(TestMessages.Invitation("net-1/workshop-invite/1/mette@albertslund.dk"));

        Assert.Equal(2, EmlFiles().Length);
    }

    [Fact]
    public void File_name_is_the_utc_creation_time_and_the_first_16_hex_of_the_key_hash()
    {
        var message = TestMessages.Invitation();

        var name = LocalMailbox.FileNameFor(message);

        Assert.Equal($"20260115-083000-{Sha256Hex(message.Key)[..16]}.eml", name);
    }

    [Fact]
    public async Task Send_creates_the_missing_folder_and_leaves_no_temporary_files()
    {
        var nested = Path.Combine(_folder, "deeper", "mail");
        var mailbox = new LocalMailbox(Options.Create(new MailboxOptions { Folder = nested }));

        await mailbox.SendAsync(TestMessages.Invitation());

        Assert.Equal(Path.GetFullPath(nested), mailbox.Folder);
        var only = Assert.Single(Directory.GetFiles(nested, "*", SearchOption.AllDirectories));
        Assert.EndsWith(".eml", only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_uses_the_configured_sender()
    {
        await Mailbox("Netværkssekretariatet <sekretariat@albertslund.dk>").SendAsync(TestMessages.Invitation());

        using var mime = MimeMessage.Load(Assert.Single(EmlFiles()));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(mime.From));
        Assert.Equal("Netværkssekretariatet", from.Name);
        Assert.Equal("sekretariat@albertslund.dk", from.Address);
    }

    [Fact]
    public async Task Send_honours_cancellation_and_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Mailbox().SendAsync(TestMessages.Invitation(), cancelled.Token));

        Assert.True(!Directory.Exists(_folder) || Directory.GetFiles(_folder).Length == 0);
    }
}
