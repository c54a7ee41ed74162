namespace Netvaerk.Domain.Evaluation;

/// <summary>
/// Which cells of a breakdown may be published. A cell from fewer respondents than the threshold is withheld
/// (primary suppression); and because the total is published too, withholding one small cell alone would let
/// anyone subtract the others from the total and get it back — so further cells, smallest first, are withheld
/// until the withheld cells together hold at least the threshold (complementary suppression). What is withheld
/// can then only be recovered as a group of at least the threshold.
/// </summary>
public static class Suppression
{
    /// <summary>
    /// The indexes of the cells that may be published. Empty cells (0 respondents) carry no answer and stay
    /// publishable; if the total itself is below the threshold, nothing is.
    /// </summary>
    public static IReadOnlySet<int> Publishable(IReadOnlyList<int> respondents, int threshold)
    {
        ArgumentNullException.ThrowIfNull(respondents);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        if (respondents.Any(n => n < 0)) throw new ArgumentException("A cell cannot have fewer than 0 respondents.", nameof(respondents));
        if (respondents.Sum() < threshold) return new HashSet<int>();

        var hidden = Enumerable.Range(0, respondents.Count).Where(i => respondents[i] is > 0 && respondents[i] < threshold).ToHashSet();
        while (hidden.Count > 0 && hidden.Sum(i => respondents[i]) < threshold)
        {
            // The smallest published non-empty cell joins them; ties by position, so the result is deterministic.
            var next = Enumerable.Range(0, respondents.Count)
                .Where(i => !hidden.Contains(i) && respondents[i] > 0)
                .OrderBy(i => respondents[i]).ThenBy(i => i)
                .Select(i => (int?)i).FirstOrDefault();
            if (next is not { } index) break;
            hidden.Add(index);
        }

        return Enumerable.Range(0, respondents.Count).Where(i => !hidden.Contains(i)).ToHashSet();
    }
}
