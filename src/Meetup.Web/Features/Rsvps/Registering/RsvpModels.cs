using System.Text.Json.Serialization;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>An RSVP as the public form and the API send it. Answers are keyed by question id.</summary>
public sealed record RsvpInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Language { get; init; }
    public Dictionary<string, string?>? Answers { get; init; }

    /// <summary>Also follow the group: the confirmation email asks to confirm it (double opt-in), unless already following.</summary>
    public bool? Subscribe { get; init; }
}

/// <summary>
/// The answer to POST /api/sessions/{id}/rsvps. The manage token and link (and the check-in code) are present
/// only for a new RSVP of a new person (201): for a known email, a new RSVP (201) or the same one again (200),
/// they are emailed to the person instead, never shown to whoever typed the address.
/// </summary>
public sealed record RsvpOutcome
{
    public required string Status { get; init; }
    public int? WaitlistPosition { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ManageToken { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ManageUrl { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CheckInCode { get; init; }

    [JsonIgnore]
    public bool Created { get; init; }
}

/// <summary>What the manage link shows: GET /api/rsvps/{manageToken}.</summary>
public sealed record RsvpDetails
{
    public required int SessionId { get; init; }
    public required string EventName { get; init; }
    public required string SessionTitle { get; init; }
    public required string SessionStatus { get; init; }
    public required DateTime StartsAt { get; init; }
    public required DateTime EndsAt { get; init; }
    public required string TimeZone { get; init; }
    public required string Format { get; init; }
    public string? VenueName { get; init; }
    public string? VenueAddress { get; init; }
    public string? CancelReason { get; init; }
    public required string Status { get; init; }
    public int? WaitlistPosition { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? Language { get; init; }
    public string? CheckInCode { get; init; }
    public required IReadOnlyList<AnswerSnapshot> Answers { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required bool CheckedIn { get; init; }
    public required string ManageUrl { get; init; }
    public required string SessionUrl { get; init; }

    /// <summary>Whether the Join button works now (confirmed, online or hybrid, within the session window).</summary>
    public required bool CanJoin { get; init; }

    /// <summary>Online or hybrid: a Join button appears for confirmed people during the session.</summary>
    public required bool HasOnlineJoin { get; init; }

    /// <summary>Whether RSVP is open now (a cancelled RSVP may be renewed on the session's form).</summary>
    public required bool RsvpOpen { get; init; }
}

/// <summary>A row of the organizer's list: GET /api/sessions/{id}/rsvps.</summary>
public sealed record RsvpListItem
{
    public required int RsvpId { get; init; }
    public required int AttendeeId { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public required string Status { get; init; }
    public int? WaitlistPosition { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required bool CheckedIn { get; init; }
    public string? CheckInCode { get; init; }
    public string? Language { get; init; }
    public required IReadOnlyList<AnswerSnapshot> Answers { get; init; }
}

public sealed record RsvpUpdateInput(string? Name, string? Language);

public sealed record ResendInput(string? Email);
