using System.Text.Json.Serialization;

namespace Netvaerk.Domain.Networks;

/// <summary>
/// A network's planned period, both dates inclusive. An end before the start is allowed to exist (a contract is
/// filled in bit by bit) but is reported by <see cref="NetworkContract.Check"/>.
/// </summary>
public sealed record TimeFrame(DateOnly Start, DateOnly End)
{
    /// <summary>A time frame of <paramref name="duration"/> from <paramref name="start"/>.</summary>
    public static TimeFrame FromDuration(DateOnly start, NetworkDuration duration)
    {
        ArgumentNullException.ThrowIfNull(duration);
        return new TimeFrame(start, duration.AddTo(start));
    }

    /// <summary>The typical time frame of a network of <paramref name="type"/> starting on <paramref name="start"/>.</summary>
    public static TimeFrame Typical(DateOnly start, NetworkType type) =>
        FromDuration(start, NetworkTypeProfiles.For(type).Duration);

    /// <summary>The end is not before the start.</summary>
    [JsonIgnore]
    public bool IsValid => End >= Start;
}
