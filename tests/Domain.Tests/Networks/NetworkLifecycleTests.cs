using System.Text.Json;
using System.Text.Json.Serialization;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Networks;

public class NetworkLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 20, 9, 0, 0, TimeSpan.FromHours(1));

    private static DateTimeOffset Day(int n) => T0.AddDays(n);

    private static Network Draft(NetworkContract? contract = null) =>
        Network.CreateDraft(Guid.NewGuid(), contract ?? ContractSamples.Complete(), T0);

    private static Network Running()
    {
        var network = Draft();
        network.Start(Day(1));
        return network;
    }

    private static Network In(NetworkStatus status)
    {
        var network = Draft();
        if (status == NetworkStatus.Draft)
        {
            return network;
        }

        network.Start(Day(1));
        switch (status)
        {
            case NetworkStatus.Paused:
                network.Pause(null, Day(2));
                break;
            case NetworkStatus.Evaluating:
                network.BeginEvaluation(Day(29));
                break;
            case NetworkStatus.FollowUp:
                network.BeginEvaluation(Day(29));
                network.BeginFollowUp(Day(40));
                break;
            case NetworkStatus.Closed:
                network.BeginEvaluation(Day(29));
                network.BeginFollowUp(Day(40));
                network.Close(Day(120));
                break;
        }

        return network;
    }

    [Fact]
    public void New_network_is_a_draft_with_empty_history()
    {
        var network = Draft();

        Assert.Equal(NetworkStatus.Draft, network.Status);
        Assert.Empty(network.History);
        Assert.Null(network.StartedAt);
    }

    // ---- Legal transitions ----

    [Fact]
    public void Start_moves_Draft_to_Running_when_the_contract_is_complete()
    {
        var network = Draft();

        network.Start(Day(1));

        Assert.Equal(NetworkStatus.Running, network.Status);
        Assert.Equal(Day(1), network.StartedAt);
        Assert.Equal(new NetworkTransition(NetworkStatus.Draft, NetworkStatus.Running, Day(1), null), Assert.Single(network.History));
    }

    [Fact]
    public void Pause_moves_Running_to_Paused_and_Resume_moves_it_back()
    {
        var network = Running();

        network.Pause("Netværkslederen er syg.", Day(5));
        Assert.Equal(NetworkStatus.Paused, network.Status);
        Assert.Equal("Netværkslederen er syg.", network.History[^1].Reason);

        network.Resume(Day(12));
        Assert.Equal(NetworkStatus.Running, network.Status);
        Assert.Equal(Day(1), network.StartedAt);
    }

    [Fact]
    public void Full_lifecycle_runs_from_draft_to_closed()
    {
        var network = Draft();

        network.Start(Day(1));
        network.Pause(null, Day(3));
        network.Resume(Day(4));
        network.BeginEvaluation(Day(29));
        network.BeginFollowUp(Day(35));
        network.Close(Day(120));

        Assert.Equal(NetworkStatus.Closed, network.Status);
        Assert.False(network.EndedEarly);
        Assert.Equal(
            [
                (NetworkStatus.Draft, NetworkStatus.Running),
                (NetworkStatus.Running, NetworkStatus.Paused),
                (NetworkStatus.Paused, NetworkStatus.Running),
                (NetworkStatus.Running, NetworkStatus.Evaluating),
                (NetworkStatus.Evaluating, NetworkStatus.FollowUp),
                (NetworkStatus.FollowUp, NetworkStatus.Closed),
            ],
            network.History.Select(t => (t.From, t.To)));
    }

    [Theory]
    [InlineData(NetworkStatus.Running)]
    [InlineData(NetworkStatus.Paused)]
    public void Closing_early_goes_to_evaluation_with_the_reason(NetworkStatus from)
    {
        var network = In(from);

        network.CloseEarly("Temaet er løftet ind i driften.", Day(10));

        Assert.Equal(NetworkStatus.Evaluating, network.Status);
        Assert.True(network.EndedEarly);
        Assert.Equal(new NetworkTransition(from, NetworkStatus.Evaluating, Day(10), "Temaet er løftet ind i driften."), network.History[^1]);
    }

    [Fact]
    public void Early_closed_network_still_gets_its_follow_up()
    {
        var network = Running();
        network.CloseEarly("Deltagerne er gået på barsel.", Day(10));

        network.BeginFollowUp(Day(12));
        network.Close(Day(100));

        Assert.Equal(NetworkStatus.Closed, network.Status);
    }

    // ---- Contract rules ----

    [Fact]
    public void Incomplete_contract_cannot_start_and_the_message_lists_the_missing_parts()
    {
        var network = Draft(ContractSamples.Complete() with { Theme = " ", Leader = null, Participants = [] });

        var ex = Assert.Throws<DomainException>(() => network.Start(Day(1)));

        Assert.Equal("contract-incomplete", ex.Code);
        Assert.Equal(
            "Netværket kan ikke startes, før netværkskontrakten er udfyldt. Netværkskontrakten mangler: Tema, Netværksleder og Kernedeltagere.",
            ex.Message);
        Assert.Equal(NetworkStatus.Draft, network.Status);
        Assert.Empty(network.History);
    }

    [Fact]
    public void Invalid_time_frame_stops_the_start()
    {
        var network = Draft(ContractSamples.Complete() with
        {
            TimeFrame = new TimeFrame(new DateOnly(2027, 4, 1), new DateOnly(2027, 3, 1)),
        });

        var ex = Assert.Throws<DomainException>(() => network.Start(Day(1)));

        Assert.Equal("contract-incomplete", ex.Code);
        Assert.Contains("Tidsramme: Slutdatoen 1. marts 2027 ligger før startdatoen 1. april 2027.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_contract_can_be_completed_and_then_started()
    {
        var network = Draft(new NetworkContract());

        network.UpdateContract(ContractSamples.Complete());
        network.Start(Day(1));

        Assert.Equal(NetworkStatus.Running, network.Status);
    }

    [Fact]
    public void Running_network_can_get_new_participants()
    {
        var network = Running();
        var extra = new Participant(Guid.NewGuid(), "Lone Ekspert", "lone@uni.example", ParticipantKind.Expert, ParticipantRole.Peripheral);

        network.UpdateContract(network.Contract with { Participants = [.. network.Contract.Participants, extra] });

        Assert.Contains(extra, network.Contract.Participants);
    }

    [Fact]
    public void Running_network_cannot_have_its_contract_emptied()
    {
        var network = Running();

        var ex = Assert.Throws<DomainException>(() => network.UpdateContract(network.Contract with { EvaluationPlan = "" }));

        Assert.Equal("contract-incomplete", ex.Code);
        Assert.Contains("Evalueringsplan", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_network_cannot_change_type()
    {
        var network = Running();

        var ex = Assert.Throws<DomainException>(() => network.UpdateContract(network.Contract with { Type = NetworkType.Learning }));

        Assert.Equal("type-locked", ex.Code);
    }

    [Theory]
    [InlineData(NetworkStatus.Evaluating)]
    [InlineData(NetworkStatus.FollowUp)]
    [InlineData(NetworkStatus.Closed)]
    public void Contract_is_locked_from_the_evaluation_on(NetworkStatus status)
    {
        var network = In(status);

        var ex = Assert.Throws<DomainException>(() => network.UpdateContract(ContractSamples.Complete()));

        Assert.Equal("contract-locked", ex.Code);
    }

    // ---- Illegal transitions ----

    [Theory]
    [InlineData(NetworkStatus.Running, "I gang")]
    [InlineData(NetworkStatus.Paused, "Sat på pause")]
    [InlineData(NetworkStatus.Evaluating, "Evaluering")]
    [InlineData(NetworkStatus.FollowUp, "Opfølgning")]
    [InlineData(NetworkStatus.Closed, "Afsluttet")]
    public void Network_can_only_be_started_from_Draft(NetworkStatus status, string danish)
    {
        var network = In(status);

        var ex = Assert.Throws<DomainException>(() => network.Start(Day(200)));

        Assert.Equal("illegal-transition", ex.Code);
        Assert.Equal($"Netværket kan ikke gå fra »{danish}« til »I gang«.", ex.Message);
        Assert.Equal(status, network.Status);
    }

    [Fact]
    public void Draft_cannot_be_paused()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().Pause(null, Day(1)));

        Assert.Equal("illegal-transition", ex.Code);
        Assert.Equal("Netværket kan ikke gå fra »Kladde« til »Sat på pause«.", ex.Message);
    }

    [Theory]
    [InlineData(NetworkStatus.Draft)]
    [InlineData(NetworkStatus.Running)]
    [InlineData(NetworkStatus.Evaluating)]
    public void Only_a_paused_network_can_be_resumed(NetworkStatus status)
    {
        var ex = Assert.Throws<DomainException>(() => In(status).Resume(Day(200)));

        Assert.Equal("illegal-transition", ex.Code);
    }

    [Fact]
    public void Draft_cannot_go_straight_to_evaluation()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().BeginEvaluation(Day(1)));

        Assert.Equal("illegal-transition", ex.Code);
        Assert.Equal("Netværket kan ikke gå fra »Kladde« til »Evaluering«.", ex.Message);
    }

    [Fact]
    public void Paused_network_cannot_begin_its_planned_evaluation()
    {
        var network = In(NetworkStatus.Paused);

        var ex = Assert.Throws<DomainException>(() => network.BeginEvaluation(Day(29)));

        Assert.Equal("illegal-transition", ex.Code);
        Assert.Contains("afslut det før tid", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NetworkStatus.Draft)]
    [InlineData(NetworkStatus.Evaluating)]
    [InlineData(NetworkStatus.FollowUp)]
    [InlineData(NetworkStatus.Closed)]
    public void Only_running_or_paused_networks_can_close_early(NetworkStatus status)
    {
        var ex = Assert.Throws<DomainException>(() => In(status).CloseEarly("Stop", Day(200)));

        Assert.Equal("illegal-transition", ex.Code);
    }

    [Fact]
    public void Closing_early_needs_a_reason()
    {
        var network = Running();

        var ex = Assert.Throws<DomainException>(() => network.CloseEarly("  ", Day(5)));

        Assert.Equal("reason-required", ex.Code);
        Assert.Equal(NetworkStatus.Running, network.Status);
    }

    [Fact]
    public void Running_network_cannot_skip_to_follow_up_or_closed()
    {
        var network = Running();

        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => network.BeginFollowUp(Day(5))).Code);
        var ex = Assert.Throws<DomainException>(() => network.Close(Day(5)));
        Assert.Equal("Netværket kan ikke gå fra »I gang« til »Afsluttet«.", ex.Message);
    }

    [Fact]
    public void Closed_network_stays_closed()
    {
        var network = In(NetworkStatus.Closed);

        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => network.Close(Day(200))).Code);
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => network.Pause(null, Day(200))).Code);
    }

    [Fact]
    public void Transition_earlier_than_the_last_event_is_refused()
    {
        var network = Running();

        var ex = Assert.Throws<DomainException>(() => network.Pause(null, T0));

        Assert.Equal("time-out-of-order", ex.Code);
    }

    [Fact]
    public void Transition_table_allows_exactly_the_documented_moves()
    {
        var legal = new HashSet<(NetworkStatus, NetworkStatus)>
        {
            (NetworkStatus.Draft, NetworkStatus.Running),
            (NetworkStatus.Running, NetworkStatus.Paused),
            (NetworkStatus.Paused, NetworkStatus.Running),
            (NetworkStatus.Running, NetworkStatus.Evaluating),
            (NetworkStatus.Paused, NetworkStatus.Evaluating),
            (NetworkStatus.Evaluating, NetworkStatus.FollowUp),
            (NetworkStatus.FollowUp, NetworkStatus.Closed),
        };

        foreach (var from in Enum.GetValues<NetworkStatus>())
        {
            foreach (var to in Enum.GetValues<NetworkStatus>())
            {
                Assert.Equal(legal.Contains((from, to)), NetworkStatuses.CanMove(from, to));
            }
        }
    }

    // ---- From an idea ----

    [Fact]
    public void Approved_idea_becomes_a_draft_network_with_theme_type_and_forum()
    {
        var idea = Idea.Submit(Guid.NewGuid(), "Frivillighed i Albertslund", "Kortlægning af de frivillige.",
            new Person("Mette Hansen", "mette@albertslund.dk"), NetworkType.Innovation, T0);
        idea.StartReview(Day(1));
        idea.Approve(null, Day(10));

        var network = Network.FromApprovedIdea(Guid.NewGuid(), idea, Day(11));

        Assert.Equal(NetworkStatus.Draft, network.Status);
        Assert.Equal(idea.Id, network.IdeaId);
        Assert.Equal("Frivillighed i Albertslund", network.Contract.Theme);
        Assert.Equal(NetworkType.Innovation, network.Contract.Type);
        Assert.Equal(Forum.Direktoerforum, network.Contract.DecidingForum);
    }

    [Fact]
    public void Idea_that_is_not_approved_cannot_become_a_network()
    {
        var idea = Idea.Submit(Guid.NewGuid(), "Titel", "Beskrivelse", new Person("Mette", "mette@albertslund.dk"), null, T0);

        var ex = Assert.Throws<DomainException>(() => Network.FromApprovedIdea(Guid.NewGuid(), idea, Day(1)));

        Assert.Equal("idea-not-approved", ex.Code);
    }

    // ---- Serialisation ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Network_survives_a_json_round_trip(bool enumsAsStrings)
    {
        var options = new JsonSerializerOptions();
        if (enumsAsStrings)
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }

        var network = Running();
        network.Pause("Sommerferie", Day(5));
        network.CloseEarly("Temaet er løftet ind i driften.", Day(6));

        var json = JsonSerializer.Serialize(network, options);
        var back = JsonSerializer.Deserialize<Network>(json, options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, options));
        Assert.Equal(network.Id, back.Id);
        Assert.Equal(network.CreatedAt, back.CreatedAt);
        Assert.Equal(network.Contract, back.Contract);
        Assert.Equal(NetworkStatus.Evaluating, back.Status);
        Assert.True(back.EndedEarly);
        Assert.Equal(network.History, back.History);
        Assert.Equal(Day(1), back.StartedAt);
    }

    [Fact]
    public void Restored_network_continues_its_lifecycle()
    {
        var back = JsonSerializer.Deserialize<Network>(JsonSerializer.Serialize(Running()))!;

        back.BeginEvaluation(Day(29));

        Assert.Equal(NetworkStatus.Evaluating, back.Status);
    }

    [Fact]
    public void Statuses_have_Danish_names()
    {
        Assert.Equal(
            ["Kladde", "I gang", "Sat på pause", "Evaluering", "Opfølgning", "Afsluttet"],
            Enum.GetValues<NetworkStatus>().Select(s => s.DanishName()));
    }

    [Fact]
    public void An_external_participant_can_withdraw_consent_even_when_the_contract_is_locked()
    {
        var citizen = new Participant(Guid.NewGuid(), "Birthe Sørensen", "birthe@example.dk", ParticipantKind.Citizen, ParticipantRole.Peripheral,
            new Consent(T0, "Borgermøde"));
        var network = Draft(ContractSamples.Complete() with { Participants = [.. ContractSamples.Complete().Participants, citizen] });
        network.Start(Day(1));
        network.BeginEvaluation(Day(2));
        Assert.Throws<DomainException>(() => network.UpdateContract(network.Contract with { Purpose = "Nyt" }));

        Assert.True(network.WithdrawConsent(citizen.Id));

        var withdrawn = network.Contract.Participants.Single(p => p.Id == citizen.Id);
        Assert.False(withdrawn.CanBeContacted);
        Assert.False(network.WithdrawConsent(citizen.Id)); // nothing left to withdraw
        Assert.False(network.WithdrawConsent(Guid.NewGuid()));
    }
}
