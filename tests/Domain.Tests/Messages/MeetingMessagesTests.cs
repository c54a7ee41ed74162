using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Messages.MessageFixtures;

namespace Netvaerk.Domain.Tests.Messages;

public class MeetingMessagesTests
{
    public static TheoryData<StepKind, NetworkType> MeetingMessageKinds()
    {
        var data = new TheoryData<StepKind, NetworkType>();
        foreach (var kind in new[] { StepKind.StartupWorkshopInvitation, StepKind.MeetingReminder, StepKind.MeetingMoved, StepKind.MeetingCancelled })
        {
            foreach (var type in Enum.GetValues<NetworkType>())
            {
                data.Add(kind, type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MeetingMessageKinds))]
    public void Meeting_messages_state_date_time_and_place_in_text_and_html(StepKind kind, NetworkType type)
    {
        var context = Context(kind, type);
        var meeting = context.Meeting!;
        var date = meeting.Kind == MeetingKind.StartupWorkshop ? "mandag den 3. maj 2027" : "tirsdag den 18. maj 2027";
        if (kind == StepKind.MeetingMoved)
        {
            date = "torsdag den 20. maj 2027";
        }

        var time = $"kl. {meeting.Start:HH'.'mm}–{meeting.End:HH'.'mm}";

        var message = Compose(context);

        foreach (var body in new[] { message.TextBody, DecodedHtml(message) })
        {
            Assert.Contains($"{date} {time}", body, StringComparison.Ordinal);
            Assert.Contains(meeting.Place, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Meeting_time_is_written_the_danish_way()
    {
        var message = Compose(Context(StepKind.MeetingReminder));

        Assert.Contains("Tid: tirsdag den 18. maj 2027 kl. 09.00–11.00", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sted: Rådhuset, mødelokale 3", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Moved_meeting_shows_the_old_and_the_new_time_and_place()
    {
        var message = Compose(Context(StepKind.MeetingMoved));

        Assert.Equal("Ændring: netværksmøde 2 holdes nu torsdag den 20. maj kl. 13.00", message.Subject);
        foreach (var body in new[] { message.TextBody, DecodedHtml(message) })
        {
            Assert.Contains("Ny tid og sted", body, StringComparison.Ordinal);
            Assert.Contains("torsdag den 20. maj 2027 kl. 13.00–15.00", body, StringComparison.Ordinal);
            Assert.Contains("Rådhuset, byrådssalen", body, StringComparison.Ordinal);
            Assert.Contains("Tidligere tid og sted", body, StringComparison.Ordinal);
            Assert.Contains("tirsdag den 18. maj 2027 kl. 09.00–11.00", body, StringComparison.Ordinal);
            Assert.Contains("Rådhuset, mødelokale 3", body, StringComparison.Ordinal);
        }

        Assert.True(
            message.TextBody.IndexOf("Ny tid og sted", StringComparison.Ordinal)
            < message.TextBody.IndexOf("Tidligere tid og sted", StringComparison.Ordinal),
            "The new time comes first.");
    }

    [Fact]
    public void Cancelled_meeting_notice_has_a_danish_subject()
    {
        var message = Compose(Context(StepKind.MeetingCancelled));

        Assert.Equal("Aflyst: netværksmøde 2 tirsdag den 18. maj", message.Subject);
        Assert.Contains("er desværre aflyst", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StepKind.StartupWorkshopInvitation, "REQUEST", "invitation.ics")]
    [InlineData(StepKind.MeetingReminder, "REQUEST", "invitation.ics")]
    [InlineData(StepKind.MeetingMoved, "REQUEST", "invitation.ics")]
    [InlineData(StepKind.MeetingCancelled, "CANCEL", "aflysning.ics")]
    public void Meeting_messages_carry_one_calendar_attachment_with_the_method(StepKind kind, string method, string fileName)
    {
        var message = Compose(Context(kind));

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(fileName, attachment.FileName);
        Assert.Equal($"text/calendar; method={method}; charset=utf-8", attachment.ContentType);
        Assert.Contains($"METHOD:{method}", attachment.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Moved_meeting_invitation_has_the_increased_sequence()
    {
        var message = Compose(Context(StepKind.MeetingMoved));

        var calendar = Ical.Net.Calendar.Load(message.Attachments[0].Content)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(1, calendarEvent.Sequence);
        Assert.Equal(13, calendarEvent.DtStart!.Hour);
        Assert.Equal("net-42-meeting-2@netvaerk.albertslund.dk", calendarEvent.Uid);
    }

    [Fact]
    public void Calendar_attachment_lists_only_the_recipient_as_attendee()
    {
        var message = Compose(Context(StepKind.MeetingReminder, recipient: Citizen));

        var calendarEvent = Ical.Net.Calendar.Load(message.Attachments[0].Content)!.Events.Single();
        var attendee = Assert.Single(calendarEvent.Attendees);
        Assert.Equal("mailto:bo@example.dk", attendee.Value!.ToString());
        Assert.Equal("Bo Jensen", attendee.CommonName);
    }

    [Theory]
    [InlineData(StepKind.CitizenInvolvementNudge)]
    [InlineData(StepKind.StakeholderInvolvementNudge)]
    [InlineData(StepKind.ExpertInvolvementNudge)]
    [InlineData(StepKind.BaselineSurvey)]
    [InlineData(StepKind.PoliticalStatus)]
    public void Messages_that_are_not_invitations_carry_no_calendar(StepKind kind)
    {
        Assert.Empty(Compose(Context(kind, NetworkType.Learning)).Attachments);
    }
}
