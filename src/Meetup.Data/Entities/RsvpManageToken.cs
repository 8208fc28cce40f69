namespace Meetup.Data.Entities;

/// <summary>
/// One live manage link of an RSVP, as the SHA-256 (hex) of its token; the token itself is never stored. Sending
/// the link again adds one rather than replacing the link the person holds; the newest few are kept.
/// </summary>
public class RsvpManageToken
{
    public long Id { get; set; }
    public int RsvpId { get; set; }
    public Rsvp? Rsvp { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
}
