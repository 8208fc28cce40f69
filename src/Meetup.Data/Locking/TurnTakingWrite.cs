using Microsoft.EntityFrameworkCore;

namespace Meetup.Data.Locking;

/// <summary>
/// Taking a turn at SQLite's one writer: one short write transaction that queues at <see cref="SeatGates.Sqlite"/>, the
/// in-process gate every writer of an event's busy hours takes — seat changes (<see cref="SeatLock"/>: RSVPs,
/// cancellations, promotions), each chunk of an announcement's send, door check-ins and their undo, online joins,
/// feedback answers — and then the write lock (<c>BEGIN IMMEDIATE</c>). Waiting writers are served in turn between two
/// chunks of a long bulk write instead of missing every gap in SQLite's sleeping busy handler (docs/architecture.md).
/// PostgreSQL: a plain transaction and no gate (row locks, where needed, are the caller's).
/// Never nest two turns: the gate is not reentrant.
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
