using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Messages;

/// <summary>The iTIP method of a calendar invitation (RFC 5546).</summary>
public enum CalendarMethod
{
    /// <summary>A new or updated invitation (METHOD:REQUEST); calendar clients replace it by UID and SEQUENCE.</summary>
    Request,

    /// <summary>A cancellation (METHOD:CANCEL, STATUS:CANCELLED).</summary>
    Cancel,
}

/// <summary>
/// The RFC 5545 calendar invitation (.ics) of a meeting, written with Ical.Net. The output is a pure function of
/// the arguments: the UID is stable per meeting (<c>{networkId}-{meetingId}@netvaerk.albertslund.dk</c>), the
/// SEQUENCE is <see cref="Meeting.Sequence"/>, and DTSTAMP is passed in, so composing twice gives identical text.
/// </summary>
public static class MeetingInvitation
{
    public const string UidDomain = "netvaerk.albertslund.dk";

    public const string ProductId = "-//Albertslund Kommune//Netværksstedet//DA";

    /// <summary>The stable UID of a meeting's calendar event.</summary>
    public static string Uid(string networkId, string meetingId) => $"{networkId}-{meetingId}@{UidDomain}";

    /// <summary>The .ics text of a meeting.</summary>
    /// <param name="meeting">The meeting; date and times are Europe/Copenhagen wall-clock times.</param>
    /// <param name="network">The network (UID, SUMMARY, ORGANIZER).</param>
    /// <param name="attendees">The ATTENDEEs; usually just the one recipient of the message.</param>
    /// <param name="method">REQUEST for invitations, reminders and moves; CANCEL for cancellations.</param>
    /// <param name="stamp">The DTSTAMP (e.g. the step's due instant); must not come from a clock, for idempotency.</param>
    public static string Create(
        Meeting meeting,
        NetworkSummary network,
        IEnumerable<Recipient> attendees,
        CalendarMethod method,
        DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(attendees);

        var calendar = new Ical.Net.Calendar
        {
            ProductId = ProductId,
            Method = method == CalendarMethod.Cancel ? CalendarMethods.Cancel : CalendarMethods.Request,
        };
        calendar.AddTimeZone(CopenhagenTimeZone.Component(meeting.Date));

        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(network.Id, meeting.Id),
            Sequence = meeting.Sequence,
            DtStamp = new CalDateTime(stamp.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = new CalDateTime(meeting.Date, meeting.Start, CopenhagenTime.ZoneId),
            DtEnd = new CalDateTime(meeting.Date, meeting.End, CopenhagenTime.ZoneId),
            Summary = Summary(meeting, network),
            Location = meeting.Place,
            Description = Description(meeting, network),
            Status = method == CalendarMethod.Cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{network.OrganizerEmail}") { CommonName = network.LeaderName },
        };
        foreach (var attendee in attendees)
        {
            calendarEvent.Attendees.Add(AttendeeOf(attendee, method));
        }

        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no calendar text.");
    }

    /// <summary>
    /// The invitation of one meeting version for many recipients one at a time: equal, byte for byte, to
    /// <see cref="Create"/> with the one attendee, but the calendar (time zone included) is serialised once and only
    /// each recipient's ATTENDEE line per recipient — a step sends the same meeting to every participant.
    /// </summary>
    public static InvitationTemplate Template(Meeting meeting, NetworkSummary network, CalendarMethod method, DateTimeOffset stamp) =>
        new(meeting, network, method, stamp);

    /// <summary>See <see cref="Template"/>.</summary>
    public sealed class InvitationTemplate
    {
        private const string AttendeeStart = "ATTENDEE;CN=";

        // Ical.Net's content lines: at most 75 octets, continued on a line starting with a space (RFC 5545 3.1).
        private const int LineOctets = 75;

        private static readonly Recipient Placeholder = new("Placeholder", "placeholder@netvaerk.invalid");

        private static readonly System.Buffers.SearchValues<char> s_quoted = System.Buffers.SearchValues.Create(";:,");

        private readonly CalendarMethod _method;
        private readonly string _before;
        private readonly string _after;

        // The attendee's parameters after CN, as Ical.Net writes them for this method (ROLE, PARTSTAT, RSVP), or null
        // if its line does not have the expected form; then each attendee's line is made by Ical.Net.
        private readonly string? _parameters;

        internal InvitationTemplate(Meeting meeting, NetworkSummary network, CalendarMethod method, DateTimeOffset stamp)
        {
            ArgumentNullException.ThrowIfNull(meeting);
            ArgumentNullException.ThrowIfNull(network);
            _method = method;
            var text = Create(meeting, network, [Placeholder], method, stamp);
            var (start, end) = AttendeeLines(text);
            (_before, _after) = (text[..start], text[end..]);

            var line = text[start..(end - 2)].Replace("\r\n ", "", StringComparison.Ordinal);
            var head = AttendeeStart + Placeholder.Name;
            var tail = ":mailto:" + Placeholder.Email;
            if (line.StartsWith(head, StringComparison.Ordinal) && line.EndsWith(tail, StringComparison.Ordinal))
            {
                _parameters = line[head.Length..^tail.Length];
            }
        }

        /// <summary>Whether attendee lines are written here rather than by Ical.Net (tests: an upgrade must not quietly lose it).</summary>
        internal bool WritesAttendeeLines => _parameters is not null;

