using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;

using Meetup.Web.Features.Shared.Links;
namespace Meetup.Web.Features.Rsvps.Seats;

/// <summary>
/// The messages an RSVP's life produces, with their dedupe keys. Keys that belong to one
/// "activation" of an RSVP carry a prefix of its newest link's hash (<see cref="ManageLinkHashes"/>), which
/// changes when it is re-activated or its link is sent again.
/// </summary>
internal static class RsvpNotices
{
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);

    public static Notice Status(Rsvp rsvp, Attendee person, string token, string baseUrl, DateTime now) => About(
        rsvp, person, rsvp.Status == RsvpStatus.Confirmed ? NotificationKind.RsvpConfirmed : NotificationKind.RsvpWaitlisted,
        rsvp.Status == RsvpStatus.Confirmed ? "confirmed" : "waitlisted", ManageTokens.Hash(token), now,
        new NotificationPayload { BaseUrl = baseUrl, Status = rsvp.Status.ToSnakeCase(), WaitlistPosition = rsvp.WaitlistPosition }, token);

    public static Notice ManageLink(Rsvp rsvp, Attendee person, string token, string baseUrl, DateTime now) => About(
        rsvp, person, NotificationKind.ManageLink, "link", ManageTokens.Hash(token), now,
        new NotificationPayload { BaseUrl = baseUrl, Status = rsvp.Status.ToSnakeCase(), WaitlistPosition = rsvp.WaitlistPosition }, token);

    /// <param name="newestHash">The RSVP's newest link (<see cref="ManageLinkHashes.NewestAsync"/>).</param>
    public static Notice Promoted(Rsvp rsvp, Attendee person, string? newestHash, string baseUrl, DateTime now) => About(
        rsvp, person, NotificationKind.RsvpPromoted, "promoted", newestHash, now, new NotificationPayload { BaseUrl = baseUrl, Status = "confirmed" });

    public static Notice Cancelled(Rsvp rsvp, Attendee person, string? newestHash, string baseUrl, DateTime now) => About(
        rsvp, person, NotificationKind.RsvpCancelled, "cancelled", newestHash, now, new NotificationPayload { BaseUrl = baseUrl, Status = "cancelled" });

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

    /// <summary>A message about one activation of <paramref name="rsvp"/>, due now.</summary>
    private static Notice About(Rsvp rsvp, Attendee person, NotificationKind kind, string what, string? linkHash, DateTime now, NotificationPayload payload, string? token = null) => new(
        kind, $"rsvp:{rsvp.Id}:{what}:{Activation(linkHash)}", person.Email!, person.PreferredLanguage, now)
    {
        SessionId = rsvp.SessionId,
        RsvpId = rsvp.Id,
        AttendeeId = person.Id,
        ManageToken = token,
        Payload = payload,
    };

    private static string Activation(string? linkHash)
    {
        var hash = linkHash ?? "none";
        return hash[..Math.Min(12, hash.Length)];
    }
}
