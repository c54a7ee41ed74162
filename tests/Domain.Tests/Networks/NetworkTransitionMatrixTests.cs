using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Tests.Networks;

/// <summary>Every operation tried from every status: legal ones land in the right status, the rest are refused.</summary>
public class NetworkTransitionMatrixTests
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 20, 9, 0, 0, TimeSpan.FromHours(1));

    public enum Operation
    {
        Start,
        Pause,
        Resume,
        BeginEvaluation,
        CloseEarly,
        BeginFollowUp,
        Close,
    }

    // (from, operation) → resulting status; anything not listed is illegal.
    private static readonly Dictionary<(NetworkStatus, Operation), NetworkStatus> Legal = new()
    {
        [(NetworkStatus.Draft, Operation.Start)] = NetworkStatus.Running,
        [(NetworkStatus.Running, Operation.Pause)] = NetworkStatus.Paused,
        [(NetworkStatus.Paused, Operation.Resume)] = NetworkStatus.Running,
        [(NetworkStatus.Running, Operation.BeginEvaluation)] = NetworkStatus.Evaluating,
        [(NetworkStatus.Running, Operation.CloseEarly)] = NetworkStatus.Evaluating,
        [(NetworkStatus.Paused, Operation.CloseEarly)] = NetworkStatus.Evaluating,
        [(NetworkStatus.Evaluating, Operation.BeginFollowUp)] = NetworkStatus.FollowUp,
        [(NetworkStatus.FollowUp, Operation.Close)] = NetworkStatus.Closed,
    };

    public static TheoryData<NetworkStatus, Operation> AllCombinations()
    {
        var data = new TheoryData<NetworkStatus, Operation>();
        foreach (var status in Enum.GetValues<NetworkStatus>())
        {
            foreach (var op in Enum.GetValues<Operation>())
            {
                data.Add(status, op);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Operation_is_allowed_only_from_its_documented_statuses(NetworkStatus from, Operation op)
    {
        var network = NetworkIn(from);
        var historyBefore = network.History.Count;
        var at = T0.AddDays(300);

        if (Legal.TryGetValue((from, op), out var expected))
        {
            Apply(network, op, at);
            Assert.Equal(expected, network.Status);
            Assert.Equal(historyBefore + 1, network.History.Count);
            Assert.Equal((from, expected, at), (network.History[^1].From, network.History[^1].To, network.History[^1].At));
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => Apply(network, op, at));
            Assert.Equal("illegal-transition", ex.Code);
            Assert.Contains($"»{from.DanishName()}«", ex.Message, StringComparison.Ordinal);
            Assert.Equal(from, network.Status);
            Assert.Equal(historyBefore, network.History.Count);
        }
    }

    private static void Apply(Network network, Operation op, DateTimeOffset at)
    {
        switch (op)
        {
            case Operation.Start: network.Start(at); break;
            case Operation.Pause: network.Pause(null, at); break;
            case Operation.Resume: network.Resume(at); break;
            case Operation.BeginEvaluation: network.BeginEvaluation(at); break;
            case Operation.CloseEarly: network.CloseEarly("Temaet er løftet ind i driften.", at); break;
            case Operation.BeginFollowUp: network.BeginFollowUp(at); break;
            case Operation.Close: network.Close(at); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    private static Network NetworkIn(NetworkStatus status)
    {
        var network = Network.CreateDraft(Guid.NewGuid(), ContractSamples.Complete(), T0);
        var path = status switch
        {
            NetworkStatus.Draft => [],
            NetworkStatus.Running => [Operation.Start],
            NetworkStatus.Paused => [Operation.Start, Operation.Pause],
            NetworkStatus.Evaluating => [Operation.Start, Operation.BeginEvaluation],
            NetworkStatus.FollowUp => [Operation.Start, Operation.BeginEvaluation, Operation.BeginFollowUp],
            NetworkStatus.Closed => new[] { Operation.Start, Operation.BeginEvaluation, Operation.BeginFollowUp, Operation.Close },
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        for (var i = 0; i < path.Length; i++)
        {
            Apply(network, path[i], T0.AddDays(i + 1));
        }

        Assert.Equal(status, network.Status);
        return network;
    }
}
