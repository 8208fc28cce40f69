using Meetup.Data;
using Meetup.Data.Bulk;
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
public sealed partial class HistoryWriter(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    private const int BatchSize = 5_000;
    private const int EmailChunk = 1_000;

    /// <summary>A history has no session lengths; imported sessions get this one.</summary>
    private static readonly TimeSpan ImportedLength = TimeSpan.FromHours(2);

    /// <param name="progress">Receives the share of the writes done, 0..1, after each batch (the import screen's progress bar).</param>
    /// <returns>The counts, or null when the event does not exist.</returns>
    /// <exception cref="DbUpdateException">A concurrent change collided with this one (e.g. the same new person added meanwhile); nothing was written.
    /// Multi-row inserts report such a collision as the provider's own <see cref="System.Data.Common.DbException"/>.</exception>
    public Task<ImportResult?> WriteAsync(int eventId, IReadOnlyList<ImportRow> rows, IProgress<double>? progress = null, CancellationToken ct = default)
        => WriteAsync(eventId, rows, progress, commit: true, ct);

    /// <summary>
    /// What <see cref="WriteAsync(int, IReadOnlyList{ImportRow}, IProgress{double}?, CancellationToken)"/> would write, found by
    /// writing it and rolling back: the preview then says exactly what the import will change (all zero for a file imported before).
    /// </summary>
    public Task<ImportResult?> DryRunAsync(int eventId, IReadOnlyList<ImportRow> rows, CancellationToken ct = default)
        => WriteAsync(eventId, rows, null, commit: false, ct);

    private async Task<ImportResult?> WriteAsync(int eventId, IReadOnlyList<ImportRow> rows, IProgress<double>? progress, bool commit, CancellationToken ct)
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
        if (!commit)
        {
            await transaction.RollbackAsync(ct);
            return new ImportResult(created, updated, attendeesCreated, rsvps.Count, checkIns.Count);
        }
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
