using Netvaerk.Domain.Digests;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Messages.MessageFixtures;

namespace Netvaerk.Domain.Tests.Digests;

public class LeaderDigestTests
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    /// <summary>Welfare: workshop Monday 3 May 2027, meetings 10, 18 (17 is 2. pinsedag), 24 and 31 May.</summary>
    private static readonly TimelineState Welfare =
        TimelinePlanner.Plan("net-42", NetworkType.Welfare, TimelineTemplates.For(NetworkType.Welfare), new DateOnly(2027, 5, 3));

    private static DateTimeOffset Monday(int month, int day) => new(2027, month, day, 7, 0, 0, Summer);

    private static LeaderDigestInput Input(DateTimeOffset now, TimelineState? timeline = null, NetworkType type = NetworkType.Welfare) =>
        new("Frivillighed i Albertslund", type, Leader, timeline ?? Welfare, now);

    private static string Text(EmailMessage? message) => Assert.IsType<EmailMessage>(message).TextBody;

    [Fact]
    public void Digest_with_no_meetings_soon_nothing_sent_no_open_surveys_and_no_flags_is_not_composed()
    {
        Assert.Null(LeaderDigest.Compose(Input(Monday(4, 5))));
    }

    [Fact]
    public void Digest_after_the_last_meeting_with_citizen_involvement_registered_and_nothing_else_is_not_composed()
    {
        var input = Input(Monday(7, 5)) with { CitizenInvolvementRegistrations = 2 };

        Assert.Null(LeaderDigest.Compose(input));
    }

    [Fact]
    public void Digest_lists_the_meetings_of_the_next_14_days_with_date_time_and_place()
    {
        var text = Text(LeaderDigest.Compose(Input(Monday(5, 3))));

        Assert.Contains("Møder de næste 14 dage:", text, StringComparison.Ordinal);
        Assert.Contains("Opstartsworkshop\nTid: mandag den 3. maj 2027 kl. 09.00–11.00\nSted: Albertslund Rådhus, Nordmarks Allé 1, 2620 Albertslund", text, StringComparison.Ordinal);
        Assert.Contains("Netværksmøde 1\nTid: mandag den 10. maj 2027 kl. 09.00–11.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("18. maj", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_meeting_alone_makes_a_digest_with_its_date_time_and_place_and_progress()
    {
        var message = LeaderDigest.Compose(Input(Monday(5, 24)) with { CitizenInvolvementRegistrations = 1 });
        var text = Text(message);

        Assert.Equal("Ugens overblik: Velfærdsnetværket »Frivillighed i Albertslund«, uge 21", message!.Subject);
        Assert.StartsWith("Kære Lene Larsen", text, StringComparison.Ordinal);
        Assert.Contains("Netværksmøde 3\nTid: mandag den 24. maj 2027 kl. 09.00–11.00\nSted: Albertslund Rådhus", text, StringComparison.Ordinal);
        Assert.Contains("Afslutningsmøde\nTid: mandag den 31. maj 2027 kl. 09.00–11.00", text, StringComparison.Ordinal);
        Assert.Contains("Der er ikke sendt noget ud fra netværket i den forgangne uge.", text, StringComparison.Ordinal);
        Assert.Contains("Fremdrift mod målet\nMålet: I løbet af det første år forbedres arbejdsgange og rutiner", text, StringComparison.Ordinal);
        Assert.Contains("Møder holdt: 3 af 5", text, StringComparison.Ordinal);
        Assert.Contains("Registreret borgerinddragelse: 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Opmærksomhedspunkter", text, StringComparison.Ordinal);
        Assert.Contains("Venlig hilsen\nNetværksstedet", text, StringComparison.Ordinal);
        AssertWellFormed(message.HtmlBody);
    }

    [Fact]
    public void Cancelled_meetings_are_not_listed()
    {
        var cancelled = Welfare.Apply(new MeetingCancelled("meeting-1", Monday(5, 3).AddHours(5)));

        var text = Text(LeaderDigest.Compose(Input(Monday(5, 4).AddHours(5), cancelled)));

        Assert.DoesNotContain("Netværksmøde 1", text, StringComparison.Ordinal);
        Assert.Contains("Netværksmøde 2\nTid: tirsdag den 18. maj 2027", text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_was_sent_last_week_alone_makes_a_digest_in_time_order()
    {
        var input = Input(Monday(4, 5)) with
        {
            SentLastWeek =
            [
                new SentItem("Påmindelse: netværksmøde 2", new DateTimeOffset(2027, 4, 1, 8, 0, 0, Summer), 12),
                new SentItem("Invitation til opstartsworkshop", new DateTimeOffset(2027, 3, 30, 8, 0, 0, Summer), 1),
            ],
        };

        var text = Text(LeaderDigest.Compose(input));

        Assert.Contains(
            "Sendt ud i den forgangne uge:\n\n- Tirsdag den 30. marts kl. 08.00: Invitation til opstartsworkshop (1 modtager)\n- Torsdag den 1. april kl. 08.00: Påmindelse: netværksmøde 2 (12 modtagere)",
            text,
            StringComparison.Ordinal);
        Assert.Contains("Der er ingen møder i netværket de næste 14 dage.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_surveys_are_listed_with_their_response_rates_and_closing_time()
    {
        var input = Input(Monday(4, 5)) with
        {
            Surveys = [new SurveyProgress(SurveyKind.End, 10, 6, new DateTimeOffset(2027, 4, 9, 23, 59, 59, Summer))],
        };

        var text = Text(LeaderDigest.Compose(input));

        Assert.Contains("Svarprocenter\nSlutevaluering: 6 af 10 har svaret (60 %), lukker fredag den 9. april 2027 kl. 23.59", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Opmærksomhedspunkter", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_survey_alone_is_nothing_to_say()
    {
        var input = Input(Monday(4, 5)) with
        {
            Surveys = [new SurveyProgress(SurveyKind.End, 10, 2, new DateTimeOffset(2027, 4, 2, 23, 59, 59, Summer))],
        };

        Assert.Null(LeaderDigest.Compose(input));
    }

    [Fact]
    public void Survey_closing_before_the_next_digest_with_a_low_response_rate_is_flagged()
    {
        var input = Input(Monday(4, 5)) with
        {
            Surveys =
            [
                new SurveyProgress(SurveyKind.End, 10, 3, new DateTimeOffset(2027, 4, 9, 23, 59, 59, Summer)),
                new SurveyProgress(SurveyKind.MidTerm, 10, 3, new DateTimeOffset(2027, 4, 20, 23, 59, 59, Summer)),
            ],
        };

        var flags = LeaderDigest.Flags(input);
        var text = Text(LeaderDigest.Compose(input));

        var flag = Assert.Single(flags);
        Assert.Equal("Slutevalueringen lukker fredag den 9. april 2027 kl. 23.59, og kun 3 af 10 har svaret (30 %). Mind gerne deltagerne om at svare – fx på næste møde eller i en kort mail.", flag);
        Assert.Contains($"Opmærksomhedspunkter:\n\n- {flag}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_citizen_involvement_after_the_welfare_deadline_day_is_flagged()
    {
        // Day 14 is 2. pinsedag (17 May), so the deadline day is Tuesday 18 May; on that day it is not yet flagged.
        Assert.Empty(LeaderDigest.Flags(Input(new DateTimeOffset(2027, 5, 18, 12, 0, 0, Summer))));

        var flag = Assert.Single(LeaderDigest.Flags(Input(new DateTimeOffset(2027, 5, 19, 7, 0, 0, Summer))));

        Assert.StartsWith("Der er endnu ikke registreret borgerinddragelse, og fristen var tirsdag den 18. maj 2027 (dag 14).", flag, StringComparison.Ordinal);
        Assert.Empty(LeaderDigest.Flags(Input(new DateTimeOffset(2027, 5, 19, 7, 0, 0, Summer)) with { CitizenInvolvementRegistrations = 1 }));
    }

    [Fact]
    public void Missing_citizen_involvement_after_the_network_ended_still_makes_a_digest()
    {
        var text = Text(LeaderDigest.Compose(Input(Monday(7, 5))));

        Assert.Contains("Opmærksomhedspunkter:\n\n- Der er endnu ikke registreret borgerinddragelse", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Learning_networks_have_no_citizen_involvement_flag()
    {
        var learning = TimelinePlanner.Plan("net-7", NetworkType.Learning, TimelineTemplates.For(NetworkType.Learning), new DateOnly(2027, 1, 4));

        Assert.Empty(LeaderDigest.Flags(Input(Monday(7, 5), learning, NetworkType.Learning)));
    }

    [Fact]
    public void Host_flags_are_passed_on()
    {
        var input = Input(Monday(4, 5)) with { OtherFlags = ["  Netværkskontrakten mangler en evalueringsplan.  ", " "] };

        var text = Text(LeaderDigest.Compose(input));

        Assert.Contains("Opmærksomhedspunkter:\n\n- Netværkskontrakten mangler en evalueringsplan.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Innovation_progress_shows_involvement_and_proposals_for_new_welfare_services()
    {
        var innovation = TimelinePlanner.Plan("net-9", NetworkType.Innovation, TimelineTemplates.For(NetworkType.Innovation), new DateOnly(2027, 1, 4));
        var input = Input(new DateTimeOffset(2027, 3, 1, 7, 0, 0, TimeSpan.FromHours(1)), innovation, NetworkType.Innovation) with
        {
            InvolvementRegistrations = 4,
            ProposalTitles = ["Frivilligbank", "Fælles kaffebar"],
            NetworkUrl = "https://netvaerk.albertslund.dk/netvaerk/net-9",
        };

        var message = LeaderDigest.Compose(input);
        var text = Text(message);

        Assert.Contains("Målet: I løbet af det første år kommer forslag til mindst én ny innovativ velfærdsydelse.", text, StringComparison.Ordinal);
        Assert.Contains("Møder holdt: 2 af 13", text, StringComparison.Ordinal);
        Assert.Contains("Registreret inddragelse: 4\nForslag til nye velfærdsydelser: 2", text, StringComparison.Ordinal);
        Assert.Contains("- Frivilligbank\n- Fælles kaffebar", text, StringComparison.Ordinal);
        Assert.Contains("https://netvaerk.albertslund.dk/netvaerk/net-9", text, StringComparison.Ordinal);
        AssertWellFormed(message!.HtmlBody);
    }

    [Fact]
    public void Type_must_match_the_timeline()
    {
        Assert.Throws<ArgumentException>(() => LeaderDigest.Compose(Input(Monday(5, 3), Welfare, NetworkType.Learning)));
    }
}
