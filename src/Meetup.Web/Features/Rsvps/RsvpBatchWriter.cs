using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps;

/// <summary>
/// Writes one session's share of a batch of RSVPs inside one <see cref="SeatLock"/> unit: the seat
/// count is read once, the people looked up in one query, everything saved in two statements'
/// worth of round trips, then committed once. The same rules as a single RSVP, applied in order.
/// </summary>
internal sealed class RsvpBatchWriter(SeatLock seats, Outbox outbox, TimeProvider time, ILogger<RsvpBatchWriter> logger)
{
    public async Task<RsvpBatchResult[]> WriteAsync(int sessionId, IReadOnlyList<RsvpRequest> requests, CancellationToken ct = default)
    {
        var results = await seats.RunAsync(sessionId, (db, c) => WriteLockedAsync(db, sessionId, requests, c), ct);
        outbox.Wake();
        return results;
    }

    private async Task<RsvpBatchResult[]> WriteLockedAsync(MeetupDb db, int sessionId, IReadOnlyList<RsvpRequest> requests, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var results = new RsvpBatchResult[requests.Count];
        // Many entities, few changes after they are added: detect changes once per save, not per call.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var state = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new
            {
                Session = s,
                Confirmed = s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
                LastPosition = s.Rsvps.Where(r => r.Status == RsvpStatus.Waitlisted).Max(r => r.WaitlistPosition),
            })
            .FirstAsync(ct);
        var session = state.Session;
        if (RsvpRules.WhyNotOpen(session.Status, session.StartsAt, session.RsvpOpensAt, session.RsvpClosesAt, now) is { } reason)
        {
            Array.Fill(results, new RsvpBatchResult(null, reason, session.RsvpOpensAt));
            return results;
        }

        var emails = requests.Select(r => r.Fields.Email).Distinct().ToList();
        var known = await db.Attendees.Where(a => emails.Contains(a.Email!))
            .Select(a => new { Attendee = a, Rsvp = a.Rsvps.FirstOrDefault(r => r.SessionId == sessionId) })
            .ToDictionaryAsync(a => a.Attendee.Email!, ct);

        var places = new SeatCounter(session.Capacity, state.Confirmed, state.LastPosition ?? 0);
        if (places.FreeSeatWhileWaiting)
        {
            places.Promoted((await Waitlist.FillFreeSeatsAsync(db, session, outbox, requests[0].BaseUrl, now, ct)).Count);
        }

        var written = new List<(int Index, Rsvp Rsvp, Attendee Person)>();
        var inBatch = new Dictionary<string, Rsvp>(StringComparer.Ordinal);
        var resend = new List<(Rsvp Rsvp, Attendee Person, string BaseUrl)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var (_, fields, token, _, _) = requests[i];
            if (inBatch.TryGetValue(fields.Email, out var twin))
            {
                // The same person twice in one batch: the first RSVP's confirmation is the link.
                results[i] = Existing(twin);
                continue;
            }
            var row = known.GetValueOrDefault(fields.Email);
            if (row?.Rsvp is { Status: not RsvpStatus.Cancelled } active)
            {
                resend.Add((active, row.Attendee, requests[i].BaseUrl));
                inBatch[fields.Email] = active;
                results[i] = Existing(active);
                continue;
            }
            var (person, rsvp) = RsvpPlacement.Place(db, sessionId, row?.Attendee, row?.Rsvp, fields, token, places, now);
            inBatch[fields.Email] = rsvp;
            written.Add((i, rsvp, person));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        foreach (var (index, rsvp, person) in written)
        {
            var request = requests[index];
            outbox.Add(db, RsvpNotices.Status(rsvp, person, request.Token, request.BaseUrl, now) with { ManageToken = null, ProtectedManageToken = request.ProtectedToken });
            if (rsvp.Status == RsvpStatus.Confirmed && RsvpNotices.Reminder(rsvp, person, session.StartsAt, request.BaseUrl, now) is { } reminder)
            {
                if (rsvp.CreatedAt == now)
                {
                    outbox.Add(db, reminder); // a new RSVP: its reminder cannot exist yet
                }
                else
                {
                    await outbox.AddMissingAsync(db, [reminder], ct);
                }
            }
            results[index] = new RsvpBatchResult(new RsvpOutcome
            {
                Status = rsvp.Status.ToSnakeCase(),
                WaitlistPosition = rsvp.WaitlistPosition,
                ManageToken = request.Token,
                ManageUrl = RsvpLinks.Manage(request.BaseUrl, request.Token),
                CheckInCode = rsvp.CheckInCode,
                Created = true,
            });
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        foreach (var (rsvp, person, baseUrl) in resend)
        {
            await LinkResend.ResendLockedAsync(db, outbox, rsvp, person, baseUrl, now, logger, ct);
        }
        await db.SaveChangesAsync(ct);
        logger.LogDebug("Batch of {Count} RSVPs to session {SessionId}: {Written} written", requests.Count, sessionId, written.Count);
        return results;
    }

    private static RsvpBatchResult Existing(Rsvp rsvp)
        => new(new RsvpOutcome { Status = rsvp.Status.ToSnakeCase(), WaitlistPosition = rsvp.WaitlistPosition });
}
