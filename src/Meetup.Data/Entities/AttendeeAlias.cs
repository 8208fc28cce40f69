namespace Meetup.Data.Entities;

/// <summary>
/// Another address of a person, left behind when two records of the same person were merged (say, the account
/// placeholder an import created and the email they later RSVP'd with). Looking a person up by email finds
/// them by any of their addresses, so a re-import or a new RSVP does not split them again. Personal data:
/// erasing the person deletes their aliases.
/// </summary>
public class AttendeeAlias
{
    /// <summary>Normalized like <see cref="Attendee.Email"/>; never also a person's own email.</summary>
    public required string Email { get; set; }

    public int AttendeeId { get; set; }
    public Attendee? Attendee { get; set; }
    public DateTime CreatedAt { get; set; }
}
