namespace Meetup.Data.Entities;

/// <summary>The recurring meetup or study group itself, e.g. "Cloud Native Study Group Tokyo".</summary>
public class Event
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>Addresses the event had before a rename: their pages redirect here and their calendar feeds keep working.</summary>
    public List<string> PreviousSlugs { get; set; } = [];
    public string Description { get; set; } = "";
    public string TimeZone { get; set; } = DefaultTimeZone;
    public int DefaultCapacity { get; set; } = 30;
    public List<string> DefaultLanguages { get; set; } = [];
    public string? DefaultVenueName { get; set; }
    public string? DefaultVenueAddress { get; set; }
    public int CadenceWeeks { get; set; } = 2;

    // Retention thresholds (docs/retention.md defaults), per event.
    public int RegularMinSessions { get; set; } = 3;
    public double RegularMinRatio { get; set; } = 0.75;
    public int AtRiskMissedSessions { get; set; } = 2;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Session> Sessions { get; set; } = [];
    public List<RegistrationQuestion> Questions { get; set; } = [];

    public const string DefaultTimeZone = "Asia/Tokyo";
}
