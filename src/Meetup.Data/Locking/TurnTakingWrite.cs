using Microsoft.EntityFrameworkCore;

namespace Meetup.Data.Locking;

/// <summary>
/// One short transaction of a long bulk write (an announcement's chunk of recipients) that interactive writers may
/// interleave with. SQLite: it queues at the same in-process gate as <see cref="SeatLock"/> (RSVPs, cancellations,
/// promotions) and then takes the write lock (<c>BEGIN IMMEDIATE</c>), so a waiting RSVP gets its turn between two
/// chunks instead of missing every gap in SQLite's sleeping busy handler. PostgreSQL: a plain transaction and no gate
/// (the chunk's rows lock nothing an RSVP needs).
/// </summary>
public static class TurnTakingWrite
{
    /// <summary>Runs <paramref name="work"/> in its own transaction on <paramref name="db"/> and commits it.</summary>
    public static async Task<T> RunAsync<T>(MeetupDb db, SeatGates gates, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var value = await work(ct);
            await tx.CommitAsync(ct);
            return value;
        }
        var gate = gates.Sqlite;
        await gate.WaitAsync(ct);
        try
        {
            await using var tx = await LockedTransaction.BeginImmediateAsync(db, ct);
            var result = await work(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }
}
