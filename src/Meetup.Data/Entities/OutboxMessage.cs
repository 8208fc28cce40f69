namespace Meetup.Data.Entities;

/// <summary>
/// One email to send, written in the same transaction as the change it reports, so nothing is
/// lost when SMTP is down or the app restarts. A background sender claims due rows atomically
/// (<see cref="ClaimToken"/>, <see cref="ClaimedUntil"/>), renders them once into
/// <see cref="Subject"/>/<see cref="TextBody"/>/<see cref="HtmlBody"/>/<see cref="Attachments"/>
/// (so retries send the same message) and retries with exponential backoff.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>Unique: the same logical notification is never enqueued twice.</summary>
    public required string DedupeKey { get; set; }

    public required string Recipient { get; set; }

    /// <summary>The culture the message is written in (the attendee's preferred language).</summary>
    public string Culture { get; set; } = "en";

    /// <summary>JSON facts of the event being reported (status, position at the time…).</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>
    /// A manage token, encrypted with Data Protection. The rendered body holds a placeholder in its place, filled in
    /// only in the message handed to SMTP; cleared once sent or given up. No plain token is ever stored.
    /// </summary>
    public string? Secret { get; set; }

    public int? SessionId { get; set; }
    public int? RsvpId { get; set; }
    public int? AttendeeId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the message may go out (later than creation for reminders and thank-yous).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>When the sender may try next; null once sent or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public int Attempts { get; set; }
    public string? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }

    public string? Subject { get; set; }
    public string? TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>JSON list of {fileName, contentType, contentId, base64}.</summary>
    public string? Attachments { get; set; }
}
