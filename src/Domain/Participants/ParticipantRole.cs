namespace Netvaerk.Domain.Participants;

/// <summary>A participant's place in the network.</summary>
public enum ParticipantRole
{
    /// <summary>Kerne: takes part throughout.</summary>
    Core,

    /// <summary>Periferi: involved along the way.</summary>
    Peripheral,
}
