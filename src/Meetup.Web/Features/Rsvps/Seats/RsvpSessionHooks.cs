using System.Globalization;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps.Seats;

/// <summary>
/// What the RSVP feature does when an organizer edits or cancels a session: promote into added seats, tell people about
/// a new time or place (the SEQUENCE grew), move their reminders, or tell them it is cancelled.
/// <see cref="Sessions.SessionService"/> saves the session and calls these in the same <see cref="SeatLock"/> unit, so
/// the change and the emails it owes commit together (or neither does); call <see cref="Wake"/> after the commit.
/// Every message has a dedupe key, so running a hook twice sends nothing twice.
/// </summary>
public sealed class RsvpSessionHooks(Outbox outbox, PublicUrls urls)
{
    /// <summary>The session's new state is saved in <paramref name="db"/>'s open transaction.</summary>
    public async Task SessionUpdatedAsync(MeetupDb db, Session session, int sequenceBefore, DateTime now, CancellationToken ct)
    {
        var baseUrl = urls.Base;
        // Raising capacity promotes from the waitlist; lowering it never un-confirms anyone.
        await Waitlist.FillFreeSeatsAsync(new SeatUnit(db, outbox, baseUrl, now), session, ct);
        await db.SaveChangesAsync(ct);
        if (session.Sequence <= sequenceBefore || session.Status != SessionStatus.Published)
        {
            return;
        }
        var people = await PeopleToTellAsync(db, session.Id, ct);
        var sequence = session.Sequence.ToString(CultureInfo.InvariantCulture);
        var notices = people.Select(r => new Notice(NotificationKind.SessionChanged,
            $"session:{session.Id}:changed:{sequence}:{r.Id}", r.Attendee!.Email!, r.Attendee.PreferredLanguage, now)
        {
            SessionId = session.Id,
            RsvpId = r.Id,
            AttendeeId = r.AttendeeId,
            Payload = new NotificationPayload { BaseUrl = baseUrl, Sequence = session.Sequence, Status = r.Status.ToSnakeCase(), WaitlistPosition = r.WaitlistPosition },
        }).ToList();

        // Reminders follow the new start time.
        await Outbox.DropPendingAsync(db.OutboxMessages.Where(o => o.SessionId == session.Id && o.Kind == NotificationKind.Reminder), ct);
        notices.AddRange(people.Where(r => r.Status == RsvpStatus.Confirmed)
            .Select(r => RsvpNotices.Reminder(r, r.Attendee!, session.StartsAt, baseUrl, now))
            .OfType<Notice>());
        await outbox.AddMissingAsync(db, notices, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The session is saved as cancelled in <paramref name="db"/>'s open transaction.</summary>
    public async Task SessionCancelledAsync(MeetupDb db, Session session, DateTime now, CancellationToken ct)
    {
        var baseUrl = urls.Base;
        await Outbox.DropPendingAsync(db.OutboxMessages.Where(o => o.SessionId == session.Id
            && (o.Kind == NotificationKind.Reminder || o.Kind == NotificationKind.ThankYou)), ct);
        var people = await PeopleToTellAsync(db, session.Id, ct);
        await outbox.AddMissingAsync(db, [.. people.Select(r => new Notice(NotificationKind.SessionCancelled,
            $"session:{session.Id}:cancelled:{r.Id}", r.Attendee!.Email!, r.Attendee.PreferredLanguage, now)
        {
            SessionId = session.Id, RsvpId = r.Id, AttendeeId = r.AttendeeId,
            Payload = new NotificationPayload { BaseUrl = baseUrl, Sequence = session.Sequence, Reason = session.CancelReason },
        })], ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>After the unit committed: the sender looks at the new rows now rather than at its next poll.</summary>
    public void Wake() => outbox.Wake();

    private static Task<List<Rsvp>> PeopleToTellAsync(MeetupDb db, int sessionId, CancellationToken ct)
        => db.Rsvps.Include(r => r.Attendee)
            .Where(r => r.SessionId == sessionId && r.Status != RsvpStatus.Cancelled && r.Attendee!.Email != null)
            .ToListAsync(ct);
}
