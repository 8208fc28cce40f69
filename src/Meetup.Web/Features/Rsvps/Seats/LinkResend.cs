using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps.Seats;

/// <summary>
/// Only the hash of a manage token is stored, so "send it again" means a new token, added to the RSVP's
/// links (<see cref="ManageLinkHashes"/>): the links sent before keep working. Not within
/// <see cref="Interval"/> of the last link (no flood); unsent older messages carrying a link are
/// dropped, the new one says everything they said.
/// Runs inside a <see cref="SeatLock"/> unit.
/// </summary>
internal static class LinkResend
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public static async Task ResendLockedAsync(SeatUnit unit, Rsvp rsvp, Attendee person, ILogger logger, CancellationToken ct)
    {
        var (db, now) = (unit.Db, unit.Now);
        var since = now - Interval;
        var recent = await db.OutboxMessages.AnyAsync(o => o.RsvpId == rsvp.Id && o.CreatedAt > since
            && (o.Kind == NotificationKind.ManageLink || o.Kind == NotificationKind.RsvpConfirmed || o.Kind == NotificationKind.RsvpWaitlisted), ct);
        if (recent || person.Email is null)
        {
            logger.LogInformation("Manage link of RSVP {RsvpId} not re-sent: one went out less than {Minutes} minutes ago", rsvp.Id, Interval.TotalMinutes);
            return;
        }
        await Outbox.DropPendingAsync(db.OutboxMessages.Where(o => o.RsvpId == rsvp.Id
            && (o.Kind == NotificationKind.ManageLink || o.Kind == NotificationKind.RsvpConfirmed || o.Kind == NotificationKind.RsvpWaitlisted)), ct);
        var token = ManageTokens.New();
        await ManageLinkHashes.AddAsync(db, rsvp.Id, token, now, ct);
        rsvp.UpdatedAt = now;
        unit.Outbox.Add(db, RsvpNotices.ManageLink(rsvp, person, token, unit.BaseUrl, now));
        await db.SaveChangesAsync(ct);
    }
}
