using System.Globalization;
using System.Text.Json;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Networks;

public class NetworkContractTests
{
    public static TheoryData<string, string> EmptyParts => new()
    {
        { "theme", "Tema" },
        { "purpose", "Formål" },
        { "type", "Netværkstype" },
        { "mandate", "Mandat" },
        { "expected-output", "Forventet output" },
        { "expected-outcome", "Forventet outcome" },
        { "leader", "Netværksleder" },
        { "deciding-forum", "Beslutningsforum" },
        { "core-participants", "Kernedeltagere" },
        { "time-frame", "Tidsramme" },
        { "involvement-plan", "Plan for borger- og interessentinddragelse" },
        { "evaluation-plan", "Evalueringsplan" },
    };

    private static NetworkContract Without(string key) => key switch
    {
        "theme" => ContractSamples.Complete() with { Theme = null },
        "purpose" => ContractSamples.Complete() with { Purpose = null },
        "type" => ContractSamples.Complete() with { Type = null },
        "mandate" => ContractSamples.Complete() with { Mandate = null },
        "expected-output" => ContractSamples.Complete() with { ExpectedOutput = null },
        "expected-outcome" => ContractSamples.Complete() with { ExpectedOutcome = null },
        "leader" => ContractSamples.Complete() with { Leader = null },
        "deciding-forum" => ContractSamples.Complete() with { DecidingForum = null },
        "core-participants" => ContractSamples.Complete() with { Participants = [] },
        "time-frame" => ContractSamples.Complete() with { TimeFrame = null },
        "involvement-plan" => ContractSamples.Complete() with { InvolvementPlan = null },
        "evaluation-plan" => ContractSamples.Complete() with { EvaluationPlan = null },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    [Fact]
    public void Filled_in_contract_is_complete()
    {
        var check = ContractSamples.Complete().Check();

        Assert.True(check.IsComplete);
        Assert.Empty(check.Problems);
        Assert.Equal(string.Empty, check.DanishSummary);
    }

    [Theory]
    [MemberData(nameof(EmptyParts))]
    public void Each_missing_part_is_named_by_key_and_Danish_label(string key, string label)
    {
        var check = Without(key).Check();

        Assert.False(check.IsComplete);
        var problem = Assert.Single(check.Problems);
        Assert.Equal((key, label, ContractProblemKind.Missing), (problem.Key, problem.Label, problem.Kind));
        Assert.Contains(label, check.DanishSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_contract_names_every_part_in_contract_order()
    {
        var check = new NetworkContract().Check();

        Assert.Equal(ContractPart.All.Select(p => p.Key), check.Keys);
        Assert.Equal(ContractPart.All.Select(p => p.Label), check.Problems.Select(p => p.Label));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Whitespace_only_text_counts_as_missing(string blank)
    {
        var contract = ContractSamples.Complete() with
        {
            Theme = blank,
            Purpose = blank,
            Mandate = blank,
            ExpectedOutput = blank,
            ExpectedOutcome = blank,
            InvolvementPlan = blank,
            EvaluationPlan = blank,
        };

        Assert.Equal(
            ["theme", "purpose", "mandate", "expected-output", "expected-outcome", "involvement-plan", "evaluation-plan"],
            contract.Check().Keys);
    }

    [Fact]
    public void Only_peripheral_participants_means_core_participants_are_missing()
    {
        var contract = ContractSamples.Complete() with { Participants = [ContractSamples.PeripheralCitizen()] };

        var problem = Assert.Single(contract.Check().Problems);

        Assert.Equal("core-participants", problem.Key);
        Assert.Equal("Der er ingen kernedeltagere.", problem.Message);
    }

    [Fact]
    public void End_date_before_start_date_is_reported_as_invalid_time_frame()
    {
        var contract = ContractSamples.Complete() with
        {
            TimeFrame = new TimeFrame(new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 1)),
        };

        var check = contract.Check();

        var problem = Assert.Single(check.Problems);
        Assert.Equal(("time-frame", "Tidsramme", ContractProblemKind.Invalid), (problem.Key, problem.Label, problem.Kind));
        Assert.Equal("Slutdatoen 1. marts 2027 ligger før startdatoen 5. marts 2027.", problem.Message);
        Assert.Equal("Tidsramme: Slutdatoen 1. marts 2027 ligger før startdatoen 5. marts 2027.", check.DanishSummary);
    }

    [Theory]
    [InlineData(NetworkType.Welfare, "2027-03-01", "2027-03-01")] // a day for four weeks' work
    [InlineData(NetworkType.Welfare, "2027-03-01", "2028-03-01")] // a year for a four-week network
    [InlineData(NetworkType.Learning, "2027-03-01", "2027-04-01")]
    [InlineData(NetworkType.Innovation, "2027-03-01", "2027-06-01")]
    [InlineData(NetworkType.Innovation, "2027-03-01", "2029-09-01")]
    public void A_time_frame_that_contradicts_the_type_is_named_by_the_check(NetworkType type, string start, string end)
    {
        var contract = ContractSamples.Complete() with
        {
            Type = type,
            TimeFrame = new TimeFrame(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture)),
        };

        var problem = Assert.Single(contract.Check().Problems);
        Assert.Equal("time-frame", problem.Key);
        Assert.Equal(ContractProblemKind.Invalid, problem.Kind);
        Assert.Contains("passer ikke til et", problem.Message, StringComparison.Ordinal);
        Assert.Contains("vælg en slutdato mellem", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NetworkType.Welfare, "2027-03-01", "2027-03-29")]
    [InlineData(NetworkType.Welfare, "2027-03-01", "2027-03-22")]
    [InlineData(NetworkType.Learning, "2027-03-01", "2027-09-01")]
    [InlineData(NetworkType.Innovation, "2027-03-01", "2028-03-01")]
    public void A_time_frame_that_fits_the_type_is_complete(NetworkType type, string start, string end)
    {
        var contract = ContractSamples.Complete() with
        {
            Type = type,
            TimeFrame = new TimeFrame(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture)),
        };

        Assert.True(contract.Check().IsComplete, contract.Check().DanishSummary);
    }

    [Fact]
    public void Summary_lists_missing_parts_in_Danish()
    {
        var contract = ContractSamples.Complete() with { Theme = " ", Purpose = null, EvaluationPlan = "" };

        Assert.Equal("Netværkskontrakten mangler: Tema, Formål og Evalueringsplan.", contract.Check().DanishSummary);
    }

    [Theory]
    [InlineData(NetworkType.Innovation, Forum.Direktoerforum)]
    [InlineData(NetworkType.Welfare, Forum.Chefforum)]
    [InlineData(NetworkType.Learning, Forum.Chefforum)]
    public void Contract_for_a_type_starts_with_the_types_default_forum(NetworkType type, Forum forum)
    {
        var contract = NetworkContract.ForType(type);

        Assert.Equal((type, forum), (contract.Type, contract.DecidingForum));
    }

    [Fact]
    public void Core_participants_are_the_participants_in_the_core_role()
    {
        var contract = ContractSamples.Complete();

        Assert.Equal(2, contract.CoreParticipants.Count);
        Assert.All(contract.CoreParticipants, p => Assert.Equal(ParticipantRole.Core, p.Role));
    }

    [Fact]
    public void Contract_survives_a_json_round_trip_with_value_equality()
    {
        var contract = ContractSamples.Complete();

        var back = JsonSerializer.Deserialize<NetworkContract>(JsonSerializer.Serialize(contract));

        Assert.Equal(contract, back);
        Assert.NotSame(contract.Participants, back!.Participants);
    }
}
