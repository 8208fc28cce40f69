namespace Meetup.Data.Entities;

/// <summary>
/// A person following a study group (an <see cref="Event"/>) to hear of its new sessions. Double opt-in: the row is
/// <see cref="SubscriptionStatus.Pending"/> until its confirmation link is used; an unsubscribe stays until the person
/// confirms a new follow request themselves (an RSVP never undoes it). Unique per (event, person).
/// </summary>
public class Subscription
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int AttendeeId { get; set; }
    public Attendee? Attendee { get; set; }
    public SubscriptionStatus Status { get; set; }

    /// <summary>The language their emails are written in (null: English).</summary>
    public string? Language { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When <see cref="Status"/> last changed.</summary>
    public DateTime Since { get; set; }

    /// <summary>When the follow was last confirmed (null: never, or before this was recorded).</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>When the follow last ended; cleared by a later confirmation.</summary>
    public DateTime? UnsubscribedAt { get; set; }

    public List<SubscriptionLink> Links { get; set; } = [];
}
