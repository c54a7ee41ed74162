namespace Netvaerk.Domain.Networks;

/// <summary>The unit of a <see cref="NetworkDuration"/>.</summary>
public enum DurationUnit
{
    Weeks,
    Months,
}

/// <summary>
/// The typical length of a network: a Danish text for people ("Ca. 4 uger, intensivt") and a calendar amount
/// for the machine. Months are calendar months, not 30-day blocks, so a six-month network started on
/// 31 January ends on 31 July.
/// </summary>
public sealed record NetworkDuration(string Text, int Amount, DurationUnit Unit)
{
    /// <summary>The date <see cref="Amount"/> weeks or months after <paramref name="start"/>.</summary>
    public DateOnly AddTo(DateOnly start) => Unit switch
    {
        DurationUnit.Weeks => start.AddDays(7 * Amount),
        DurationUnit.Months => start.AddMonths(Amount),
        _ => throw new InvalidOperationException($"Ukendt tidsenhed: {Unit}."),
    };
}
