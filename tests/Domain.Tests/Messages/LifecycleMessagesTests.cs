using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using static Netvaerk.Domain.Tests.Messages.MessageFixtures;

namespace Netvaerk.Domain.Tests.Messages;

public class LifecycleMessagesTests
{
    private static readonly ApprovalCase Approval = new(
        "Frivillighed i Albertslund",
        "Flere frivillige i ældreplejen gennem et fast samarbejde med foreningerne.",
        NetworkType.Welfare,
        "Anna Holm",
        "Chefforum",
        new DateOnly(2027, 2, 1),
        new DateOnly(2027, 2, 15),
        "https://netvaerk.albertslund.dk/ideer/17/beslutning");

    private static readonly Recipient ForumMember = new("Karsten Krogh", "karsten.krogh@albertslund.dk");

    [Fact]
    public void Idea_receipt_confirms_title_reference_and_time_received()
    {
        var message = LifecycleMessages.IdeaReceipt(
            Employee, "Frivillighed i Albertslund", "IDE-2027-017", new DateTimeOffset(2027, 1, 20, 13, 30, 0, TimeSpan.Zero));

        Assert.Equal("Kvittering: vi har modtaget din idé »Frivillighed i Albertslund«", message.Subject);
        Assert.StartsWith("Kære Anna Holm", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sagsnummer: IDE-2027-017", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Modtaget: onsdag den 20. januar 2027 kl. 14.30", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Venlig hilsen\nNetværkssekretariatet", message.TextBody, StringComparison.Ordinal);
        AssertWellFormed(message.HtmlBody);
    }

    [Fact]
    public void Approved_idea_names_the_forum_and_the_network_type()
    {
        var message = LifecycleMessages.IdeaApproved(Employee, "Frivillighed i Albertslund", NetworkType.Learning, "Chefforum", "Lene Larsen");

        Assert.Equal("Din idé »Frivillighed i Albertslund« er godkendt", message.Subject);
        Assert.Contains("Chefforum har godkendt din idé »Frivillighed i Albertslund« som et læringsnetværk", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("netværkslederen, Lene Larsen, udfylder netværkskontrakten", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_idea_gives_the_reason_encoded_in_html()
    {
        var message = LifecycleMessages.IdeaRejected(Employee, "Idé", "Direktørforum", "Overlapper med <projekt> & andet");

        Assert.Equal("Beslutning om din idé »Idé«", message.Subject);
        Assert.Contains("Begrundelse: Overlapper med <projekt> & andet", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Overlapper med &lt;projekt&gt; &amp; andet", message.HtmlBody, StringComparison.Ordinal);
        AssertWellFormed(message.HtmlBody);
    }

    [Fact]
    public void Idea_needing_information_asks_the_question_with_an_answer_link()
    {
        var message = LifecycleMessages.IdeaNeedsInformation(
            Employee, "Idé", "Hvilke afdelinger skal med?", "https://netvaerk.albertslund.dk/ideer/17");

        Assert.Equal("Vi har brug for mere om din idé »Idé«", message.Subject);
        Assert.Contains("Hvilke afdelinger skal med?", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://netvaerk.albertslund.dk/ideer/17\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_request_tells_the_forum_what_to_decide_and_by_when()
    {
        var message = LifecycleMessages.ApprovalRequest(ForumMember, Approval);

        Assert.Equal("Til beslutning i Chefforum: idé til velfærdsnetværk »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains("Foreslået netværkstype: Velfærdsnetværk", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Indsendt af: Anna Holm", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("senest mandag den 15. februar 2027", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://netvaerk.albertslund.dk/ideer/17/beslutning", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_reminder_says_how_long_the_idea_has_waited()
    {
        var message = LifecycleMessages.ApprovalReminder(ForumMember, Approval, 10);

        Assert.Equal("Påmindelse: idéen »Frivillighed i Albertslund« venter på beslutning i Chefforum", message.Subject);
        Assert.Contains("forelagt Chefforum mandag den 1. februar 2027", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("10 arbejdsdage", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_escalation_goes_to_the_secretariat_with_the_waiting_time()
    {
        var message = LifecycleMessages.ApprovalEscalation(Secretariat, Approval, 20);

        Assert.Equal("Eskalering: ingen beslutning om »Frivillighed i Albertslund« efter 20 arbejdsdage", message.Subject);
        Assert.Contains("Chefforum har endnu ikke truffet beslutning", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Leader_onboarding_lists_the_missing_contract_parts()
    {
        var message = LifecycleMessages.LeaderOnboarding(
            Leader, "Frivillighed i Albertslund", NetworkType.Welfare, ["Mandat", "Kernedeltagere"], "https://netvaerk.albertslund.dk/netvaerk/net-42/kontrakt");

        Assert.Equal("Velkommen som netværksleder for Velfærdsnetværket »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains("- Mandat\n- Kernedeltagere\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>Kernedeltagere</li>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://netvaerk.albertslund.dk/netvaerk/net-42/kontrakt", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Leader_onboarding_with_a_complete_contract_says_the_network_can_start()
    {
        var message = LifecycleMessages.LeaderOnboarding(
            Leader, "Frivillighed i Albertslund", NetworkType.Innovation, [], "https://netvaerk.albertslund.dk/k");

        Assert.Contains("Kontrakten er komplet", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_in_link_is_single_use_and_states_its_validity()
    {
        var message = LifecycleMessages.SignInLink(
            Employee, "https://netvaerk.albertslund.dk/login/abc", new DateTimeOffset(2027, 1, 20, 13, 45, 0, TimeSpan.Zero));

        Assert.Equal("Dit login-link til Netværksstedet", message.Subject);
        Assert.Contains("Gyldigt til: onsdag den 20. januar 2027 kl. 14.45", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("én gang", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://netvaerk.albertslund.dk/login/abc\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Closed_summary_gives_the_period_figures_proposals_and_follow_up()
    {
        var summary = new NetworkClosingSummary(
            "Frivillighed i Albertslund",
            NetworkType.Innovation,
            "Lene Larsen",
            new DateOnly(2027, 1, 4),
            new DateOnly(2027, 12, 17),
            ClosedEarly: false,
            MeetingsHeld: 12,
            ParticipantCount: 23,
            InvolvementRegistrations: 9,
            ProposalTitles: ["Frivilligbank"],
            FollowUpOn: new DateOnly(2028, 6, 19));

        var message = LifecycleMessages.NetworkClosedSummary(Employee, summary);

        Assert.Equal("Innovationsnetværket »Frivillighed i Albertslund« er afsluttet", message.Subject);
        Assert.Contains("Periode: mandag den 4. januar 2027 – fredag den 17. december 2027", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Netværksmøder holdt: 12", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Forslag til nye velfærdsydelser: 1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Frivilligbank", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("mandag den 19. juni 2028", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void External_recipient_of_a_lifecycle_message_gets_the_unsubscribe_link()
    {
        var message = LifecycleMessages.SignInLink(
            Citizen, "https://netvaerk.albertslund.dk/login/abc", new DateTimeOffset(2027, 1, 20, 13, 45, 0, TimeSpan.Zero));

        Assert.Contains("https://netvaerk.albertslund.dk/afmeld/abc123", message.TextBody, StringComparison.Ordinal);
    }
}
