namespace Meetup.Data.Entities;

/// <summary>
/// A person who RSVPs or attends. Their personal data lives only in <see cref="Email"/>,
/// <see cref="DisplayName"/>, <see cref="Rsvp.Answers"/> and <see cref="Aliases"/>: erasing those erases them,
/// while their anonymous check-ins keep the aggregate figures true.
/// </summary>
public class Attendee
{
    public int Id { get; set; }

    /// <summary>Normalized (NFKC, trimmed, lower-case); unique; null once erased.</summary>
    public string? Email { get; set; }

    public string? DisplayName { get; set; }
    public string? PreferredLanguage { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ErasedAt { get; set; }

    public List<Rsvp> Rsvps { get; set; } = [];
    public List<CheckIn> CheckIns { get; set; } = [];

    /// <summary>Their other addresses, from merges.</summary>
    public List<AttendeeAlias> Aliases { get; set; } = [];
}
