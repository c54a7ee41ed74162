using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Ideas;

/// <summary>Every operation tried from every status: legal ones land in the right status, the rest are refused.</summary>
public class IdeaTransitionMatrixTests
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));

    public enum Operation
    {
        StartReview,
        RouteForDecision,
        RequestInfo,
        ProvideInfo,
        Approve,
        Reject,
    }

    // (from, operation) → resulting status; anything not listed is illegal.
    private static readonly Dictionary<(IdeaStatus, Operation), IdeaStatus> Legal = new()
    {
        [(IdeaStatus.Submitted, Operation.StartReview)] = IdeaStatus.InReview,
        [(IdeaStatus.Submitted, Operation.RouteForDecision)] = IdeaStatus.InReview,
        [(IdeaStatus.InReview, Operation.RouteForDecision)] = IdeaStatus.InReview,
        [(IdeaStatus.InReview, Operation.RequestInfo)] = IdeaStatus.NeedsInfo,
        [(IdeaStatus.InReview, Operation.Approve)] = IdeaStatus.Approved,
        [(IdeaStatus.InReview, Operation.Reject)] = IdeaStatus.Rejected,
        [(IdeaStatus.NeedsInfo, Operation.ProvideInfo)] = IdeaStatus.InReview,
    };

    public static TheoryData<IdeaStatus, Operation> AllCombinations()
    {
        var data = new TheoryData<IdeaStatus, Operation>();
        foreach (var status in Enum.GetValues<IdeaStatus>())
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
    public void Operation_is_allowed_only_from_its_documented_statuses(IdeaStatus from, Operation op)
    {
        var idea = IdeaIn(from);
        var historyBefore = idea.History.Count;
        var at = T0.AddDays(30);

        if (Legal.TryGetValue((from, op), out var expected))
        {
            Apply(idea, op, at);
            Assert.Equal(expected, idea.Status);
            Assert.Equal(historyBefore + 1, idea.History.Count);
            Assert.Equal((from, expected, at), (idea.History[^1].From, idea.History[^1].To, idea.History[^1].At));
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => Apply(idea, op, at));
            Assert.Equal("illegal-transition", ex.Code);
            Assert.Contains($"»{from.DanishName()}«", ex.Message, StringComparison.Ordinal);
            Assert.Equal(from, idea.Status);
            Assert.Equal(historyBefore, idea.History.Count);
        }
    }

    private static void Apply(Idea idea, Operation op, DateTimeOffset at)
    {
        switch (op)
        {
            case Operation.StartReview: idea.StartReview(at); break;
            case Operation.RouteForDecision: idea.RouteForDecision(Forum.Direktoerforum, at); break;
            case Operation.RequestInfo: idea.RequestInfo("Hvem er målgruppen?", at); break;
            case Operation.ProvideInfo: idea.ProvideInfo(at); break;
            case Operation.Approve: idea.Approve(null, at); break;
            case Operation.Reject: idea.Reject("Ikke nu.", at); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    private static Idea IdeaIn(IdeaStatus status)
    {
        var idea = Idea.Submit(Guid.NewGuid(), "Titel", "Beskrivelse", new Person("Mette", "mette@albertslund.dk"), NetworkType.Welfare, T0);
        if (status == IdeaStatus.Submitted)
        {
            return idea;
        }

        idea.StartReview(T0.AddDays(1));
        switch (status)
        {
            case IdeaStatus.NeedsInfo: idea.RequestInfo("Mere, tak.", T0.AddDays(2)); break;
            case IdeaStatus.Approved: idea.Approve(null, T0.AddDays(2)); break;
            case IdeaStatus.Rejected: idea.Reject("Nej tak.", T0.AddDays(2)); break;
        }

        Assert.Equal(status, idea.Status);
        return idea;
    }
}