        /// <summary>The .ics text with the recipient as the one attendee.</summary>
        public string For(Recipient attendee)
        {
            ArgumentNullException.ThrowIfNull(attendee);
            // Ical.Net drops a blank parameter value (CN=): such a name is left to it.
            if (_parameters is null || string.IsNullOrWhiteSpace(attendee.Name)) return ForByIcalNet(attendee);

            // An address Ical.Net refuses is refused by Ical.Net itself, with its own exception.
            var address = $"mailto:{attendee.Email}";
            if (!Uri.IsWellFormedUriString(address, UriKind.Absolute)) return ForByIcalNet(attendee);

            // The attendee's line as Ical.Net writes it (its parameter and URI serialisers, pinned by the tests against
            // Create): CN without double quotes, quoted if it holds ; : or ,; then the address as given.
            var name = attendee.Name.Replace("\"", "", StringComparison.Ordinal);
            if (name.AsSpan().ContainsAny(s_quoted)) name = $"\"{name}\"";
            var builder = new System.Text.StringBuilder(_before.Length + _after.Length + 160).Append(_before);
            Fold(builder, string.Concat(AttendeeStart, name, _parameters, ":", address));
            return builder.Append(_after).ToString();
        }

        /// <summary>The attachment of <see cref="For"/>, as <see cref="Attachment"/> makes it.</summary>
        public EmailAttachment Attachment(Recipient attendee) => MakeAttachment(_method, For(attendee));

        // The attendee's lines from Ical.Net itself; it folds each content line on its own, so the lines from a calendar
        // holding nothing else are the lines the whole calendar would have.
        private string ForByIcalNet(Recipient attendee)
        {
            var calendar = new Ical.Net.Calendar();
            var calendarEvent = new CalendarEvent { Uid = "-", DtStamp = new CalDateTime(2000, 1, 1, 0, 0, 0, CalDateTime.UtcTzId) };
            calendarEvent.Attendees.Add(AttendeeOf(attendee, _method));
            calendar.Events.Add(calendarEvent);
            var text = new CalendarSerializer().SerializeToString(calendar)
                ?? throw new InvalidOperationException("Ical.Net returned no calendar text.");
            var (start, end) = AttendeeLines(text);
            return string.Concat(_before, text.AsSpan(start, end - start), _after);
        }

        // Ical.Net's folding: a line of more than 75 UTF-8 octets breaks before the char that would not fit, each char
        // counted on its own (so half a surrogate pair counts as the 3 octets of a replacement character).
        private static void Fold(System.Text.StringBuilder builder, string line)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(line) <= LineOctets)
            {
                builder.Append(line).Append("\r\n");
                return;
            }

            var octets = 0;
            foreach (var c in line)
            {
                var size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                if (octets + size > LineOctets)
                {
                    builder.Append("\r\n ");
                    octets = 1;
                }

                builder.Append(c);
                octets += size;
            }

            builder.Append("\r\n");
        }

        // Where the one ATTENDEE property starts and where its last (possibly folded) line ends, CRLF included.
        private static (int Start, int End) AttendeeLines(string text)
        {
            var start = text.IndexOf("\r\nATTENDEE", StringComparison.Ordinal) + 2;
            if (start < 2) throw new InvalidOperationException("The calendar has no ATTENDEE line.");
            var end = start;
            do
            {
                end = text.IndexOf("\r\n", end, StringComparison.Ordinal) + 2;
            }
            while (end < text.Length && text[end] is ' ' or '\t');

            return (start, end);
        }
    }

    private static Attendee AttendeeOf(Recipient attendee, CalendarMethod method) => new($"mailto:{attendee.Email}")
    {
        CommonName = attendee.Name,
        Role = ParticipationRole.RequiredParticipant,
        ParticipationStatus = EventParticipationStatus.NeedsAction,
        Rsvp = method == CalendarMethod.Request,
    };

    /// <summary>The .ics as an e-mail attachment (text/calendar with the method parameter).</summary>
    public static EmailAttachment Attachment(
        Meeting meeting,
        NetworkSummary network,
        IEnumerable<Recipient> attendees,
        CalendarMethod method,
        DateTimeOffset stamp)
        => MakeAttachment(method, Create(meeting, network, attendees, method, stamp));

    private static EmailAttachment MakeAttachment(CalendarMethod method, string ics)
    {
        var methodName = method == CalendarMethod.Cancel ? CalendarMethods.Cancel : CalendarMethods.Request;
        return new EmailAttachment(
            method == CalendarMethod.Cancel ? "aflysning.ics" : "invitation.ics",
            $"text/calendar; method={methodName}; charset=utf-8",
            ics);
    }

    /// <summary>"Netværksmøde 2: Frivillighed i Albertslund".</summary>
    internal static string Summary(Meeting meeting, NetworkSummary network) =>
        $"{DanishText.Capitalize(DanishText.MeetingName(meeting))}: {network.Name}";

    private static string Description(Meeting meeting, NetworkSummary network) =>
        $"{DanishText.Capitalize(DanishText.MeetingName(meeting))} i {DanishText.NetworkLabel(network)}.\n" +
        $"Tid: {DanishText.When(meeting)}\n" +
        $"Sted: {meeting.Place}\n" +
        $"Netværksleder: {network.LeaderName} ({network.LeaderEmail})";
}
