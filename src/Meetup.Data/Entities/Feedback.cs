namespace Meetup.Data.Entities;

/// <summary>
/// One person's answer to the survey after one session (unique per session and person; a second answer replaces the
/// first). Personal data lives only in <see cref="NextTopic"/> and <see cref="Comment"/>: erasure blanks those and
/// keeps the rest, anonymous, like check-ins.
/// </summary>
public class Feedback
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int AttendeeId { get; set; }
    public Attendee? Attendee { get; set; }

    /// <summary>1–5.</summary>
    public int Overall { get; set; }

    /// <summary>"I understood the content", 1–5.</summary>
    public int Understanding { get; set; }

    public FeedbackPace Pace { get; set; }
    public FeedbackLength Length { get; set; }
    public FeedbackComeNext ComeNext { get; set; }

    /// <summary>"What should the next session cover?" (at most <see cref="NextTopicMaxLength"/> characters).</summary>
    public string? NextTopic { get; set; }

    /// <summary>A free comment (at most <see cref="CommentMaxLength"/> characters).</summary>
    public string? Comment { get; set; }

    /// <summary>The language code (en, ja, zh) it was written in.</summary>
    public required string Language { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int NextTopicMaxLength = 500;
    public const int CommentMaxLength = 2000;
}
