using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ical.Net.CalendarComponents;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Messages.MessageFixtures;

namespace Netvaerk.Domain.Tests.Messages;

public class MeetingInvitationTests
{
    private static readonly DateTimeOffset Stamp = new(2027, 3, 1, 7, 0, 0, TimeSpan.Zero);

    private static Meeting MeetingOn(DateOnly date, int sequence = 0) =>
        Meeting2 with { Date = date, Sequence = sequence };

    private static string Ics(Meeting meeting, CalendarMethod method = CalendarMethod.Request) =>
        MeetingInvitation.Create(meeting, Network(), [Employee], method, Stamp);

    private static CalendarEvent SingleEvent(string ics) => Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);

    public static TheoryData<string, string> Attendees => new()
    {
        { "Birthe Sørensen", "birthe@albertslund.dk" },
        { "Ærø, Søren; \"Sønderborg\": Åse", "soren.aero@albertslund.dk" },
        { "Kristoffer Christian Frederiksen-Rasmussen Møller Østergaard", "kristoffer.christian.frederiksen-rasmussen@eksempel.albertslund.dk" },
        { "", "x@y.dk" },
        { "Zoë", "zoe@例え.jp" },
    };

    [Theory]
    [MemberData(nameof(Attendees))]
    public void A_template_gives_each_attendee_exactly_the_text_of_a_calendar_made_for_them(string name, string email)
    {
        var attendee = new Recipient(name, email);
        foreach (var method in Enum.GetValues<CalendarMethod>())
        {
            var meeting = MeetingOn(new DateOnly(2027, 5, 18), sequence: 2);
            var template = MeetingInvitation.Template(meeting, Network(), method, Stamp);

            Assert.Equal(MeetingInvitation.Create(meeting, Network(), [attendee], method, Stamp), template.For(attendee));
            Assert.Equal(MeetingInvitation.Attachment(meeting, Network(), [attendee], method, Stamp), template.Attachment(attendee));
        }
    }

    // Names and addresses as people type them, and worse: Danish letters, quotes and the characters that make Ical.Net
    // quote a parameter, characters outside the BMP (counted per UTF-16 char when folding), and lengths that fold.
    private static readonly string[] NameParts =
        ["a", "b", "x", "Z", "Æ", "ø", "å", "é", " ", "\"", "'", ";", ":", ",", ".", "-", "\t", "\u00a0", "\n", "€", "😀", "Birthe ", "Sørensen"];

    private static readonly Gen<string> Names =
        Gen.Choose(0, 60).SelectMany(n => Gen.ArrayOf(Gen.Elements(NameParts), n)).Select(string.Concat);

    private static readonly Gen<string> Addresses =
        from local in Gen.Elements("a", "birthe.soerensen", "x+y", "lang.adresse.med.mange.dele.og.endnu.flere.dele", "ø", "a b", "<a>", "")
        from domain in Gen.Elements("albertslund.dk", "例え.jp", "eksempel.albertslund.dk", "", "x")
        select $"{local}@{domain}";

    [Fact]
    public void A_template_writes_the_attendee_lines_itself_for_every_method()
    {
        foreach (var method in Enum.GetValues<CalendarMethod>())
        {
            Assert.True(MeetingInvitation.Template(MeetingOn(new DateOnly(2027, 5, 18)), Network(), method, Stamp).WritesAttendeeLines);
        }
    }

    [Property(MaxTest = 500)]
    public Property A_template_gives_any_attendee_the_text_Ical_Net_gives_them_or_fails_as_it_fails() =>
        Prop.ForAll(Names.ToArbitrary(), Addresses.ToArbitrary(), Gen.Elements(Enum.GetValues<CalendarMethod>()).ToArbitrary(),
            (name, email, method) =>
            {
                var attendee = new Recipient(name, email);
                var meeting = MeetingOn(new DateOnly(2027, 5, 18), sequence: 1);
                var expected = Outcome(() => MeetingInvitation.Create(meeting, Network(), [attendee], method, Stamp));
                var actual = Outcome(() => MeetingInvitation.Template(meeting, Network(), method, Stamp).For(attendee));
                return (expected == actual).Label($"[{name}] <{email}>: {Attendee(expected)} | {Attendee(actual)}");
            });

    private static string Attendee(string ics) =>
        ics.Contains("ATTENDEE", StringComparison.Ordinal) ? ics[ics.IndexOf("ATTENDEE", StringComparison.Ordinal)..ics.IndexOf("\r\nDESCRIPTION", StringComparison.Ordinal)] : ics;

    private static string Outcome(Func<string> make)
    {
        try
        {
            return make();
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    [Fact]
    public void Invitation_parses_back_with_the_stable_uid_sequence_and_method()
    {
        var ics = Ics(MeetingOn(new DateOnly(2027, 5, 18), sequence: 3));

        var calendar = Ical.Net.Calendar.Load(ics)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("net-42-meeting-2@netvaerk.albertslund.dk", calendarEvent.Uid);
        Assert.Equal(MeetingInvitation.Uid("net-42", "meeting-2"), calendarEvent.Uid);
        Assert.Equal(3, calendarEvent.Sequence);
        Assert.Equal("CONFIRMED", calendarEvent.Status);
    }

    [Fact]
    public void Invitation_has_summary_location_description_organizer_and_stamp()
    {
        var calendarEvent = SingleEvent(Ics(MeetingOn(new DateOnly(2027, 5, 18))));

        Assert.Equal("Netværksmøde 2: Frivillighed i Albertslund", calendarEvent.Summary);
        Assert.Equal("Rådhuset, mødelokale 3", calendarEvent.Location);
        Assert.Contains("tirsdag den 18. maj 2027 kl. 09.00–11.00", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Equal("mailto:netvaerk@albertslund.dk", calendarEvent.Organizer!.Value!.ToString());
        Assert.Equal("Lene Larsen", calendarEvent.Organizer.CommonName);
        Assert.Equal(Stamp.UtcDateTime, calendarEvent.DtStamp!.AsUtc);
        var attendee = Assert.Single(calendarEvent.Attendees);
        Assert.True(attendee.Rsvp);
    }

    [Fact]
    public void Times_are_in_europe_copenhagen_with_a_vtimezone()
    {
        var ics = Ics(MeetingOn(new DateOnly(2027, 5, 18)));

        var calendar = Ical.Net.Calendar.Load(ics)!;
        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Copenhagen", timeZone.TzId);
        Assert.Contains(timeZone.TimeZoneInfos, info => info.Name == "STANDARD");
        Assert.Contains(timeZone.TimeZoneInfos, info => info.Name == "DAYLIGHT");
        Assert.Contains("DTSTART;TZID=Europe/Copenhagen:20270518T090000", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Copenhagen:20270518T110000", ics, StringComparison.Ordinal);
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("Europe/Copenhagen", calendarEvent.DtStart!.TzId);
    }

    [Theory]
    [InlineData(26, 8)] // Friday before the spring change (CET, UTC+1)
    [InlineData(29, 7)] // Monday after the spring change on 28 March 2027 (CEST, UTC+2)
    public void Nine_oclock_stays_nine_oclock_local_across_daylight_saving(int day, int utcHour)
    {
        var calendarEvent = SingleEvent(Ics(MeetingOn(new DateOnly(2027, 3, day))));

        Assert.Equal(9, calendarEvent.DtStart!.Hour);
        Assert.Equal(0, calendarEvent.DtStart.Minute);
        Assert.Equal(new DateTime(2027, 3, day, utcHour, 0, 0, DateTimeKind.Utc), calendarEvent.DtStart.AsUtc);
        Assert.Equal(new DateTime(2027, 3, day, utcHour + 2, 0, 0, DateTimeKind.Utc), calendarEvent.DtEnd!.AsUtc);
    }

    [Fact]
    public void Vtimezone_rules_are_the_eu_last_sunday_rules()
    {
        var ics = Ics(MeetingOn(new DateOnly(2027, 3, 29)));

        Assert.Contains("TZOFFSETFROM:+0100", ics, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETTO:+0200", ics, StringComparison.Ordinal);
        Assert.Contains("BYDAY=-1SU;BYMONTH=3", ics, StringComparison.Ordinal);
        Assert.Contains("BYDAY=-1SU;BYMONTH=10", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260329T020000", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261025T030000", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_twice_gives_identical_text()
    {
        var meeting = MeetingOn(new DateOnly(2027, 3, 29), sequence: 2);

        Assert.Equal(Ics(meeting), Ics(meeting));
        Assert.Equal(Ics(meeting, CalendarMethod.Cancel), Ics(meeting, CalendarMethod.Cancel));
    }

    [Fact]
    public void Cancellation_has_method_cancel_and_status_cancelled()
    {
        var ics = Ics(MeetingOn(new DateOnly(2027, 5, 18), sequence: 1) with { Cancelled = true }, CalendarMethod.Cancel);

        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal("CANCEL", calendar.Method);
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("CANCELLED", calendarEvent.Status);
        Assert.Equal(1, calendarEvent.Sequence);
        Assert.Equal("net-42-meeting-2@netvaerk.albertslund.dk", calendarEvent.Uid);
        Assert.Contains("METHOD:CANCEL\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Dtstamp_is_the_given_instant_not_the_clock()
    {
        var ics = Ics(MeetingOn(new DateOnly(2027, 5, 18)));

        Assert.Contains("DTSTAMP:20270301T070000Z", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Workshop_summary_is_danish()
    {
        var calendarEvent = SingleEvent(MeetingInvitation.Create(Workshop, Network(), [Employee], CalendarMethod.Request, Stamp));

        Assert.Equal("Opstartsworkshop: Frivillighed i Albertslund", calendarEvent.Summary);
    }
}
