using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Import;

/// <summary>
/// Writes valid import rows into one event, in one transaction: sessions matched by start instant,
/// people by normalized email, RSVPs and check-ins by (session, person). Importing the same rows
/// again writes nothing. The import only adds and corrects: it never deletes a check-in or an RSVP
/// (a row with <c>attended = no</c> or <c>rsvp = none</c> leaves a recorded one alone).
/// </summary>
/// <remarks>
/// Fast on large files: the existing sessions, RSVPs and check-ins of the event are read once
/// each, people in chunks of <see cref="EmailChunk"/> emails; new people, RSVPs and check-ins
/// go in with multi-row INSERTs (<see cref="BulkInsert{T}"/>), changed RSVPs in batches of
/// <see cref="BatchSize"/>.
/// </remarks>
public sealed class HistoryWriter(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    private const int BatchSize = 5_000;
    private const int EmailChunk = 1_000;

    /// <summary>A history has no session lengths; imported sessions get this one.</summary>
    private static readonly TimeSpan ImportedLength = TimeSpan.FromHours(2);

    /// <param name="progress">Receives the share of the writes done, 0..1, after each batch (the import screen's progress bar).</param>
    /// <returns>The counts, or null when the event does not exist.</returns>
    /// <exception cref="DbUpdateException">A concurrent change collided with this one (e.g. the same new person added meanwhile); nothing was written.
    /// Multi-row inserts report such a collision as the provider's own <see cref="System.Data.Common.DbException"/>.</exception>
    public async Task<ImportResult?> WriteAsync(int eventId, IReadOnlyList<ImportRow> rows, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var plan = ImportPlan.Build(rows);
        var now = time.GetUtcNow().UtcDateTime;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // An update that changes nothing but takes the event's row lock: two imports into one
        // event run one after the other instead of both creating the same sessions.
        if (await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, e => e.UpdatedAt), ct) == 0)
        {
            return null;
        }
        var defaults = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new SessionDefaults(e.DefaultCapacity, e.DefaultLanguages)).SingleAsync(ct);

        var (sessionIds, created, updated) = await WriteSessionsAsync(db, eventId, plan, defaults, now, ct);
        var (attendeeIds, attendeesCreated) = await WritePeopleAsync(db, plan, now, ct);
        var rsvps = await RsvpWritesAsync(db, eventId, plan, sessionIds, attendeeIds, ct);
        var checkIns = await NewCheckInsAsync(db, eventId, plan, sessionIds, attendeeIds, ct);

        var done = new BatchProgress(rsvps.Count + checkIns.Count, progress);
        var (newRsvps, changedRsvps) = (rsvps.Where(r => r.Id is null).ToList(), rsvps.Where(r => r.Id is not null).ToList());
        await RsvpInsert(db, now).ExecuteAsync(db, newRsvps, done.Add, ct);
        await UpdateRsvpsAsync(db, changedRsvps, now, done, ct);
        await CheckInInsert(db).ExecuteAsync(db, checkIns, done.Add, ct);
        await transaction.CommitAsync(ct);
        progress?.Report(1);
        return new ImportResult(created, updated, attendeesCreated, rsvps.Count, checkIns.Count);
    }

    private static async Task<(int[] Ids, int Created, int Updated)> WriteSessionsAsync(
        MeetupDb db, int eventId, ImportPlan plan, SessionDefaults defaults, DateTime now, CancellationToken ct)
    {
        var byStart = new Dictionary<DateTime, Session>();
        foreach (var stored in await db.Sessions.Where(s => s.EventId == eventId).OrderBy(s => s.Id).ToListAsync(ct))
        {
            byStart.TryAdd(stored.StartsAt, stored); // several at one instant: the first is the one matched
        }

        var sessions = new Session[plan.Sessions.Count];
        int created = 0, updated = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            var planned = plan.Sessions[i];
            if (byStart.TryGetValue(planned.Start, out var session))
            {
                if (SessionUpdate.Apply(session, planned, now))
                {
                    updated++;
                }
            }
            else
            {
                session = new Session
                {
                    EventId = eventId,
                    Title = planned.Title ?? "",
                    StartsAt = planned.Start,
                    EndsAt = planned.Start + ImportedLength,
                    Format = planned.Format ?? SessionFormat.InPerson,
                    Languages = [.. planned.Languages ?? defaults.Languages],
                    Capacity = defaults.Capacity,
                    Status = planned.Status ?? SessionStatus.Published,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Sessions.Add(session);
                byStart.Add(planned.Start, session);
                created++;
            }
            sessions[i] = session;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return ([.. sessions.Select(s => s.Id)], created, updated);
    }

    private static async Task<(int[] Ids, int Created)> WritePeopleAsync(MeetupDb db, ImportPlan plan, DateTime now, CancellationToken ct)
    {
        var known = await FindByEmailAsync(db, plan.People.Select(p => p.Email), ct);
        await MatchErasedAsync(db, plan, known, ct);

        var added = plan.People.Where(p => !known.ContainsKey(p.Email)).ToList();
        await new BulkInsert<PlannedPerson>(db, typeof(Attendee),
            [
                (nameof(Attendee.Email), p => p.Email),
                (nameof(Attendee.DisplayName), p => p.Name),
                (nameof(Attendee.CreatedAt), _ => now),
            ])
            .ExecuteAsync(db, added, null, ct);
        foreach (var (email, stored) in await FindByEmailAsync(db, added.Select(p => p.Email), ct))
        {
            known[email] = stored;
        }

        var ids = new int[plan.People.Count];
        for (var p = 0; p < ids.Length; p++)
        {
            var person = plan.People[p];
            var stored = known[person.Email];
            ids[p] = stored.Id;
            if (string.IsNullOrEmpty(stored.Name) && person.Name is not null && !ErasedPeople.TryParse(person.Email, out _))
            {
                // Fill in a missing name (a walk-in checked in by email only); never overwrite one.
                var entry = db.Attendees.Attach(new Attendee { Id = stored.Id });
                entry.Entity.DisplayName = person.Name;
                entry.Property(a => a.DisplayName).IsModified = true;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (ids, added.Count);
    }

    /// <summary>Id and name of the people with these (normalized) emails, <see cref="EmailChunk"/> emails per query.</summary>
    private static async Task<Dictionary<string, (int Id, string? Name)>> FindByEmailAsync(
        MeetupDb db, IEnumerable<string> emails, CancellationToken ct)
    {
        var found = new Dictionary<string, (int Id, string? Name)>(StringComparer.Ordinal);
        foreach (var chunk in emails.Chunk(EmailChunk))
        {
            foreach (var a in await db.Attendees.AsNoTracking().Where(a => chunk.Contains(a.Email))
                .Select(a => new { a.Id, a.Email, a.DisplayName }).ToListAsync(ct))
            {
                found[a.Email!] = (a.Id, a.DisplayName);
            }
        }
        return found;
    }

    /// <summary>Placeholders of erased people (see <see cref="ErasedPeople"/>) match the anonymous attendee they stand for.</summary>
    private static async Task MatchErasedAsync(MeetupDb db, ImportPlan plan, Dictionary<string, (int Id, string? Name)> known, CancellationToken ct)
    {
        var placeholders = new Dictionary<int, string>();
        foreach (var person in plan.People)
        {
            if (!known.ContainsKey(person.Email) && ErasedPeople.TryParse(person.Email, out var id))
            {
                placeholders[id] = person.Email;
            }
        }
        foreach (var chunk in placeholders.Keys.Chunk(EmailChunk))
        {
            var erased = await db.Attendees.AsNoTracking().Where(a => chunk.Contains(a.Id) && a.Email == null)
                .Select(a => a.Id).ToListAsync(ct);
            foreach (var id in erased)
            {
                known[placeholders[id]] = (id, "");
            }
        }
    }

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
            .Select(p => (sessionIds[p.Session], attendeeIds[p.Person], p.Rsvp switch
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
                    // The moment of arrival is not in a history: the session's start stands for it.
                    At = plan.Sessions[pair.Session].Start,
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

    private sealed record SessionDefaults(int Capacity, List<string> Languages);

    private sealed class BatchProgress(int total, IProgress<double>? progress)
    {
        private int _done;

        public void Add(int count)
        {
            _done += count;
            progress?.Report(total == 0 ? 1 : (double)_done / total);
        }
    }
}
