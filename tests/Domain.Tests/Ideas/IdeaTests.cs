using System.Text.Json;
using System.Text.Json.Serialization;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Ideas;

public class IdeaTests
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private static DateTimeOffset Day(int n) => T0.AddDays(n);

    private static Idea NewIdea(NetworkType? type = NetworkType.Welfare) => Idea.Submit(
        Guid.NewGuid(),
        "Frivillige mod ensomhed",
        "Besøgsordninger med frivillige på plejehjemmene.",
        new Person("Mette Hansen", "mette@albertslund.dk"),
        type,
        T0);

    private static Idea InReview(NetworkType? type = NetworkType.Welfare)
    {
        var idea = NewIdea(type);
        idea.StartReview(Day(1));
        return idea;
    }

    [Fact]
    public void Submitted_idea_starts_in_Submitted_with_empty_history()
    {
        var idea = NewIdea();

        Assert.Equal(IdeaStatus.Submitted, idea.Status);
        Assert.Empty(idea.History);
        Assert.Null(idea.Decision);
    }

    [Theory]
    [InlineData("", "Beskrivelse", "title-required")]
    [InlineData("Titel", "  ", "description-required")]
    public void Idea_needs_title_and_description(string title, string description, string code)
    {
        var ex = Assert.Throws<DomainException>(() =>
            Idea.Submit(Guid.NewGuid(), title, description, new Person("Mette", "mette@albertslund.dk"), null, T0));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Innovation_idea_is_decided_by_Direktoerforum()
    {
        Assert.Equal(Forum.Direktoerforum, NewIdea(NetworkType.Innovation).DecidingForum);
    }

    [Theory]
    [InlineData(NetworkType.Welfare)]
    [InlineData(NetworkType.Learning)]
    public void Welfare_and_learning_ideas_are_decided_by_Chefforum(NetworkType type)
    {
        Assert.Equal(Forum.Chefforum, NewIdea(type).DecidingForum);
    }

    [Fact]
    public void Idea_without_a_suggested_type_has_no_deciding_forum_until_routed()
    {
        var idea = NewIdea(type: null);
        Assert.Null(idea.DecidingForum);

        idea.RouteForDecision(Forum.Chefforum, Day(1));

        Assert.Equal(Forum.Chefforum, idea.DecidingForum);
    }

    // ---- Legal transitions ----

    [Fact]
    public void StartReview_moves_Submitted_to_InReview()
    {
        var idea = NewIdea();

        idea.StartReview(Day(1));

        Assert.Equal(IdeaStatus.InReview, idea.Status);
        Assert.Equal(new IdeaTransition(IdeaStatus.Submitted, IdeaStatus.InReview, Day(1), null), Assert.Single(idea.History));
    }

    [Fact]
    public void Routing_a_submitted_idea_starts_the_review_and_overrides_the_forum()
    {
        var idea = NewIdea(NetworkType.Welfare);

        idea.RouteForDecision(Forum.Direktoerforum, Day(1));

        Assert.Equal(IdeaStatus.InReview, idea.Status);
        Assert.Equal(Forum.Direktoerforum, idea.DecidingForum);
        Assert.Equal(Day(1), idea.RoutedAt);
        Assert.Equal("Sendt til beslutning i Direktørforum.", Assert.Single(idea.History).Reason);
    }

    [Fact]
    public void Idea_in_review_can_be_rerouted_and_the_reminder_clock_restarts()
    {
        var idea = InReview();
        idea.RouteForDecision(Forum.Chefforum, Day(2));

        idea.RouteForDecision(Forum.Direktoerforum, Day(5));

        Assert.Equal(IdeaStatus.InReview, idea.Status);
        Assert.Equal((Forum.Direktoerforum, Day(5)), (idea.DecidingForum, idea.RoutedAt));
        Assert.Equal(new IdeaTransition(IdeaStatus.InReview, IdeaStatus.InReview, Day(5), "Sendt til beslutning i Direktørforum."), idea.History[^1]);
    }

    [Fact]
    public void RequestInfo_moves_InReview_to_NeedsInfo_with_the_reason_as_decision()
    {
        var idea = InReview();

        idea.RequestInfo("Hvilke plejehjem drejer det sig om?", Day(2));

        Assert.Equal(IdeaStatus.NeedsInfo, idea.Status);
        Assert.Equal(new IdeaDecision(IdeaDecisionOutcome.NeedsInfo, "Hvilke plejehjem drejer det sig om?", Day(2), null), idea.Decision);
    }

    [Fact]
    public void ProvideInfo_moves_NeedsInfo_back_to_InReview_and_clears_the_decision()
    {
        var idea = InReview();
        idea.RequestInfo("Hvilke plejehjem?", Day(2));

        idea.ProvideInfo(Day(3), "Birkelund og Humlehaven.");

        Assert.Equal(IdeaStatus.InReview, idea.Status);
        Assert.Null(idea.Decision);
        Assert.Equal(new IdeaTransition(IdeaStatus.NeedsInfo, IdeaStatus.InReview, Day(3), "Birkelund og Humlehaven."), idea.History[^1]);
    }

    [Fact]
    public void Answered_information_restarts_the_forums_clock_only_for_a_routed_idea()
    {
        var routed = InReview();
        routed.RouteForDecision(Forum.Chefforum, Day(1));
        routed.RequestInfo("Hvilke plejehjem?", Day(2));
        var unrouted = InReview();
        unrouted.RequestInfo("Hvilke plejehjem?", Day(2));

        routed.ProvideInfo(Day(20));
        unrouted.ProvideInfo(Day(20));

        Assert.Equal(Day(20), routed.RoutedAt);
        Assert.Equal(Forum.Chefforum, routed.RoutedForum);
        Assert.Null(unrouted.RoutedAt);
    }

    [Fact]
    public void Info_can_be_requested_more_than_once()
    {
        var idea = InReview();
        idea.RequestInfo("Hvilke plejehjem?", Day(2));
        idea.ProvideInfo(Day(3));
        idea.RequestInfo("Hvem skal være netværksleder?", Day(4));
        idea.ProvideInfo(Day(5));
        idea.Approve(null, Day(6));

        Assert.Equal(
            [IdeaStatus.InReview, IdeaStatus.NeedsInfo, IdeaStatus.InReview, IdeaStatus.NeedsInfo, IdeaStatus.InReview, IdeaStatus.Approved],
            idea.History.Select(t => t.To));
    }

    [Fact]
    public void Approve_moves_InReview_to_Approved_by_the_deciding_forum()
    {
        var idea = InReview(NetworkType.Innovation);

        idea.Approve("Et godt bud på en ny velfærdsydelse.", Day(10));

        Assert.Equal(IdeaStatus.Approved, idea.Status);
        Assert.Equal(new IdeaDecision(IdeaDecisionOutcome.Approved, "Et godt bud på en ny velfærdsydelse.", Day(10), Forum.Direktoerforum), idea.Decision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Approval_needs_no_reason(string? reason)
    {
        var idea = InReview();

        idea.Approve(reason, Day(10));

        Assert.Equal(IdeaStatus.Approved, idea.Status);
        Assert.Null(idea.Decision!.Reason);
    }

    [Fact]
    public void Reject_moves_InReview_to_Rejected_with_reason()
    {
        var idea = InReview();

        idea.Reject("Temaet dækkes allerede af et igangværende netværk.", Day(10));

        Assert.Equal(IdeaStatus.Rejected, idea.Status);
        Assert.Equal(new IdeaDecision(IdeaDecisionOutcome.Rejected, "Temaet dækkes allerede af et igangværende netværk.", Day(10), Forum.Chefforum), idea.Decision);
        Assert.Equal(new IdeaTransition(IdeaStatus.InReview, IdeaStatus.Rejected, Day(10), "Temaet dækkes allerede af et igangværende netværk."), idea.History[^1]);
    }

    // ---- Rules and illegal transitions ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejecting_without_a_reason_is_refused(string? reason)
    {
        var idea = InReview();

        var ex = Assert.Throws<DomainException>(() => idea.Reject(reason!, Day(10)));

        Assert.Equal("reason-required", ex.Code);
        Assert.Equal("En afvisning skal have en begrundelse.", ex.Message);
        Assert.Equal(IdeaStatus.InReview, idea.Status);
    }

    [Fact]
    public void Requesting_info_without_saying_what_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => InReview().RequestInfo(" ", Day(2)));

        Assert.Equal("reason-required", ex.Code);
    }

    [Fact]
    public void Idea_cannot_be_approved_straight_from_Submitted()
    {
        var idea = NewIdea();

        var ex = Assert.Throws<DomainException>(() => idea.Approve(null, Day(1)));

        Assert.Equal("illegal-transition", ex.Code);
        Assert.Equal("Idéen kan ikke gå fra »Indsendt« til »Godkendt«.", ex.Message);
        Assert.Equal(IdeaStatus.Submitted, idea.Status);
        Assert.Empty(idea.History);
    }

    [Fact]
    public void Idea_cannot_be_rejected_straight_from_Submitted()
    {
        var ex = Assert.Throws<DomainException>(() => NewIdea().Reject("Nej", Day(1)));

        Assert.Equal("illegal-transition", ex.Code);
    }

    [Fact]
    public void Idea_waiting_for_info_cannot_be_approved_before_the_info_arrives()
    {
        var idea = InReview();
        idea.RequestInfo("Hvilke plejehjem?", Day(2));

        var ex = Assert.Throws<DomainException>(() => idea.Approve(null, Day(3)));

        Assert.Equal("illegal-transition", ex.Code);
        Assert.Equal("Idéen kan ikke gå fra »Afventer flere oplysninger« til »Godkendt«.", ex.Message);
    }

    [Fact]
    public void Info_cannot_be_provided_when_none_was_requested()
    {
        var ex = Assert.Throws<DomainException>(() => InReview().ProvideInfo(Day(2)));

        Assert.Equal("illegal-transition", ex.Code);
    }

    [Fact]
    public void Review_cannot_be_started_twice()
    {
        var ex = Assert.Throws<DomainException>(() => InReview().StartReview(Day(2)));

        Assert.Equal("illegal-transition", ex.Code);
    }

    [Fact]
    public void Idea_waiting_for_info_cannot_be_routed()
    {
        var idea = InReview();
        idea.RequestInfo("Hvilke plejehjem?", Day(2));

        var ex = Assert.Throws<DomainException>(() => idea.RouteForDecision(Forum.Chefforum, Day(3)));

        Assert.Equal("illegal-transition", ex.Code);
        Assert.Contains("»Afventer flere oplysninger«", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approved_idea_cannot_be_rejected_afterwards()
    {
        var idea = InReview();
        idea.Approve(null, Day(10));

        var ex = Assert.Throws<DomainException>(() => idea.Reject("Fortrudt", Day(11)));

        Assert.Equal("illegal-transition", ex.Code);
        Assert.Equal("Idéen kan ikke gå fra »Godkendt« til »Afvist«.", ex.Message);
    }

    [Fact]
    public void Rejected_idea_cannot_be_reopened()
    {
        var idea = InReview();
        idea.Reject("Ikke nu.", Day(10));

        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => idea.Approve(null, Day(11))).Code);
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => idea.RequestInfo("?", Day(11))).Code);
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => idea.RouteForDecision(Forum.Chefforum, Day(11))).Code);
    }

    [Fact]
    public void Idea_without_any_forum_cannot_be_decided()
    {
        var idea = InReview(type: null);

        var ex = Assert.Throws<DomainException>(() => idea.Approve(null, Day(10)));

        Assert.Equal("forum-required", ex.Code);
        Assert.Equal(IdeaStatus.InReview, idea.Status);
    }

    [Fact]
    public void Transition_earlier_than_the_last_event_is_refused()
    {
        var idea = InReview();

        var ex = Assert.Throws<DomainException>(() => idea.Approve(null, T0));

        Assert.Equal("time-out-of-order", ex.Code);
        Assert.Equal(IdeaStatus.InReview, idea.Status);
    }

    [Theory]
    [InlineData(IdeaStatus.Submitted, IdeaStatus.InReview, true)]
    [InlineData(IdeaStatus.InReview, IdeaStatus.NeedsInfo, true)]
    [InlineData(IdeaStatus.NeedsInfo, IdeaStatus.InReview, true)]
    [InlineData(IdeaStatus.InReview, IdeaStatus.Approved, true)]
    [InlineData(IdeaStatus.InReview, IdeaStatus.Rejected, true)]
    [InlineData(IdeaStatus.Submitted, IdeaStatus.Approved, false)]
    [InlineData(IdeaStatus.Submitted, IdeaStatus.NeedsInfo, false)]
    [InlineData(IdeaStatus.NeedsInfo, IdeaStatus.Rejected, false)]
    [InlineData(IdeaStatus.Approved, IdeaStatus.InReview, false)]
    [InlineData(IdeaStatus.Rejected, IdeaStatus.InReview, false)]
    [InlineData(IdeaStatus.InReview, IdeaStatus.Submitted, false)]
    public void Transition_table_matches_the_lifecycle(IdeaStatus from, IdeaStatus to, bool allowed)
    {
        Assert.Equal(allowed, IdeaStatuses.CanMove(from, to));
    }

    [Fact]
    public void Statuses_have_Danish_names()
    {
        Assert.Equal(
            ["Indsendt", "Under behandling", "Afventer flere oplysninger", "Godkendt", "Afvist"],
            Enum.GetValues<IdeaStatus>().Select(s => s.DanishName()));
    }

    // ---- Serialisation ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Idea_survives_a_json_round_trip(bool enumsAsStrings)
    {
        var options = new JsonSerializerOptions();
        if (enumsAsStrings)
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }

        var idea = InReview(NetworkType.Learning);
        idea.RouteForDecision(Forum.Direktoerforum, Day(2));
        idea.RequestInfo("Hvem er målgruppen?", Day(3));
        idea.ProvideInfo(Day(4), "Medarbejdere på ældreområdet.");
        idea.Reject("Dækkes af eksisterende kursus.", Day(5));

        var json = JsonSerializer.Serialize(idea, options);
        var back = JsonSerializer.Deserialize<Idea>(json, options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, options));
        Assert.Equal(idea.Id, back.Id);
        Assert.Equal(idea.Title, back.Title);
        Assert.Equal(idea.SubmittedBy, back.SubmittedBy);
        Assert.Equal(idea.SuggestedType, back.SuggestedType);
        Assert.Equal(idea.SubmittedAt, back.SubmittedAt);
        Assert.Equal(IdeaStatus.Rejected, back.Status);
        Assert.Equal(Forum.Direktoerforum, back.DecidingForum);
        Assert.Equal(idea.RoutedAt, back.RoutedAt);
        Assert.Equal(idea.Decision, back.Decision);
        Assert.Equal(idea.History, back.History);
    }

    [Fact]
    public void Restored_idea_continues_its_lifecycle()
    {
        var idea = InReview();
        var back = JsonSerializer.Deserialize<Idea>(JsonSerializer.Serialize(idea))!;

        back.Approve(null, Day(3));

        Assert.Equal(IdeaStatus.Approved, back.Status);
        Assert.Equal(2, back.History.Count);
    }

    [Fact]
    public void Stored_state_whose_status_contradicts_its_history_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new Idea(
            Guid.NewGuid(), "Titel", "Beskrivelse", new Person("Mette", "mette@albertslund.dk"), null, T0,
            IdeaStatus.Approved, null, null, null, []));

        Assert.Equal("inconsistent-history", ex.Code);
    }
}
