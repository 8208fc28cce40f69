using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;

namespace Meetup.Web.Features.Rsvps;

/// <summary>
/// The messages an RSVP's life produces, with their dedupe keys. Keys that belong to one
/// "activation" of an RSVP carry a prefix of its token hash, which changes when it is re-activated.
/// </summary>
internal static class RsvpNotices
{
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);

    public static Notice Status(Rsvp rsvp, Attendee person, string token, string baseUrl, DateTime now) => new(
        rsvp.Status == RsvpStatus.Confirmed ? NotificationKind.RsvpConfirmed : NotificationKind.RsvpWaitlisted,
        $"rsvp:{rsvp.Id}:{(rsvp.Status == RsvpStatus.Confirmed ? "confirmed" : "waitlisted")}:{Activation(rsvp)}",
        person.Email!, person.PreferredLanguage, now)
    {
        SessionId = rsvp.SessionId,
        RsvpId = rsvp.Id,
        AttendeeId = person.Id,
        ManageToken = token,
        Payload = new NotificationPayload { BaseUrl = baseUrl, Status = rsvp.Status.ToSnakeCase(), WaitlistPosition = rsvp.WaitlistPosition },
    };

    public static Notice ManageLink(Rsvp rsvp, Attendee person, string token, string baseUrl, DateTime now) => new(
        NotificationKind.ManageLink, $"rsvp:{rsvp.Id}:link:{Activation(rsvp)}", person.Email!, person.PreferredLanguage, now)
    {
        SessionId = rsvp.SessionId,
        RsvpId = rsvp.Id,
        AttendeeId = person.Id,
        ManageToken = token,
        Payload = new NotificationPayload { BaseUrl = baseUrl, Status = rsvp.Status.ToSnakeCase(), WaitlistPosition = rsvp.WaitlistPosition },
    };

    public static Notice Promoted(Rsvp rsvp, Attendee person, string baseUrl, DateTime now) => new(
        NotificationKind.RsvpPromoted, $"rsvp:{rsvp.Id}:promoted:{Activation(rsvp)}", person.Email!, person.PreferredLanguage, now)
    {
        SessionId = rsvp.SessionId,
        RsvpId = rsvp.Id,
        AttendeeId = person.Id,
        Payload = new NotificationPayload { BaseUrl = baseUrl, Status = "confirmed" },
    };

    public static Notice Cancelled(Rsvp rsvp, Attendee person, string baseUrl, DateTime now) => new(
        NotificationKind.RsvpCancelled, $"rsvp:{rsvp.Id}:cancelled:{Activation(rsvp)}", person.Email!, person.PreferredLanguage, now)
    {
        SessionId = rsvp.SessionId,
        RsvpId = rsvp.Id,
        AttendeeId = person.Id,
        Payload = new NotificationPayload { BaseUrl = baseUrl, Status = "cancelled" },
    };

    /// <summary>The reminder 24 hours before the start; null when that moment has passed.</summary>
    public static Notice? Reminder(Rsvp rsvp, Attendee person, DateTime startsAt, string baseUrl, DateTime now)
    {
        var due = startsAt - ReminderLead;
        if (due <= now)
        {
            return null;
        }
        return new Notice(NotificationKind.Reminder,
            $"rsvp:{rsvp.Id}:reminder:{startsAt.Ticks.ToString(CultureInfo.InvariantCulture)}", person.Email!, person.PreferredLanguage, due)
        {
            SessionId = rsvp.SessionId,
            RsvpId = rsvp.Id,
            AttendeeId = person.Id,
            Payload = new NotificationPayload { BaseUrl = baseUrl },
        };
    }

    private static string Activation(Rsvp rsvp) => (rsvp.ManageTokenHash ?? "none")[..Math.Min(12, (rsvp.ManageTokenHash ?? "none").Length)];
}
