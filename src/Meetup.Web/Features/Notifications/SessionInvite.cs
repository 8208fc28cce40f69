using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Meetup.Data.Entities;

namespace Meetup.Web.Features.Notifications;

/// <summary>
/// The .ics attached to emails: one event per session with a stable UID and the session's SEQUENCE,
/// so calendar apps update (or, with METHOD:CANCEL, remove) the entry they imported earlier.
/// </summary>
public static class SessionInvite
{
    /// <param name="online">The location of an online session, in the reader's language.</param>
    public static string Build(Session session, string eventName, string url, string uidDomain, bool cancel, string online)
    {
        var calendar = new Calendar { ProductId = "-//Meetup//RSVP//EN", Method = cancel ? "CANCEL" : "PUBLISH" };
        var location = session.Format == SessionFormat.Online
            ? online
            : string.Join(", ", new[] { session.VenueName, session.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = Shared.CalendarUids.ForSession(session.Id, uidDomain),
            Sequence = session.Sequence,
            Summary = session.Title,
            Description = $"{eventName}\n{url}",
            Location = location,
            DtStart = new CalDateTime(session.StartsAt, CalDateTime.UtcTzId, true),
            DtEnd = new CalDateTime(session.EndsAt, CalDateTime.UtcTzId, true),
            DtStamp = new CalDateTime(session.UpdatedAt == default ? session.CreatedAt : session.UpdatedAt, CalDateTime.UtcTzId, true),
            Url = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null,
            Status = cancel || session.Status == SessionStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
