using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Messages.MessageFixtures;

namespace Netvaerk.Domain.Tests.Messages;

public class HtmlAndFooterTests
{
    private const string HostileName = "Børn & \"unge\" <3";

    [Theory]
    [InlineData(StepKind.StartupWorkshopInvitation)]
    [InlineData(StepKind.MeetingReminder)]
    [InlineData(StepKind.CitizenInvolvementNudge)]
    [InlineData(StepKind.PoliticalStatus)]
    [InlineData(StepKind.SurveyReminder)]
    public void Network_name_is_html_encoded_in_the_html_body_and_plain_in_the_text(StepKind kind)
    {
        var context = Context(kind) with { Network = Network(name: HostileName) };

        var message = Compose(context);

        Assert.Contains("B&#248;rn &amp; &quot;unge&quot; &lt;3", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<3", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\"unge\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(HostileName, message.TextBody, StringComparison.Ordinal);
        AssertWellFormed(message.HtmlBody);
    }

    [Fact]
    public void Recipient_and_place_are_html_encoded()
    {
        var context = Context(StepKind.MeetingReminder, recipient: Employee with { Name = "<b>Anna</b>" })
            with { Meeting = Meeting2 with { Place = "Lokale <1> & 2" } };

        var message = Compose(context);

        Assert.Contains("Kære &lt;b&gt;Anna&lt;/b&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Lokale &lt;1&gt; &amp; 2", message.HtmlBody, StringComparison.Ordinal);
        AssertWellFormed(message.HtmlBody);
    }

    [Fact]
    public void Html_body_is_a_danish_document_with_the_subject_as_title()
    {
        var message = Compose(Context(StepKind.MeetingReminder));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"da\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\" />", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>P&#229;mindelse: netv&#230;rksm&#248;de 2 tirsdag den 18. maj</title>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StepKind.StartupWorkshopInvitation)]
    [InlineData(StepKind.MeetingReminder)]
    [InlineData(StepKind.MeetingMoved)]
    [InlineData(StepKind.MeetingCancelled)]
    [InlineData(StepKind.EvaluationSurvey)]
    [InlineData(StepKind.FollowUpSurvey)]
    public void External_recipients_get_the_unsubscribe_link(StepKind kind)
    {
        var message = Compose(Context(kind, recipient: Citizen));

        Assert.Contains("afmelde dig", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://netvaerk.albertslund.dk/afmeld/abc123", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://netvaerk.albertslund.dk/afmeld/abc123\">Afmeld mails</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Velfærdsnetværket »Frivillighed i Albertslund«", message.TextBody[message.TextBody.IndexOf("--", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StepKind.StartupWorkshopInvitation)]
    [InlineData(StepKind.MeetingReminder)]
    [InlineData(StepKind.EvaluationSurvey)]
    public void Employees_get_no_unsubscribe_link(StepKind kind)
    {
        var message = Compose(Context(kind, recipient: Employee));

        Assert.DoesNotContain("afmeld", message.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("afmeld", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void External_recipient_without_an_unsubscribe_link_is_rejected()
    {
        var context = Context(StepKind.MeetingReminder, recipient: Citizen with { UnsubscribeUrl = null });

        Assert.Throws<ArgumentException>(() => MessageComposer.Compose(context));
    }

    [Fact]
    public void Participant_messages_are_signed_by_the_leader_and_nudges_by_netvaerksstedet()
    {
        var reminder = Compose(Context(StepKind.MeetingReminder));
        var nudge = Compose(Context(StepKind.CitizenInvolvementNudge));

        Assert.Contains("Venlig hilsen\nLene Larsen\nNetværksleder, Velfærdsnetværket »Frivillighed i Albertslund«\n", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("Venlig hilsen\nNetværksstedet\nAlbertslund Kommune\n", nudge.TextBody, StringComparison.Ordinal);
    }
}
