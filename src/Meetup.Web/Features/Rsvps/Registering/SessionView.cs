using Meetup.Data.Entities;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// A session as its attendees see it, in UTC with its event's time zone: the one projection behind the RSVP form
/// (<see cref="RsvpQueries"/>) and the manage link (<see cref="Manage.RsvpManageService"/>). Never the online link: that
/// only the Join redirect reads.
/// </summary>
public sealed record SessionView(
    int Id, string EventName, string EventSlug, string Title, SessionStatus Status, DateTime StartsAt, DateTime EndsAt,
    string TimeZone, SessionFormat Format, string? VenueName, string? VenueAddress, string? CancelReason,
    IReadOnlyList<string> Languages, int Capacity, DateTime? RsvpOpensAt, DateTime? RsvpClosesAt)
{
    /// <summary>Online or hybrid: confirmed people get a Join button during the session.</summary>
    public bool HasOnlineJoin => Format is SessionFormat.Online or SessionFormat.Hybrid;

    public static SessionView Of(Session s, string eventName, string eventSlug, string timeZone) => new(
        s.Id, eventName, eventSlug, s.Title, s.Status, s.StartsAt, s.EndsAt, timeZone, s.Format, s.VenueName, s.VenueAddress,
        s.CancelReason, s.Languages, s.Capacity, s.RsvpOpensAt, s.RsvpClosesAt);
}
