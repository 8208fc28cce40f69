namespace Meetup.Data.Entities;

public class Rsvp
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int AttendeeId { get; set; }
    public Attendee? Attendee { get; set; }
    public RsvpStatus Status { get; set; }

    /// <summary>1..k among the session's waitlisted RSVPs; null otherwise.</summary>
    public int? WaitlistPosition { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// When the person themselves cancelled (manage page, "I can't come", API), UTC; null while the RSVP is active
    /// and when an organizer or an erasure cancelled it. What a late cancellation is measured by (docs/retention.md);
    /// <see cref="UpdatedAt"/> is not: other changes move it too.
    /// </summary>
    public DateTime? CancelledAt { get; set; }

    /// <summary>The hashes of its live manage links (the tokens themselves are never stored).</summary>
    public List<RsvpManageToken> ManageTokens { get; set; } = [];

    /// <summary>A short code for the door (e.g. "K7QM4X"), unique within the session; the QR code carries it too.</summary>
    public string? CheckInCode { get; set; }

    /// <summary>Answers to the event's registration questions, as JSON. Personal data.</summary>
    public string? Answers { get; set; }
}
