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
        private static readonly Recipient Placeholder = new("Placeholder", "placeholder@netvaerk.invalid");

        private readonly CalendarMethod _method;
        private readonly string _before;
        private readonly string _after;

        internal InvitationTemplate(Meeting meeting, NetworkSummary network, CalendarMethod method, DateTimeOffset stamp)
        {
            ArgumentNullException.ThrowIfNull(meeting);
            ArgumentNullException.ThrowIfNull(network);
            _method = method;
            var text = Create(meeting, network, [Placeholder], method, stamp);
            var (start, end) = AttendeeLines(text);
            (_before, _after) = (text[..start], text[end..]);
        }

        /// <summary>The .ics text with the recipient as the one attendee.</summary>
        public string For(Recipient attendee)
        {
            ArgumentNullException.ThrowIfNull(attendee);

            // Ical.Net folds each content line on its own, so the attendee's lines from a calendar holding nothing else
            // are the lines the whole calendar would have.
            var calendar = new Ical.Net.Calendar();
            var calendarEvent = new CalendarEvent { Uid = "-", DtStamp = new CalDateTime(2000, 1, 1, 0, 0, 0, CalDateTime.UtcTzId) };
            calendarEvent.Attendees.Add(AttendeeOf(attendee, _method));
            calendar.Events.Add(calendarEvent);
            var text = new CalendarSerializer().SerializeToString(calendar)
                ?? throw new InvalidOperationException("Ical.Net returned no calendar text.");
            var (start, end) = AttendeeLines(text);
            return string.Concat(_before, text.AsSpan(start, end - start), _after);
        }

        /// <summary>The attachment of <see cref="For"/>, as <see cref="Attachment"/> makes it.</summary>
        public EmailAttachment Attachment(Recipient attendee) => MakeAttachment(_method, For(attendee));

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
