using Meetup.Data;
using Meetup.Data.Bulk;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Import;

// RSVPs and check-ins: what the file adds or changes, against what the event already holds.
public sealed partial class HistoryWriter
{
    private static async Task<List<RsvpState>> RsvpWritesAsync(
        MeetupDb db, int eventId, ImportPlan plan, int[] sessionIds, int[] attendeeIds, CancellationToken ct)
    {
        var stored = await db.Rsvps.AsNoTracking().Where(r => r.Session!.EventId == eventId)
            .Select(r => new RsvpState
            {
                Id = r.Id,
                SessionId = r.SessionId,
                AttendeeId = r.AttendeeId,
                StoredStatus = r.Status,
                StoredPosition = r.WaitlistPosition,
                Status = r.Status,
                Position = r.WaitlistPosition,
            })
            .ToListAsync(ct);
        var wanted = plan.Pairs
            .Where(p => p.Rsvp != ImportRsvp.None)
            // Two addresses of one merged person in one session: the stronger status counts, as for repeated rows.
            .GroupBy(p => (sessionIds[p.Session], attendeeIds[p.Person]))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.MaxBy(p => PlannedPair.Strength(p.Rsvp)).Rsvp switch
            {
                ImportRsvp.Confirmed => RsvpStatus.Confirmed,
                ImportRsvp.Waitlisted => RsvpStatus.Waitlisted,
                _ => RsvpStatus.Cancelled,
            }));
        return RsvpMerge.Apply(stored, wanted);
    }

    private static async Task<List<CheckIn>> NewCheckInsAsync(
        MeetupDb db, int eventId, ImportPlan plan, int[] sessionIds, int[] attendeeIds, CancellationToken ct)
    {
        var stored = new HashSet<(int, int)>();
        await foreach (var c in db.CheckIns.AsNoTracking().Where(c => c.Session!.EventId == eventId)
            .Select(c => new { c.SessionId, c.AttendeeId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            stored.Add((c.SessionId, c.AttendeeId));
        }
        var added = new List<CheckIn>();
        foreach (var pair in plan.Pairs)
        {
            if (pair.Attended && stored.Add((sessionIds[pair.Session], attendeeIds[pair.Person])))
            {
                added.Add(new CheckIn
                {
                    SessionId = sessionIds[pair.Session],
                    AttendeeId = attendeeIds[pair.Person],
                    // When the file says when they came, that; else the session's start stands for it.
                    At = pair.CheckedInAt ?? plan.Sessions[pair.Session].Start,
                    Method = CheckInMethod.Import,
                });
            }
        }
        return added;
    }

    private static BulkInsert<RsvpState> RsvpInsert(MeetupDb db, DateTime now) => new(db, typeof(Rsvp),
        [
            (nameof(Rsvp.SessionId), r => r.SessionId),
            (nameof(Rsvp.AttendeeId), r => r.AttendeeId),
            (nameof(Rsvp.Status), r => r.Status),
            (nameof(Rsvp.WaitlistPosition), r => r.Position),
            (nameof(Rsvp.CreatedAt), _ => now),
            (nameof(Rsvp.UpdatedAt), _ => now),
        ]);

    private static BulkInsert<CheckIn> CheckInInsert(MeetupDb db) => new(db, typeof(CheckIn),
        [
            (nameof(CheckIn.SessionId), c => c.SessionId),
            (nameof(CheckIn.AttendeeId), c => c.AttendeeId),
            (nameof(CheckIn.At), c => c.At),
            (nameof(CheckIn.Method), c => c.Method),
        ]);

    /// <summary>Changed RSVPs are attached with only their changed columns marked, <see cref="BatchSize"/> per save.</summary>
    private static async Task UpdateRsvpsAsync(MeetupDb db, List<RsvpState> changed, DateTime now, BatchProgress progress, CancellationToken ct)
    {
        foreach (var batch in changed.Chunk(BatchSize))
        {
            foreach (var state in batch)
            {
                var entry = db.Rsvps.Attach(new Rsvp { Id = state.Id!.Value, SessionId = state.SessionId, AttendeeId = state.AttendeeId });
                entry.Entity.Status = state.Status;
                entry.Entity.WaitlistPosition = state.Position;
                entry.Entity.UpdatedAt = now;
                entry.Property(r => r.Status).IsModified = true;
                entry.Property(r => r.WaitlistPosition).IsModified = true;
                entry.Property(r => r.UpdatedAt).IsModified = true;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress.Add(batch.Length);
        }
    }
}
