namespace Netvaerk.Domain.Messages;

/// <summary>
/// The person one message is composed for. Messages are composed per recipient: the greeting uses
/// <see cref="Name"/>, and the .ics lists only this recipient as attendee (no participant sees the others'
/// addresses).
/// </summary>
/// <param name="Name">The name used in the greeting, e.g. "Anna Hansen".</param>
/// <param name="Email">The address the message goes to.</param>
/// <param name="IsExternal">A citizen, company, knowledge institution or other non-employee.</param>
/// <param name="UnsubscribeUrl">The recipient's personal unsubscribe link; required for external recipients.</param>
public sealed record Recipient(string Name, string Email, bool IsExternal = false, string? UnsubscribeUrl = null);
