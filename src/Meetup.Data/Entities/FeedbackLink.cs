namespace Meetup.Data.Entities;

/// <summary>
/// A personal survey link sent in a thank-you email, as the SHA-256 (hex) of its token: it lets one person answer
/// the survey about one session, nothing else. Walk-ins have no RSVP (so no manage link); everyone's thank-you carries
/// one of these. The token itself is never stored (docs/design.md, "Manage links").
/// </summary>
public class FeedbackLink
{
    public long Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int AttendeeId { get; set; }
    public Attendee? Attendee { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
}
