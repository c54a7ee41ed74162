using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MimeKit;
using MimeKit.Encodings;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Infrastructure.Mail;

/// <summary>
/// Writes a message's .eml bytes exactly as <see cref="LocalMailbox.Compose"/> followed by <c>MimeMessage.WriteTo</c>
/// would, without building MimeKit's object graph for every message (a twelfth of the year's CPU went there: headers
/// set and parsed again, a filter chain per part, buffers grown per part). Every byte still comes from MimeKit: the
/// multipart skeleton of each attachment shape is written once by MimeKit around marker contents, a subject, recipient
/// and sender are encoded by MimeKit once and reused, and the contents go through MimeKit's own quoted-printable and
/// base64 encoders. What is written per message is only the concatenation. Tests compare both paths byte for byte.
/// </summary>
internal sealed class MimeFileWriter
{
    // A value seen this many times is a lot of distinct recipients or subjects; start over rather than grow without end.
    private const int CacheLimit = 8192;

    private static readonly byte[] s_crlf = "\r\n"u8.ToArray();

    // A header line is encoded by a message of the thread's own, set anew each time: a new MimeMessage per value cost
    // ~9 µs (its constructor formats a date and makes a Message-Id), and with more distinct recipients than the caches
    // hold (10,000 networks) that came back for nearly every e-mail.
    [ThreadStatic]
    private static MimeMessage? t_scratch;

