namespace Netvaerk.Domain.Calendar;

/// <summary>
/// The dates the system plans within. The Danish calendar needs a Gregorian Easter (from 1583) and a timeline reaches
/// well over a year past its day 0, so dates far outside a working life are refused at the edge rather than left to
/// overflow somewhere inside.
/// </summary>
public static class PlanningWindow
{
    public static DateOnly First { get; } = new(2000, 1, 1);

    public static DateOnly Last { get; } = new(2099, 12, 31);

    /// <summary>How far ahead a network may be started: its timeline and follow-up must stay plannable.</summary>
    public const int MaxYearsAhead = 2;

    public static bool Contains(DateOnly date) => date >= First && date <= Last;
}
