namespace Meetup.Web.Features.Events;

/// <summary>The event resource of the JSON API (docs/api.md).</summary>
public sealed record EventResource(
    int Id,
    string Name,
    string Slug,
    string TimeZone,
    string Description,
    int DefaultCapacity,
    IReadOnlyList<string> DefaultLanguages,
    int CadenceWeeks,
    string PublicUrl,
    string CalendarUrl)
{
    public string? DefaultVenueName { get; init; }
    public string? DefaultVenueAddress { get; init; }
    public int RegularMinSessions { get; init; } = 3;
    public double RegularMinRatio { get; init; } = 0.75;
    public int AtRiskMissedSessions { get; init; } = 2;
}

/// <summary>One event on the organizer's overview, with the figures that tell whether it is alive.</summary>
public sealed record EventSummary(
    int Id,
    string Name,
    string Slug,
    string TimeZone,
    IReadOnlyList<string> Languages,
    int HeldSessions,
    int UpcomingSessions,
    int DraftSessions,
    int UniqueAttendees,
    DateTime? LastSessionAt,
    int? LastSessionAttendance,
    DateTime? NextSessionAt,
    string? NextSessionTitle);
