using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Messages.MessageFixtures;

namespace Netvaerk.Domain.Tests.Messages;

public class MessageComposerTests
{
    public static TheoryData<StepKind, NetworkType> EveryMessageKindAndType()
    {
        var data = new TheoryData<StepKind, NetworkType>();
        foreach (var kind in MessageKinds)
        {
            foreach (var type in Enum.GetValues<NetworkType>())
            {
                data.Add(kind, type);
            }
        }

        return data;
    }

    [Fact]
    public void Meeting_step_is_not_a_message()
    {
        Assert.Null(MessageComposer.Compose(Context(StepKind.Meeting)));
    }

    [Theory]
    [MemberData(nameof(EveryMessageKindAndType))]
    public void Every_other_step_kind_composes_a_greeted_signed_well_formed_message(StepKind kind, NetworkType type)
    {
        var message = Compose(Context(kind, type));

        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.True(message.Subject.Length <= 110, message.Subject);
        Assert.Contains("»Frivillighed i Albertslund«", message.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Kære ", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Venlig hilsen", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Venlig hilsen", DecodedHtml(message), StringComparison.Ordinal);
        AssertWellFormed(message.HtmlBody);
    }

    [Theory]
    [MemberData(nameof(EveryMessageKindAndType))]
    public void Composing_twice_gives_identical_messages(StepKind kind, NetworkType type)
    {
        var first = Compose(Context(kind, type));
        var second = Compose(Context(kind, type));

        Assert.Equal(first, second);
        Assert.Equal(
            first.Attachments.Select(a => a.Content),
            second.Attachments.Select(a => a.Content));
    }

    [Fact]
    public void Greeting_addresses_the_recipient_by_name_in_text_and_html()
    {
        var message = Compose(Context(StepKind.MeetingReminder, recipient: Employee));

        Assert.StartsWith("Kære Anna Holm\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Kære Anna Holm</p>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_workshop_invitation_has_subject_with_type_and_theme()
    {
        var message = Compose(Context(StepKind.StartupWorkshopInvitation));

        Assert.Equal("Invitation: opstartsworkshop i Velfærdsnetværket »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains("Lene Larsen", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("lene.larsen@albertslund.dk", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Learning_workshop_invitation_says_a_short_self_assessment_follows()
    {
        var learning = Compose(Context(StepKind.StartupWorkshopInvitation, NetworkType.Learning));
        var welfare = Compose(Context(StepKind.StartupWorkshopInvitation, NetworkType.Welfare));

        Assert.Contains("kort selvevaluering", learning.TextBody, StringComparison.Ordinal);
        Assert.Contains("kort selvevaluering", DecodedHtml(learning), StringComparison.Ordinal);
        Assert.DoesNotContain("selvevaluering", welfare.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Meeting_reminder_subject_names_the_meeting_and_its_day()
    {
        var message = Compose(Context(StepKind.MeetingReminder));

        Assert.Equal("Påmindelse: netværksmøde 2 tirsdag den 18. maj", message.Subject);
    }

    [Fact]
    public void Learning_meeting_reminder_carries_the_reflection_prompt_and_others_do_not()
    {
        var learning = Compose(Context(StepKind.MeetingReminder, NetworkType.Learning));
        var innovation = Compose(Context(StepKind.MeetingReminder, NetworkType.Innovation));

        Assert.Contains("Hvad har du afprøvet i din praksis siden sidst?", learning.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hvad har du afprøvet i din praksis siden sidst?", DecodedHtml(learning), StringComparison.Ordinal);
        Assert.DoesNotContain("afprøvet i din praksis", innovation.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Citizen_nudge_on_the_workshop_day_asks_the_leader_to_plan_who_and_how()
    {
        var context = Context(StepKind.CitizenInvolvementNudge, meeting: Workshop) with
        {
            Step = Step(StepKind.CitizenInvolvementNudge, Audience.Leader, "workshop"),
        };

        var message = Compose(context);

        Assert.Equal("Borgerinddragelse: læg planen for »Frivillighed i Albertslund«", message.Subject);
        Assert.StartsWith("Kære Lene Larsen", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hvilke borgere berøres af temaet", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hvordan vil I inddrage dem", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_citizen_nudges_ask_the_leader_to_register_who_how_many_and_how()
    {
        var message = Compose(Context(StepKind.CitizenInvolvementNudge));

        Assert.Equal("Borgerinddragelse: registrér inddragelsen i »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains("hvem I har inddraget", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("hvor mange der deltog", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("hvordan de blev inddraget", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://netvaerk.albertslund.dk/netvaerk/net-42", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://netvaerk.albertslund.dk/netvaerk/net-42\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Citizen_nudge_to_the_secretariat_flags_that_no_involvement_is_registered()
    {
        var context = new StepMessageContext(
            Network(),
            Step(StepKind.CitizenInvolvementNudge, Audience.Secretariat, condition: StepCondition.NoCitizenInvolvementRegistered),
            Secretariat);

        var message = Compose(context);

        Assert.Equal("Opmærksomhed: ingen borgerinddragelse registreret i »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains("endnu ikke registreret nogen borgerinddragelse", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("fredag den 14. maj 2027", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lene Larsen (lene.larsen@albertslund.dk)", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StakeholderGroup.Citizens, "borgere")]
    [InlineData(StakeholderGroup.Companies, "virksomheder")]
    [InlineData(StakeholderGroup.KnowledgeInstitutions, "vidensinstitutioner")]
    [InlineData(StakeholderGroup.InterestOrganisations, "interesseorganisationer")]
    [InlineData(StakeholderGroup.Politicians, "politikere (§17,4-udvalget)")]
    [InlineData(StakeholderGroup.LeadershipForums, "ledelsesfora")]
    public void Stakeholder_nudge_names_the_months_group(StakeholderGroup group, string danish)
    {
        var context = Context(StepKind.StakeholderInvolvementNudge, NetworkType.Innovation) with
        {
            Step = Step(StepKind.StakeholderInvolvementNudge, Audience.Leader, stakeholder: group),
        };

        var message = Compose(context);

        Assert.Equal($"Månedens inddragelse: {danish} i »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains($"inddragelse af {danish} i Innovationsnetværket", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Stakeholder_advice_differs_per_group()
    {
        var advice = Enum.GetValues<StakeholderGroup>().Select(g => MessageComposer.StakeholderText(g).Advice).ToList();

        Assert.Equal(advice.Count, advice.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Expert_nudge_names_the_coming_meetings_date()
    {
        var message = Compose(Context(StepKind.ExpertInvolvementNudge, NetworkType.Learning));

        Assert.Equal("Nye perspektiver: invitér en ekspert til netværksmøde 2 tirsdag den 18. maj", message.Subject);
        Assert.Contains("Netværksmøde 2 i Læringsnetværket »Frivillighed i Albertslund« holdes tirsdag den 18. maj 2027 kl. 09.00–11.00", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_survey_gives_the_personal_link_and_closing_time()
    {
        var message = Compose(Context(StepKind.BaselineSurvey, NetworkType.Learning));

        Assert.Equal("Selvevaluering: Læringsnetværket »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains("https://netvaerk.albertslund.dk/s/7f3a9c", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://netvaerk.albertslund.dk/s/7f3a9c\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("fredag den 4. juni 2027 kl. 12.00", message.TextBody, StringComparison.Ordinal); // 10:00 UTC in summer time
        Assert.Contains("stilles igen ved netværkets afslutning", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Innovation_end_evaluation_asks_for_the_count_and_titles_of_proposals()
    {
        var message = Compose(Context(StepKind.EvaluationSurvey, NetworkType.Innovation));

        Assert.Equal("Evaluering af Innovationsnetværket »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains("forslag til nye velfærdsydelser: hvor mange forslag netværket er nået frem til, og hvad de hedder", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Learning_end_evaluation_repeats_the_baseline_and_asks_how_knowledge_is_put_into_play()
    {
        var message = Compose(Context(StepKind.EvaluationSurvey, NetworkType.Learning));

        Assert.Contains("gentager spørgsmålene fra selvevalueringen", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("sætte den nye viden i spil", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Mid_term_evaluation_is_named_as_such()
    {
        var context = SurveyContext(NetworkType.Innovation, Step(StepKind.EvaluationSurvey, survey: SurveyKind.MidTerm));

        var message = Compose(context);

        Assert.Equal("Midtvejsevaluering af Innovationsnetværket »Frivillighed i Albertslund«", message.Subject);
        Assert.Contains("halvvejs", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_survey_of_another_kind_is_rejected()
    {
        var context = SurveyContext(NetworkType.Innovation, Step(StepKind.EvaluationSurvey, survey: SurveyKind.Baseline));

        Assert.Throws<ArgumentException>(() => MessageComposer.Compose(context));
    }

    [Fact]
    public void Survey_reminder_states_its_number_and_the_closing_date()
    {
        var message = Compose(Context(StepKind.SurveyReminder));

        Assert.Equal("Påmindelse 2: evalueringen i »Frivillighed i Albertslund« lukker fredag den 4. juni", message.Subject);
        Assert.Contains("Påmindelse: 2. påmindelse", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Svarfrist: fredag den 4. juni 2027 kl. 12.00", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://netvaerk.albertslund.dk/s/7f3a9c", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NetworkType.Welfare, "Har det gjort en forskel i driften?")]
    [InlineData(NetworkType.Innovation, "Har det gjort en forskel i driften?")]
    [InlineData(NetworkType.Learning, "Er den nye viden sat i spil?")]
    public void Follow_up_survey_asks_about_outcome(NetworkType type, string question)
    {
        var message = Compose(Context(StepKind.FollowUpSurvey, type));

        Assert.Contains(question, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(question, DecodedHtml(message), StringComparison.Ordinal);
        Assert.Contains(question.ToLowerInvariant(), message.Subject.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public void Political_status_lists_the_figures_and_the_proposals()
    {
        var message = Compose(Context(StepKind.PoliticalStatus, NetworkType.Innovation));

        Assert.Equal("Kvartalsstatus: Innovationsnetværket »Frivillighed i Albertslund«, maj 2027", message.Subject);
        Assert.Contains("Netværksmøder holdt: 4 af 13", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Registreret inddragelse: 7", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Forslag til nye velfærdsydelser: 2", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Frivilligbank", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>Bes&#248;gsvenner p&#229; tv&#230;rs</li>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Political_status_without_proposals_says_so()
    {
        var context = Context(StepKind.PoliticalStatus, NetworkType.Innovation) with { Figures = new StatusFigures(2, 13, 0, []) };

        var message = Compose(context);

        Assert.Contains("Forslag til nye velfærdsydelser: 0", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("endnu ikke formuleret forslag", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StepKind.MeetingReminder)]
    [InlineData(StepKind.StartupWorkshopInvitation)]
    [InlineData(StepKind.MeetingMoved)]
    [InlineData(StepKind.ExpertInvolvementNudge)]
    public void Meeting_steps_without_their_meeting_are_rejected(StepKind kind)
    {
        var context = Context(kind) with { Meeting = null };

        Assert.Throws<ArgumentException>(() => MessageComposer.Compose(context));
    }

    [Fact]
    public void Reminder_for_a_cancelled_meeting_is_rejected()
    {
        var context = Context(StepKind.MeetingReminder, meeting: Meeting2 with { Cancelled = true });

        Assert.Throws<ArgumentException>(() => MessageComposer.Compose(context));
    }

    [Fact]
    public void Move_without_a_higher_sequence_is_rejected()
    {
        var context = Context(StepKind.MeetingMoved) with { Meeting = Moved with { Sequence = 0 } };

        Assert.Throws<ArgumentException>(() => MessageComposer.Compose(context));
    }

    [Theory]
    [InlineData(StepKind.BaselineSurvey)]
    [InlineData(StepKind.EvaluationSurvey)]
    [InlineData(StepKind.SurveyReminder)]
    [InlineData(StepKind.FollowUpSurvey)]
    public void Survey_steps_without_a_link_are_rejected(StepKind kind)
    {
        var context = Context(kind) with { SurveyUrl = null };

        Assert.Throws<ArgumentException>(() => MessageComposer.Compose(context));
    }

    [Fact]
    public void Survey_link_must_be_a_web_address()
    {
        var context = Context(StepKind.BaselineSurvey) with { SurveyUrl = "javascript:alert(1)" };

        Assert.Throws<ArgumentException>(() => MessageComposer.Compose(context));
    }

    [Fact]
    public void Political_status_without_figures_is_rejected()
    {
        var context = Context(StepKind.PoliticalStatus) with { Figures = null };

        Assert.Throws<ArgumentException>(() => MessageComposer.Compose(context));
    }
}
