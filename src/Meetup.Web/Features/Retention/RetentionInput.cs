using Meetup.Data.Entities;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// Everything the retention report of one event is computed from (docs/retention.md).
/// Plain data: the database layer fills it, <see cref="RetentionCalculator.Compute"/> reads it.
/// </summary>
public sealed record RetentionInput
{
    /// <summary>The event's time zone: slots and the <see cref="From"/>/<see cref="To"/> range are local to it.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The instant (UTC) that decides which sessions have started.</summary>
    public required DateTime Now { get; init; }

    public RetentionThresholds Thresholds { get; init; } = RetentionThresholds.Default;

    /// <summary>First local date (inclusive) of the session rows shown and summed in <c>overall</c>; null = no bound.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last local date (inclusive) of the session rows shown and summed in <c>overall</c>; null = no bound.</summary>
    public DateOnly? To { get; init; }

    /// <summary>All sessions of the event, in any order, including cancelled and upcoming ones.</summary>
    public required IReadOnlyList<RetentionSession> Sessions { get; init; }

    /// <summary>
    /// The event's people (names and emails for the attendee rows). A check-in whose attendee is
    /// missing here still counts: that row then has no name and no email.
    /// </summary>
    public required IReadOnlyList<RetentionPerson> People { get; init; }

    /// <summary>
    /// One pair per check-in, read once, in any order. Duplicates are harmless and pairs of
    /// unknown, cancelled or upcoming sessions are ignored. Arrays and lists are read fastest.
    /// </summary>
    public required IEnumerable<SessionAttendee> CheckIns { get; init; }

    /// <summary>One pair per confirmed RSVP (waitlisted and cancelled RSVPs are left out by the caller).</summary>
    public required IEnumerable<SessionAttendee> ConfirmedRsvps { get; init; }
}

/// <summary>A session as the report needs it. <see cref="StartsAt"/> is UTC.</summary>
public sealed record RetentionSession(
    int Id,
    DateTime StartsAt,
    string Title,
    SessionFormat Format,
    IReadOnlyList<string> Languages,
    SessionStatus Status)
{
    /// <summary>RSVPs the people cancelled themselves in the 24 hours before the start (<see cref="LateCancellation"/>).</summary>
    public int LateCancellations { get; init; }
}

/// <summary>A person: <see cref="Email"/> is already normalized; both are null once the person is erased.</summary>
public sealed record RetentionPerson(int AttendeeId, string? Name, string? Email);

/// <summary>A (session, attendee) pair: a check-in or a confirmed RSVP. Small on purpose: there are millions.</summary>
public readonly record struct SessionAttendee(int SessionId, int AttendeeId);

/// <summary>The organizer's definitions of "regular" and "at risk"; the defaults are the spec's.</summary>
public sealed record RetentionThresholds
{
    public static RetentionThresholds Default { get; } = new();

    /// <summary>A regular attended at least this many counted sessions…</summary>
    public int RegularMinSessions { get; init; } = 3;

    /// <summary>…and at least this share of the counted sessions since their first.</summary>
    public double RegularMinRatio { get; init; } = 0.75;

    /// <summary>At risk: a regular (until they stopped) who missed at least this many latest sessions in a row.</summary>
    public int AtRiskMissedSessions { get; init; } = 2;
}
