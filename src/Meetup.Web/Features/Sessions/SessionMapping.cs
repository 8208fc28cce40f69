using Meetup.Data.Entities;
using Meetup.Web.Features.Shared.Links;
namespace Meetup.Web.Features.Sessions;

internal static class SessionMapping
{
    /// <summary>Projection used by every read, so counts come from the database in the same query.</summary>
    public static IQueryable<SessionRow> ToRows(this IQueryable<Session> sessions) => sessions.Select(s => new SessionRow(
        s, s.Event!.Slug, s.Event.TimeZone,
        s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
        s.Rsvps.Count(r => r.Status == RsvpStatus.Waitlisted)));

    public static SessionResource ToResource(this SessionRow row, PublicUrls urls) => row.Session.ToResource(row.EventSlug, row.TimeZone, row.Confirmed, row.Waitlisted, urls);

    public static SessionResource ToResource(this Session s, string eventSlug, string timeZone, int confirmed, int waitlisted, PublicUrls urls) => new()
    {
        Id = s.Id,
        EventId = s.EventId,
        Title = s.Title,
        Description = s.Description,
        Status = s.Status.ToSnakeCase(),
        StartsAt = s.StartsAt,
        EndsAt = s.EndsAt,
        TimeZone = timeZone,
        Format = s.Format.ToSnakeCase(),
        VenueName = s.VenueName,
        VenueAddress = s.VenueAddress,
        OnlineUrl = s.OnlineUrl,
        Capacity = s.Capacity,
        Languages = s.Languages,
        RsvpOpensAt = s.RsvpOpensAt,
        RsvpClosesAt = s.RsvpClosesAt,
        CancelReason = s.CancelReason,
        Sequence = s.Sequence,
        ConfirmedCount = confirmed,
        WaitlistCount = waitlisted,
        PublicUrl = urls.Session(eventSlug, s.Id),
        CalendarUrl = urls.SessionCalendar(eventSlug, s.Id),
    };
}

internal sealed record SessionRow(Session Session, string EventSlug, string TimeZone, int Confirmed, int Waitlisted);
