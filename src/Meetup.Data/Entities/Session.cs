namespace Meetup.Data.Entities;

/// <summary>One dated study session of an event. Instants are UTC; shown in the event's time zone.</summary>
public class Session
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public SessionFormat Format { get; set; } = SessionFormat.InPerson;
    public string? VenueName { get; set; }
    public string? VenueAddress { get; set; }
    public string? OnlineUrl { get; set; }
    public int Capacity { get; set; }
    public List<string> Languages { get; set; } = [];
    public DateTime? RsvpOpensAt { get; set; }
    public DateTime? RsvpClosesAt { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Draft;
    public string? CancelReason { get; set; }

    /// <summary>iCalendar SEQUENCE: grows whenever attendees must learn of a change.</summary>
    public int Sequence { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<Rsvp> Rsvps { get; set; } = [];
    public List<CheckIn> CheckIns { get; set; } = [];
}
