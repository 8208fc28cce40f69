namespace Meetup.Web.Features.Sessions;

/// <summary>
/// The fields of a session as the API and the editor send them. Date-times are text: local to the
/// event's time zone ("2026-12-16T19:30") or with an offset; <see cref="Shared.LocalTime"/> reads them.
/// </summary>
public sealed record SessionInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? StartsAt { get; init; }
    public string? EndsAt { get; init; }
    public int? DurationMinutes { get; init; }
    public string? Format { get; init; }
    public string? VenueName { get; init; }
    public string? VenueAddress { get; init; }
    public string? OnlineUrl { get; init; }
    public int? Capacity { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public string? RsvpOpensAt { get; init; }
    public string? RsvpClosesAt { get; init; }
}

public sealed record CancelInput(string? Reason);

public sealed record RepeatInput(int? Count);
