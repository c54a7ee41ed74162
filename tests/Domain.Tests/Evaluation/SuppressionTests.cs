using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Netvaerk.Domain.Evaluation;

namespace Netvaerk.Domain.Tests.Evaluation;

public class SuppressionTests
{
    [Fact]
    public void Cells_at_the_threshold_are_published() =>
        Assert.Equal([0, 1], Suppression.Publishable([5, 7], 5).Order());

    [Fact]
    public void A_small_cell_takes_the_next_smallest_with_it_so_the_total_cannot_give_it_back()
    {
        // 12 employees, 3 citizens, 6 others, total 21 published: hiding only the citizens would leave 21 - 12 - 6 = 3.
        var publishable = Suppression.Publishable([12, 3, 6], 5);
        Assert.Equal([0], publishable.Order());
    }

    [Fact]
    public void Two_small_cells_that_together_reach_the_threshold_hide_only_themselves() =>
        Assert.Equal([0], Suppression.Publishable([20, 3, 2], 5).Order());

    [Fact]
    public void Empty_cells_carry_no_answer_and_are_not_used_to_cover_a_small_one()
    {
        // 0 can cover nothing: hiding the empty cell with the 4 would still leave 4 recoverable.
        var publishable = Suppression.Publishable([0, 4, 9], 5);
        Assert.DoesNotContain(1, publishable);
        Assert.DoesNotContain(2, publishable);
        Assert.Contains(0, publishable);
    }

    [Fact]
    public void A_total_below_the_threshold_publishes_nothing() =>
        Assert.Empty(Suppression.Publishable([2, 2], 5));

    [Fact]
    public void Differencing_two_breakdowns_of_the_same_people_gives_no_small_group_back()
    {
        // One table by group; the other is the same question for all. The attacker subtracts the published
        // groups from the published total: what is left must be no group at all, or one of at least 5.
        int[] groups = [30, 1, 6];
        var publishable = Suppression.Publishable(groups, 5);
        var left = groups.Sum() - publishable.Sum(i => groups[i]);
        Assert.True(left == 0 || left >= 5, $"{left} respondents could be recovered by subtraction");
    }

    /// <summary>
    /// Whatever the cells: every published cell rests on at least the threshold (or on nobody), and what the
    /// published total minus the published cells leaves is nobody or at least the threshold.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property No_published_or_recoverable_figure_rests_on_fewer_than_the_threshold() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 12)).Where(l => l.Count is > 0 and < 8).ToArbitrary(),
            Gen.Choose(2, 8).ToArbitrary(),
            (cells, threshold) =>
            {
                var list = cells.ToArray();
                var publishable = Suppression.Publishable(list, threshold);
                var total = list.Sum();
                if (total < threshold) return publishable.Count == 0;
                var left = total - publishable.Sum(i => list[i]);
                return publishable.All(i => list[i] == 0 || list[i] >= threshold) && (left == 0 || left >= threshold);
            });
}
