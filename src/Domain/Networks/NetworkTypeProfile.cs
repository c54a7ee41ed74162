namespace Netvaerk.Domain.Networks;

/// <summary>
/// What characterises one network type, in the municipality's own (Danish) words: see "De tre typer af netværk"
/// and the network strategy. Used by the type guide, the idea form and the leader's onboarding.
/// </summary>
/// <param name="Type">The network type.</param>
/// <param name="DanishName">E.g. "Velfærdsnetværk".</param>
/// <param name="Focus">What the type works on.</param>
/// <param name="DecidingForum">The forum that decides networks of this type by default (configurable per network).</param>
/// <param name="Duration">The typical duration.</param>
/// <param name="Actors">Who typically takes part.</param>
/// <param name="StrategicTarget">The strategy's target for the type's first year.</param>
/// <param name="ChooseIf">"Vælg denne type, hvis …".</param>
public sealed record NetworkTypeProfile(
    NetworkType Type,
    string DanishName,
    string Focus,
    Forum DecidingForum,
    NetworkDuration Duration,
    string Actors,
    string StrategicTarget,
    string ChooseIf);
