using Netvaerk.Domain.Networks;

namespace Netvaerk.Domain.Messages;

/// <summary>What a message needs to know about the network it is sent for.</summary>
/// <param name="Id">The network id; part of the calendar UID, so it must be stable.</param>
/// <param name="Name">The network's theme, e.g. "Frivillighed i Albertslund".</param>
/// <param name="Type">The network type.</param>
/// <param name="LeaderName">The network leader's name (signs participant messages, CN of the ORGANIZER).</param>
/// <param name="LeaderEmail">The network leader's address (shown as contact in participant messages).</param>
/// <param name="OrganizerEmail">The ORGANIZER address of the calendar invitations (where RSVPs go).</param>
/// <param name="PageUrl">Optional link to the network's page (e.g. where the leader registers involvement).</param>
public sealed record NetworkSummary(
    string Id,
    string Name,
    NetworkType Type,
    string LeaderName,
    string LeaderEmail,
    string OrganizerEmail,
    string? PageUrl = null);
