namespace Meetup.Web.Features.Sessions;

/// <summary>The session resource of the JSON API (docs/api.md); instants in UTC.</summary>
public sealed record SessionResource
{
    public required int Id { get; init; }
    public required int EventId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Status { get; init; }
    public required DateTime StartsAt { get; init; }
    public required DateTime EndsAt { get; init; }
    public required string TimeZone { get; init; }
    public required string Format { get; init; }
    public string? VenueName { get; init; }
    public string? VenueAddress { get; init; }
    public string? OnlineUrl { get; init; }
    public required int Capacity { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public DateTime? RsvpOpensAt { get; init; }
    public DateTime? RsvpClosesAt { get; init; }
    public string? CancelReason { get; init; }
    public required int Sequence { get; init; }
    public required int ConfirmedCount { get; init; }
    public required int WaitlistCount { get; init; }
    public required string PublicUrl { get; init; }
    public required string CalendarUrl { get; init; }
}

/// <summary>One session on the organizer's month calendar, at its event's local time.</summary>
public sealed record CalendarEntry(int Id, string Title, string EventName, DateTime LocalStart, string Status);
