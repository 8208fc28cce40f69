using Meetup.Data.Entities;

namespace Meetup.Web.Features.Attendees;

/// <summary>A person in <c>GET /api/attendees</c> and the back office's people lists: who, and how many sessions they RSVP'd to or came to.</summary>
public sealed record AttendeeResource(int Id, string? Name, string? Email, int Sessions);

/// <summary><c>GET /api/attendees/{id}</c>: a person and their history across events, newest first.</summary>
public sealed record AttendeeHistoryResource(
    int Id, string? Name, string? Email, bool Erased, IReadOnlyList<string> Aliases, int Attended, IReadOnlyList<AttendeeSessionResource> Sessions)
{
    public static AttendeeHistoryResource From(AttendeeHistory h) => new(
        h.Id, h.Name, h.Email, h.ErasedAt is not null, h.Aliases, h.Attended,
        [.. h.Sessions.Select(s => new AttendeeSessionResource(
            s.SessionId, s.EventId, s.EventName, s.Title, s.StartsAt, s.Status.ToSnakeCase(),
            s.Rsvp?.ToSnakeCase(), s.CheckedIn, s.CheckInMethod?.ToSnakeCase()))]);
}

/// <summary>One session of a person's history: their RSVP status (null: none) and whether and how they checked in.</summary>
public sealed record AttendeeSessionResource(
    int SessionId, int EventId, string EventName, string Title, DateTime StartsAt, string Status, string? Rsvp, bool CheckedIn, string? CheckInMethod);

/// <summary><c>POST /api/attendees/{id}/merge</c>: the person to merge {id} into.</summary>
public sealed record MergeRequest(int? IntoAttendeeId);
