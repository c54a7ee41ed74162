using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Mail;

/// <summary>
/// The one-machine mail transport: every message becomes a standard RFC 5322/MIME <c>.eml</c> file in a folder,
/// ready to open in any mail client. Everything in the file — name, boundaries, Message-ID, Date — is derived from
/// the outbox message, so delivering the same message twice rewrites the same file with the same bytes.
/// </summary>
public sealed class LocalMailbox : IMailTransport, IDisposable
{
    /// <summary>The domain of the deterministic Message-IDs.</summary>
    public const string MessageIdDomain = "netvaerk.albertslund.dk";

    /// <summary>The header carrying the outbox key, so a file can be traced back to its outbox entry.</summary>
    public const string KeyHeader = "X-Netvaerk-Key";

    /// <summary>How every file is written: CRLF on every platform, as RFC 5322 wants, so the bytes do not depend on the machine.</summary>
    internal static FormatOptions Format { get; } = CreateFormat();

    private const string TempPrefix = ".";
    private const string TempSuffix = ".tmp";

    private readonly MailboxAddress _from;

    private readonly MimeFileWriter _writer;

    private readonly Lazy<int> _debrisRemoved;

    // Creating and renaming files locks the folder in the kernel, and threads waiting for that lock spin on the other
    // core; one at a time, the other core composes instead (perf showed a quarter of all samples spinning there).
    private readonly SemaphoreSlim _directoryGate = new(1, 1);

    private readonly System.Collections.Concurrent.ConcurrentBag<MemoryStream> _buffers = [];

    public LocalMailbox(IOptions<MailboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Folder = Path.GetFullPath(value.Folder);
        _from = MailboxAddress.Parse(value.From);
        _writer = new MimeFileWriter(_from);
        _debrisRemoved = new Lazy<int>(RemoveDebris, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The full path of the folder the .eml files are written to.</summary>
    public string Folder { get; }

    /// <summary>The mailbox holds what it accepted: the message's file, named by its key, is there.</summary>
    public Task<bool> HasSentAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Task.FromResult(File.Exists(Path.Combine(Folder, FileNameFor(message))));
    }

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);

