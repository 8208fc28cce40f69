namespace Meetup.Data.Entities;

/// <summary>
/// An organizer's "these two are not the same person" (two namesakes, say): the pair is no longer offered as a
/// possible duplicate. Stored once per pair, the lower id first; ids only, no personal data.
/// </summary>
public class DistinctPeople
{
    public int AttendeeId { get; set; }
    public int OtherAttendeeId { get; set; }
    public DateTime CreatedAt { get; set; }

    public static DistinctPeople Pair(int one, int other, DateTime now) => new()
    {
        AttendeeId = Math.Min(one, other),
        OtherAttendeeId = Math.Max(one, other),
        CreatedAt = now,
    };
}
