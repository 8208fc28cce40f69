using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps;

/// <summary>
/// What the RSVP feature does when an organizer edits or cancels a session (called by
/// <see cref="Sessions.SessionService"/> after it saved): promote into added seats, tell people about
/// a new time or place (the SEQUENCE grew), move their reminders, or tell them it is cancelled.
/// Idempotent: every message has a dedupe key, so running a hook twice sends nothing twice.
/// </summary>
public sealed class RsvpSessionHooks(SeatLock seats, Outbox outbox, PublicUrls urls, TimeProvider time)
{
    public async Task AfterUpdateAsync(int sessionId, int sequenceBefore, CancellationToken ct = default)
    {
        var baseUrl = urls.Base;
        await seats.RunAsync(sessionId, async (db, c) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, c);
            if (session is null)
            {
                return false;
            }
            // Raising capacity promotes from the waitlist; lowering it never un-confirms anyone.
            await Waitlist.FillFreeSeatsAsync(db, session, outbox, baseUrl, now, c);
            await db.SaveChangesAsync(c);

            if (session.Sequence > sequenceBefore && session.Status == SessionStatus.Published)
            {
                var people = await db.Rsvps.Include(r => r.Attendee)
                    .Where(r => r.SessionId == sessionId && r.Status != RsvpStatus.Cancelled && r.Attendee!.Email != null)
                    .ToListAsync(c);
                var sequence = session.Sequence.ToString(CultureInfo.InvariantCulture);
                var notices = people.Select(r => new Notice(NotificationKind.SessionChanged,
                    $"session:{sessionId}:changed:{sequence}:{r.Id}", r.Attendee!.Email!, r.Attendee.PreferredLanguage, now)
                {
                    SessionId = sessionId, RsvpId = r.Id, AttendeeId = r.AttendeeId,
                    Payload = new NotificationPayload { BaseUrl = baseUrl, Sequence = session.Sequence, Status = r.Status.ToSnakeCase(), WaitlistPosition = r.WaitlistPosition },
                }).ToList();

                // Reminders follow the new start time.
                await Outbox.DropPendingAsync(db, db.OutboxMessages.Where(o => o.SessionId == sessionId && o.Kind == NotificationKind.Reminder), c);
                notices.AddRange(people.Where(r => r.Status == RsvpStatus.Confirmed)
                    .Select(r => RsvpNotices.Reminder(r, r.Attendee!, session.StartsAt, baseUrl, now))
                    .OfType<Notice>());
                await outbox.AddMissingAsync(db, notices, c);
                await db.SaveChangesAsync(c);
            }
            return true;
        }, ct);
        outbox.Wake();
    }

    public async Task AfterCancelAsync(int sessionId, CancellationToken ct = default)
    {
        var baseUrl = urls.Base;
        await seats.RunAsync(sessionId, async (db, c) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, c);
            if (session is null)
            {
                return false;
            }
            await Outbox.DropPendingAsync(db, db.OutboxMessages.Where(o => o.SessionId == sessionId
                && (o.Kind == NotificationKind.Reminder || o.Kind == NotificationKind.ThankYou)), c);
            var people = await db.Rsvps.Include(r => r.Attendee)
                .Where(r => r.SessionId == sessionId && r.Status != RsvpStatus.Cancelled && r.Attendee!.Email != null)
                .ToListAsync(c);
            await outbox.AddMissingAsync(db, [.. people.Select(r => new Notice(NotificationKind.SessionCancelled,
                $"session:{sessionId}:cancelled:{r.Id}", r.Attendee!.Email!, r.Attendee.PreferredLanguage, now)
            {
                SessionId = sessionId, RsvpId = r.Id, AttendeeId = r.AttendeeId,
                Payload = new NotificationPayload { BaseUrl = baseUrl, Sequence = session.Sequence, Reason = session.CancelReason },
            })], c);
            await db.SaveChangesAsync(c);
            return true;
        }, ct);
        outbox.Wake();
    }
}