        Directory.CreateDirectory(Folder);
        SweepOnce();
        var fileName = FileNameFor(message);
        var target = Path.Combine(Folder, fileName);
        // Same folder, so the final move is a rename on one volume; the leading dot keeps it out of *.eml listings. Unique,
        // because two deliveries of one message may overlap (a retry beside a slow first attempt).
        var temp = Path.Combine(Folder, $"{TempPrefix}{fileName}.{Guid.NewGuid():N}{TempSuffix}");
        // The whole file is composed in memory (a reused buffer: a FileStream's own 16 KiB buffer per e-mail was 1.7 GB
        // of the year's allocations) and then written with one call.
        var buffer = RentBuffer();
        try
        {
            // The bytes Compose and MimeKit would write, without MimeKit's objects per message (see MimeFileWriter).
            _writer.Write(message, buffer);

            // No fsync: like the database (synchronous=NORMAL) the mailbox survives a killed process, which keeps the
            // page cache; only a power cut could lose the newest files. An fsync per mail cost ~1.5 ms (see docs/benchmarks).
            using (var file = await InFolderAsync(() => File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None), cancellationToken))
            {
                RandomAccess.Write(file, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), 0);
            }

            await InFolderAsync(() =>
            {
                File.Move(temp, target, overwrite: true);
                return target;
            }, cancellationToken);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    private MemoryStream RentBuffer() => _buffers.TryTake(out var buffer) ? buffer : new MemoryStream(16 * 1024);

    private void ReturnBuffer(MemoryStream buffer)
    {
        // A rare huge message's buffer is let go rather than kept.
        if (buffer.Capacity > 1024 * 1024) return;
        buffer.SetLength(0);
        _buffers.Add(buffer);
    }

    public void Dispose() => _directoryGate.Dispose();

    /// <summary>Removes leftover temporary files, once per process: at start, and in any case before the first delivery.</summary>
    public void SweepOnce() => _ = _debrisRemoved.Value;

    /// <summary>
    /// Deletes half-written files a killed process left (<c>.*.tmp</c>); done once, before this process's first delivery,
    /// which every delivery waits for (so no sweep deletes a file being written). Their messages were not marked
    /// delivered, so they are sent again in full.
    /// </summary>
    public int RemoveDebris()
    {
        if (!Directory.Exists(Folder)) return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, TempPrefix + "*" + TempSuffix))
        {
            TryDelete(path);
            removed++;
        }

        return removed;
    }

    /// <summary>Creates or renames an entry of the folder, one caller at a time (see <c>_directoryGate</c>).</summary>
    private async Task<T> InFolderAsync<T>(Func<T> change, CancellationToken cancellationToken)
    {
        await _directoryGate.WaitAsync(cancellationToken);
        try
        {
            return change();
        }
        finally
        {
            _directoryGate.Release();
        }
    }

    /// <summary>The file name of a message: <c>{createdAt UTC:yyyyMMdd-HHmmss}-{first 16 hex of sha256(key)}.eml</c>.</summary>
    public static string FileNameFor(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stamp = message.CreatedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return $"{stamp}-{KeyHash(message.Key)[..16]}.eml";
    }

    /// <summary>The deterministic Message-ID (without angle brackets): <c>{sha256(key) hex}@netvaerk.albertslund.dk</c>.</summary>
    public static string MessageIdFor(string key) => $"{KeyHash(key)}@{MessageIdDomain}";

    /// <summary>
    /// Builds the MIME message: multipart/mixed { multipart/alternative { text/plain, text/html }, attachments… },
    /// or just the multipart/alternative when there are no attachments.
    /// </summary>
    public static MimeMessage Compose(OutboxMessage message, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);
        var email = message.Message;
        var hash = KeyHash(message.Key);

        var alternative = new MultipartAlternative
        {
            Boundary = $"=_alt_{hash[..32]}",
        };
        alternative.Add(Text(TextFormat.Plain, email.TextBody));
        alternative.Add(Text(TextFormat.Html, email.HtmlBody));

        MimeEntity body = alternative;
        if (email.Attachments.Count > 0)
        {
            var mixed = new Multipart("mixed")
            {
                Boundary = $"=_mixed_{hash[..32]}",
            };
            mixed.Add(alternative);
            foreach (var attachment in email.Attachments)
            {
                mixed.Add(Attachment(attachment));
            }

            body = mixed;
        }

        var mime = new MimeMessage
        {
            Subject = email.Subject,
            Date = message.CreatedAt,
            MessageId = $"{hash}@{MessageIdDomain}",
            Body = body,
        };
        // A copy per message: an address list subscribes to its addresses' Changed event, so one shared instance
        // would keep every message ever composed alive (the year benchmark held 1.7 GiB that way).
        mime.From.Add(new MailboxAddress(from.Name, from.Address));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Headers.Add(KeyHeader, message.Key);
        return mime;
    }

    private static TextPart Text(TextFormat format, string text)
    {
        var part = new TextPart(format)
        {
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    private static MimePart Attachment(EmailAttachment attachment)
    {
        // Keeps every parameter of the given type (text/calendar's method=REQUEST in particular). Text is always
        // written as UTF-8, and for text/* the charset parameter says so.
        var type = ContentType.Parse(attachment.ContentType);
        var isText = type.IsMimeType("text", "*");
        var part = isText ? new TextPart(type.MediaSubtype) : new MimePart(type.MediaType, type.MediaSubtype);
        foreach (var parameter in type.Parameters)
        {
            part.ContentType.Parameters[parameter.Name] = parameter.Value;
        }

        part.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = attachment.FileName };
        part.ContentTransferEncoding = ContentEncoding.Base64;
        if (part is TextPart text)
        {
            text.SetText(Encoding.UTF8, attachment.Content);
        }
        else
        {
            part.Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(attachment.Content)));
        }

        return part;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure matters more; a stray dot-file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static string KeyHash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
