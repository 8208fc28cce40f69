using Meetup.Data.Errors;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Data.Locking;

/// <summary>
/// A write transaction that holds people's rows, for changes to a whole person (merge, erasure): an RSVP by one of
/// them waits until it commits, and so cannot be written for a record that is about to change or go.
/// SQLite: BEGIN IMMEDIATE (the database's write lock); PostgreSQL: <c>SELECT … FOR UPDATE</c> on their rows,
/// in id order so that two such changes never deadlock.
/// </summary>
public static class PeopleLock
{
    public static async Task<LockedTransaction> BeginAsync(MeetupDb db, IReadOnlyCollection<int> attendeeIds, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            return await LockedTransaction.BeginImmediateAsync(db, ct);
        }
        var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = attendeeIds.Order().ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Attendees\" WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE", ct);
        return new LockedTransaction(tx, null);
    }

    /// <summary>
    /// For a unit that writes for people it found (an RSVP): on PostgreSQL, waits for any merge or erasure of them to
    /// finish (<c>FOR SHARE</c>) and throws <see cref="ConcurrentChangeException"/> when one of them went or was
    /// erased meanwhile, so that the unit runs again and finds them afresh. On SQLite there is nothing to wait for:
    /// the unit already holds the database's write lock.
    /// </summary>
    public static async Task ShareAsync(MeetupDb db, IEnumerable<int> attendeeIds, CancellationToken ct)
    {
        var ids = attendeeIds.Distinct().Order().ToArray();
        if (ids.Length == 0 || db.Database.IsSqlite())
        {
            return;
        }
        var live = await db.Database
            .SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM \"Attendees\" WHERE \"Id\" = ANY({ids}) AND \"ErasedAt\" IS NULL ORDER BY \"Id\" FOR SHARE")
            .ToListAsync(ct);
        if (live.Count != ids.Length)
        {
            throw new ConcurrentChangeException("A person was merged or erased while their RSVP was being written.");
        }
    }
}
