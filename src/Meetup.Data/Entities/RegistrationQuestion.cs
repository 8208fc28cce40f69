namespace Meetup.Data.Entities;

/// <summary>
/// A question the organizer asks everyone who RSVPs to the event's sessions ("Which track?",
/// "Dietary needs"). Answers are stored on the <see cref="Rsvp"/> as a snapshot with the prompt,
/// so editing the questions later never rewrites what people answered.
/// </summary>
public class RegistrationQuestion
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int Position { get; set; }
    public required string Prompt { get; set; }
    public QuestionKind Kind { get; set; } = QuestionKind.ShortText;

    /// <summary>The choices of a <see cref="QuestionKind.SingleChoice"/> question; empty otherwise.</summary>
    public List<string> Options { get; set; } = [];

    public bool Required { get; set; }
    public DateTime CreatedAt { get; set; }
}