    private readonly MailboxAddress _from;
    private readonly byte[] _fromLine;
    private readonly ConcurrentDictionary<string, byte[]> _subjects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Address), byte[]> _recipients = new();
    private readonly ConcurrentDictionary<string, Skeleton> _skeletons = new(StringComparer.Ordinal);

    public MimeFileWriter(MailboxAddress from)
    {
        _from = from;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(from.Name, from.Address));
        _fromLine = HeaderLine(message, HeaderId.From);
    }

    public void Write(OutboxMessage message, Stream output)
    {
        var email = message.Message;
        var hash = LocalMailbox.KeyHash(message.Key);

        // The headers in the order MimeKit writes them: the four a new MimeMessage starts with, then those added.
        output.Write(_fromLine);
        WriteAscii(output, "Date: ");
        WriteAscii(output, MimeKit.Utils.DateUtils.FormatDate(message.CreatedAt));
        output.Write(s_crlf);
        output.Write(Cached(_subjects, email.Subject, static subject =>
        {
            var m = Scratch;
            m.Subject = subject;
            return HeaderLine(m, HeaderId.Subject);
        }));
        WriteAscii(output, "Message-Id: <");
        WriteAscii(output, hash);
        WriteAscii(output, "@" + LocalMailbox.MessageIdDomain + ">");
        output.Write(s_crlf);
        output.Write(Cached(_recipients, (message.ToName, message.ToAddress), static recipient =>
        {
            var m = Scratch;
            m.To.Clear();
            m.To.Add(new MailboxAddress(recipient.Item1, recipient.Item2));
            return HeaderLine(m, HeaderId.To);
        }));
        WriteWithCrlf(output, Line(new Header(LocalMailbox.KeyHeader, message.Key)));
        WriteAscii(output, "MIME-Version: 1.0");
        output.Write(s_crlf);

        var skeleton = _skeletons.Count < CacheLimit
            ? _skeletons.GetOrAdd(ShapeOf(message), _ => Skeleton.Of(message, _from))
            : Skeleton.Of(message, _from);
        skeleton.Write(output, hash.AsSpan(0, 32), message);
    }

    private static MimeMessage Scratch => t_scratch ??= new MimeMessage();

    private static TValue Cached<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> create)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var value)) return value;
        if (cache.Count >= CacheLimit) cache.Clear();
        return cache.GetOrAdd(key, create);
    }

    // The attachments' types and names decide the skeleton; everything else in it is a marker or the boundary's hash.
    private static string ShapeOf(OutboxMessage message)
    {
        var attachments = message.Message.Attachments;
        if (attachments.Count == 0) return string.Empty;
        var shape = new StringBuilder();
        foreach (var attachment in attachments)
        {
            shape.Append(attachment.ContentType).Append('\0').Append(attachment.FileName).Append('\0');
        }

        return shape.ToString();
    }

    /// <summary>One header of a message as MimeKit writes it, CRLF line ends included.</summary>
    private static byte[] HeaderLine(MimeMessage message, HeaderId id)
    {
        foreach (var header in message.Headers)
        {
            if (header.Id == id) return WithCrlf(Line(header));
        }

        throw new InvalidOperationException($"MimeKit wrote no {id} header.");
    }

    // MimeKit writes the field, a colon and the raw (already encoded and folded) value, and turns LF into CRLF.
    private static byte[] Line(Header header)
    {
        var line = new byte[header.RawField.Length + 1 + header.RawValue.Length];
        header.RawField.CopyTo(line, 0);
        line[header.RawField.Length] = (byte)':';
        header.RawValue.CopyTo(line, header.RawField.Length + 1);
        return line;
    }

    private static void WriteAscii(Stream output, string text)
    {
        Span<byte> bytes = stackalloc byte[text.Length];
        Encoding.ASCII.GetBytes(text, bytes);
        output.Write(bytes);
    }

    private static byte[] WithCrlf(byte[] bytes)
    {
        using var converted = new MemoryStream(bytes.Length + 8);
        WriteWithCrlf(converted, bytes);
        return converted.ToArray();
    }

    /// <summary>Writes the bytes with every LF not already after a CR made CRLF, as MimeKit's Unix2Dos filter does.</summary>
    private static void WriteWithCrlf(Stream output, ReadOnlySpan<byte> bytes)
    {
        byte last = 0;
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' && last != (byte)'\r')
            {
                output.Write(bytes[start..i]);
                output.Write(s_crlf);
                start = i + 1;
            }

            last = bytes[i];
        }

        output.Write(bytes[start..]);
    }

    /// <summary>
    /// The body of one attachment shape as MimeKit writes it, cut where the boundaries' hash and the encoded contents go.
    /// </summary>
    private sealed class Skeleton
    {
        private const string TextMarker = "NETVAERKTEXTMARKER";
        private const string HtmlMarker = "NETVAERKHTMLMARKER";
        private const string AttachmentMarker = "NETVAERKATTACHMENTMARKER";

        // A key whose hash stands for every message's; the literal pieces never contain it.
        private const string PlaceholderKey = "netvaerk/skeleton/0/placeholder";

        private readonly List<Piece> _pieces;

        private Skeleton(List<Piece> pieces) => _pieces = pieces;

        private enum Slot
        {
            Literal,
            Hash,
            Text,
            Html,
            Attachment,
        }

        private readonly record struct Piece(Slot Slot, byte[]? Literal = null, int Index = 0);

        public static Skeleton Of(OutboxMessage message, MailboxAddress from)
        {
            var attachments = message.Message.Attachments;
            var placeholder = message with
            {
                Key = PlaceholderKey,
                Message = new Domain.Messages.EmailMessage(
                    "x",
                    TextMarker,
                    HtmlMarker,
                    [.. attachments.Select((a, i) => a with { Content = AttachmentMarker + i.ToString(System.Globalization.CultureInfo.InvariantCulture) })]),
            };
            using var mime = LocalMailbox.Compose(placeholder, from);
            using var written = new MemoryStream();
            mime.Body!.WriteTo(LocalMailbox.Format, written);
            var body = written.ToArray();

            // Where each slot's marker, as MimeKit encoded it, or the placeholder hash stands in the body.
            var markers = new List<(byte[] Bytes, Slot Slot, int Index)>
            {
                (Encoding.ASCII.GetBytes(LocalMailbox.KeyHash(PlaceholderKey)[..32]), Slot.Hash, 0),
                (Encoded(Encoding.UTF8.GetBytes(TextMarker), quotedPrintable: true), Slot.Text, 0),
                (Encoded(Encoding.UTF8.GetBytes(HtmlMarker), quotedPrintable: true), Slot.Html, 0),
            };
            for (var i = 0; i < attachments.Count; i++)
            {
                var marker = AttachmentMarker + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                markers.Add((Encoded(Encoding.UTF8.GetBytes(marker), quotedPrintable: false), Slot.Attachment, i));
            }

            var pieces = new List<Piece>();
            var found = new int[markers.Count];
            var start = 0;
            for (var at = 0; at < body.Length;)
            {
                var match = markers.FindIndex(m => body.AsSpan(at).StartsWith(m.Bytes));
                if (match < 0)
                {
                    at++;
                    continue;
                }

                if (at > start) pieces.Add(new Piece(Slot.Literal, body[start..at]));
                pieces.Add(new Piece(markers[match].Slot, Index: markers[match].Index));
                found[match]++;
                at += markers[match].Bytes.Length;
                start = at;
            }

            if (start < body.Length) pieces.Add(new Piece(Slot.Literal, body[start..]));

            // Each content exactly once; if MimeKit ever writes a shape differently, composing fails loudly here.
            if (found[0] == 0 || found.Skip(1).Any(n => n != 1))
            {
                throw new InvalidOperationException("The MIME skeleton did not hold each content exactly once.");
            }

            return new Skeleton(pieces);
        }

        public void Write(Stream output, ReadOnlySpan<char> hash, OutboxMessage message)
        {
            var email = message.Message;
            Span<byte> hashBytes = stackalloc byte[hash.Length];
            Encoding.ASCII.GetBytes(hash, hashBytes);
            foreach (var piece in _pieces)
            {
                switch (piece.Slot)
                {
                    case Slot.Literal:
                        output.Write(piece.Literal);
                        break;
                    case Slot.Hash:
                        output.Write(hashBytes);
                        break;
                    case Slot.Text:
                        WriteEncoded(output, email.TextBody, quotedPrintable: true);
                        break;
                    case Slot.Html:
                        WriteEncoded(output, email.HtmlBody, quotedPrintable: true);
                        break;
                    default:
                        WriteEncoded(output, email.Attachments[piece.Index].Content, quotedPrintable: false);
                        break;
                }
            }
        }

        private static byte[] Encoded(byte[] content, bool quotedPrintable)
        {
            using var output = new MemoryStream();
            WriteEncoded(output, content, quotedPrintable);
            return output.ToArray();
        }

        private static void WriteEncoded(Stream output, string text, bool quotedPrintable)
        {
            var content = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            try
            {
                var length = Encoding.UTF8.GetBytes(text, content);
                WriteEncoded(output, content.AsSpan(0, length), quotedPrintable);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(content);
            }
        }

        // The encoders MimeKit's parts use, new per content as there (they carry line state), then LF made CRLF.
        private static void WriteEncoded(Stream output, ReadOnlySpan<byte> content, bool quotedPrintable)
        {
            IMimeEncoder encoder = quotedPrintable ? new QuotedPrintableEncoder() : new Base64Encoder();
            var input = ArrayPool<byte>.Shared.Rent(Math.Max(content.Length, 1));
            var encoded = ArrayPool<byte>.Shared.Rent(encoder.EstimateOutputLength(content.Length));
            try
            {
                content.CopyTo(input);
                var length = encoder.Flush(input, 0, content.Length, encoded);
                WriteWithCrlf(output, encoded.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(input);
                ArrayPool<byte>.Shared.Return(encoded);
            }
        }
    }
}
