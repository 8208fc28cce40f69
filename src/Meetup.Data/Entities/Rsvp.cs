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

    /// <summary>The hashes of its live manage links (the tokens themselves are never stored).</summary>
    public List<RsvpManageToken> ManageTokens { get; set; } = [];

    /// <summary>A short code for the door (e.g. "K7QM4X"), unique within the session; the QR code carries it too.</summary>
    public string? CheckInCode { get; set; }

    /// <summary>Answers to the event's registration questions, as JSON. Personal data.</summary>
    public string? Answers { get; set; }
}
