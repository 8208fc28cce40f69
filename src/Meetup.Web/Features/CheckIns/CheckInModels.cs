using System.Text.Json.Serialization;

namespace Meetup.Web.Features.CheckIns;

/// <summary>POST /api/sessions/{id}/checkins: exactly one way to name the person.</summary>
public sealed record CheckInRequest
{
    public string? ManageToken { get; init; }
    public string? Code { get; init; }
    public int? AttendeeId { get; init; }
    public string? Email { get; init; }
    public string? Name { get; init; }

    /// <summary>Optional: "qr" when the code was scanned rather than typed.</summary>
    public string? Method { get; init; }
}

public sealed record CheckInResult
{
    public required int AttendeeId { get; init; }
    public string? Name { get; init; }
    public required string Method { get; init; }
    public required DateTime CheckedInAt { get; init; }

    /// <summary>The person's RSVP for this session (confirmed, waitlisted, cancelled), or null for a walk-in.</summary>
    public string? RsvpStatus { get; init; }
    public int? WaitlistPosition { get; init; }

    [JsonIgnore]
    public bool Created { get; init; }
}

/// <summary>A person the door sees: RSVP'd or already checked in (walk-ins). No check-in code: codes are checked on the server.</summary>
public sealed record DoorPerson(int AttendeeId, string Name, string MaskedEmail, string? RsvpStatus, int? WaitlistPosition, DateTime? CheckedInAt, string? Method);

/// <summary>
/// The door's counters. <see cref="CheckedIn"/> is everyone in; of them <see cref="ConfirmedCheckedIn"/> had a seat,
/// <see cref="WaitlistedCheckedIn"/> came from the waitlist and <see cref="WalkIns"/> had no (or a cancelled) RSVP,
/// so walk-ins never count against the confirmed number.
/// </summary>
public sealed record DoorCounts(int CheckedIn, int Confirmed, int Waitlisted, long Version)
{
    public int ConfirmedCheckedIn { get; init; }
    public int WaitlistedCheckedIn { get; init; }
    public int WalkIns => CheckedIn - ConfirmedCheckedIn - WaitlistedCheckedIn;
}
