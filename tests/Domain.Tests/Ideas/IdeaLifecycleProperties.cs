using FsCheck.Xunit;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Tests.Ideas;

public class IdeaLifecycleProperties
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Runs a random sequence of operations; illegal ones must throw and leave the idea unchanged.</summary>
    [Property(MaxTest = 300)]
    public bool Any_sequence_of_operations_keeps_the_history_a_legal_chain(byte[] operations)
    {
        var idea = Idea.Submit(Guid.NewGuid(), "Titel", "Beskrivelse", new Person("Mette", "mette@albertslund.dk"), NetworkType.Welfare, T0);
        var at = T0;

        foreach (var op in operations ?? [])
        {
            at = at.AddHours(1);
            var before = (idea.Status, idea.History.Count);
            try
            {
                Apply(idea, op % 7, at);
            }
            catch (DomainException)
            {
                if ((idea.Status, idea.History.Count) != before)
                {
                    return false;
                }
            }
        }

        var status = IdeaStatus.Submitted;
        foreach (var step in idea.History)
        {
            var legal = step.From == status
                && (IdeaStatuses.CanMove(step.From, step.To) || (step.From == IdeaStatus.InReview && step.To == IdeaStatus.InReview));
            if (!legal)
            {
                return false;
            }

            status = step.To;
        }

        return status == idea.Status;
    }

    private static void Apply(Idea idea, int op, DateTimeOffset at)
    {
        switch (op)
        {
            case 0: idea.StartReview(at); break;
            case 1: idea.RouteForDecision(Forum.Direktoerforum, at); break;
            case 2: idea.RequestInfo("Mere, tak.", at); break;
            case 3: idea.ProvideInfo(at); break;
            case 4: idea.Approve(null, at); break;
            case 5: idea.Reject("Nej tak.", at); break;
            default: idea.Reject(" ", at); break;
        }
    }
}
