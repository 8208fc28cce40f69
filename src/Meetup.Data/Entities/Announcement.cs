namespace Meetup.Data.Entities;

/// <summary>
/// An organizer's email about a published <see cref="Session"/> to the event's active followers, narrowed by
/// <see cref="Audience"/>. Recipients are chosen when it is sent (<see cref="SendAt"/>), not when it is written; the
/// sender claims it by setting <see cref="SentAt"/> with a conditional update, so nobody is emailed twice.
/// </summary>
public class Announcement
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public AnnouncementAudience Audience { get; set; }

    /// <summary>The organizer's subject; null: the default ("New session: {title}, {date}") in each person's language.</summary>
    public string? Subject { get; set; }

    /// <summary>The organizer's personal line, plain text (never markup).</summary>
    public string? Message { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When it goes out (the creation time when not scheduled).</summary>
    public DateTime SendAt { get; set; }

    /// <summary>When the sender claimed it and chose its recipients (those following by then); null until then.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>When every recipient's email was queued (the last chunk written); null while the send is under way or was interrupted.</summary>
    public DateTime? CompletedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public List<AnnouncementRecipient> Recipients { get; set; } = [];
}

/// <summary>One person an <see cref="Announcement"/> was sent to; unique per (announcement, person).</summary>
public class AnnouncementRecipient
{
    public long Id { get; set; }
    public int AnnouncementId { get; set; }
    public Announcement? Announcement { get; set; }
    public int AttendeeId { get; set; }
    public Attendee? Attendee { get; set; }
}
