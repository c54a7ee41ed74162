using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Messages.MessageFixtures;

namespace Netvaerk.Domain.Tests.Messages;

public class StepMessagesTests
{
    [Fact]
    public void Every_recipient_of_a_meeting_step_gets_the_invitation_made_for_them_alone()
    {
        var state = TimelinePlanner.Plan("net-42", NetworkType.Welfare, TimelineTemplates.For(NetworkType.Welfare), new DateOnly(2027, 5, 3));
        var step = state.Step("meeting-2-reminder")!;
        var participants = new[] { Employee, Citizen, Leader, new Recipient("Ærø, Søren \"Sønne\"", "soren@albertslund.dk") };
        var directory = new NetworkDirectory(Leader, participants, [Secretariat], []);

        var messages = StepMessages.For(state, step, Network(), directory, StepFacts.None);

        Assert.Equal(participants.Length, messages.Count);
        Assert.All(messages, m => Assert.Equal(
            MeetingInvitation.Attachment(state.Meeting("meeting-2")!, Network(), [m.Recipient], CalendarMethod.Request, step.Due),
            Assert.Single(m.Message.Attachments)));
    }

    [Fact]
    public void A_recipient_whose_message_cannot_be_made_is_left_out_and_named_while_the_others_get_theirs()
    {
        var state = TimelinePlanner.Plan("net-42", NetworkType.Welfare, TimelineTemplates.For(NetworkType.Welfare), new DateOnly(2027, 5, 3));
        var step = state.Step("meeting-2-reminder")!;
        var broken = new Recipient("Mallory", "x<y>@albertslund.dk");
        var directory = new NetworkDirectory(Leader, [Employee, broken, Citizen], [Secretariat], []);

        var composed = StepMessages.Compose(state, step, Network(), directory, StepFacts.None);

        Assert.Equal([Employee.Email, Citizen.Email], composed.Messages.Select(m => m.Recipient.Email));
        var failure = Assert.Single(composed.Failures);
        Assert.Equal(broken, failure.Recipient);
        Assert.Contains("ikke en gyldig e-mailadresse", failure.Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => StepMessages.For(state, step, Network(), directory, StepFacts.None));
    }
}
