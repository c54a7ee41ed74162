using Netvaerk.Domain.Calendar;

namespace Netvaerk.Domain.Timelines;

/// <summary>
/// A planned meeting. <see cref="Sequence"/> is the iCalendar SEQUENCE: it grows each time the meeting moves or
/// is cancelled, so calendar clients replace the earlier invitation.
/// </summary>
public sealed record Meeting(
    string Id,
    int Number,
    MeetingKind Kind,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string Place,
    int Sequence,
    bool Cancelled)
{
    public DateTimeOffset StartsAt => CopenhagenTime.At(Date, Start);

    public DateTimeOffset EndsAt => CopenhagenTime.At(Date, End);
}
