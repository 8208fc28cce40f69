using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps.Seats;

/// <summary>
/// Seat arithmetic inside a <see cref="SeatLock"/>: confirmed ≤ capacity, and waitlist positions are
/// always 1..k. Every method expects the session's lock to be held.
/// </summary>
internal static class Waitlist
{
    public static Task<int> ConfirmedCountAsync(MeetupDb db, int sessionId, CancellationToken ct)
        => db.Rsvps.CountAsync(r => r.SessionId == sessionId && r.Status == RsvpStatus.Confirmed, ct);

    /// <summary>Closes the gap a waitlisted person leaves at <paramref name="position"/>.</summary>
    public static Task<int> CloseGapAsync(MeetupDb db, int sessionId, int position, CancellationToken ct)
        => db.Rsvps.Where(r => r.SessionId == sessionId && r.Status == RsvpStatus.Waitlisted && r.WaitlistPosition > position)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.WaitlistPosition, r => r.WaitlistPosition - 1), ct);

    /// <summary>
    /// Gives free seats to the head of the waitlist, in order, and emails them. Only before the session
    /// starts: a seat freed during the session helps nobody, and a "you have a seat" email then would confuse.
    /// </summary>
    public static async Task<IReadOnlyList<Rsvp>> FillFreeSeatsAsync(SeatUnit unit, Session session, CancellationToken ct)
    {
        var (db, now) = (unit.Db, unit.Now);
        if (session.Status != SessionStatus.Published || now >= session.StartsAt)
        {
            return [];
        }
        var free = session.Capacity - await ConfirmedCountAsync(db, session.Id, ct);
        if (free <= 0)
        {
            return [];
        }
        var promoted = await db.Rsvps.Include(r => r.Attendee)
            .Where(r => r.SessionId == session.Id && r.Status == RsvpStatus.Waitlisted)
            .OrderBy(r => r.WaitlistPosition).Take(free).ToListAsync(ct);
        if (promoted.Count == 0)
        {
            return [];
        }
        var last = promoted[^1].WaitlistPosition ?? 0;
        foreach (var rsvp in promoted)
        {
            rsvp.Status = RsvpStatus.Confirmed;
            rsvp.WaitlistPosition = null;
            rsvp.UpdatedAt = now;
            await TellPromotedAsync(unit, rsvp, session.StartsAt, ct);
        }
        // The rest move up by as many places as were promoted (promoted rows are still "waitlisted" in the
        // database until saved, but their positions are ≤ last, so the update leaves them alone).
        await db.Rsvps.Where(r => r.SessionId == session.Id && r.Status == RsvpStatus.Waitlisted && r.WaitlistPosition > last)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.WaitlistPosition, r => r.WaitlistPosition - promoted.Count), ct);
        return promoted;
    }

    /// <summary>Someone given a seat from the waitlist: the "you are in" email and, when still ahead, the reminder.</summary>
    public static async Task TellPromotedAsync(SeatUnit unit, Rsvp rsvp, DateTime startsAt, CancellationToken ct)
    {
        if (rsvp.Attendee?.Email is null)
        {
            return;
        }
        var reminder = RsvpNotices.Reminder(rsvp, rsvp.Attendee, startsAt, unit.BaseUrl, unit.Now);
        var promoted = RsvpNotices.Promoted(rsvp, rsvp.Attendee, await ManageLinkHashes.NewestAsync(unit.Db, rsvp.Id, ct), unit.BaseUrl, unit.Now);
        await unit.Outbox.AddMissingAsync(unit.Db, reminder is null ? [promoted] : [promoted, reminder], ct);
    }

    /// <summary>
    /// Cancels an active RSVP: a confirmed seat goes at once to the head of the waitlist, a waitlisted
    /// place closes its gap; the person's pending reminder is dropped and (unless <paramref name="tellHolder"/> is false)
    /// they get a confirmation.
    /// </summary>
    public static async Task CancelAsync(SeatUnit unit, Rsvp rsvp, Session session, CancellationToken ct, bool tellHolder = true)
    {
        var (db, now) = (unit.Db, unit.Now);
        var wasConfirmed = rsvp.Status == RsvpStatus.Confirmed;
        var position = rsvp.WaitlistPosition;
        rsvp.Status = RsvpStatus.Cancelled;
        rsvp.WaitlistPosition = null;
        rsvp.UpdatedAt = now;
        await db.SaveChangesAsync(ct);

        if (position is { } p)
        {
            await CloseGapAsync(db, session.Id, p, ct);
        }
        await Outbox.DropPendingAsync(db.OutboxMessages.Where(o => o.RsvpId == rsvp.Id && o.Kind == NotificationKind.Reminder), ct);
        if (tellHolder && rsvp.Attendee?.Email is not null)
        {
            await unit.Outbox.AddMissingAsync(db, [RsvpNotices.Cancelled(rsvp, rsvp.Attendee, await ManageLinkHashes.NewestAsync(db, rsvp.Id, ct), unit.BaseUrl, now)], ct);
        }
        if (wasConfirmed)
        {
            await FillFreeSeatsAsync(unit, session, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
