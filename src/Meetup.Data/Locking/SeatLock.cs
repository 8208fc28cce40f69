using Meetup.Data.Errors;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Data.Locking;

/// <summary>
/// Runs a change to a session's seats (RSVP, cancel, promotion, capacity change) alone: no other
/// writer of the same session's seats runs between its reads and its commit.
/// <list type="bullet">
/// <item>In the process, writers first queue at an async gate (per session on PostgreSQL, one for
/// the whole database on SQLite), so a burst of requests waits in memory and not on database
/// connections or SQLite's sleeping busy handler.</item>
/// <item>PostgreSQL: <c>SELECT … FOR UPDATE</c> on the session row inside the transaction, so
/// writers of one session queue in the database across any number of app instances, while other
/// sessions proceed in parallel.</item>
/// <item>SQLite: a <see cref="TurnTakingWrite"/> (the one gate, then <c>BEGIN IMMEDIATE</c>, which takes the write lock
/// before the first read and also protects against another process on the same file).</item>
/// </list>
/// A unit that loses a race (a unique index: the same new email RSVPing to two sessions at once; a
/// foreign key: the person was merged into another meanwhile) is retried from the start on a fresh context.
/// </summary>
public sealed class SeatLock(IDbContextFactory<MeetupDb> dbFactory, SeatGates gates)
{
    private const int Attempts = 3;

    public async Task<T> RunAsync<T>(int sessionId, Func<MeetupDb, CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(sessionId, work, ct);
            }
            catch (Exception ex) when (attempt < Attempts && DbErrors.IsRetryable(ex))
            {
                // Lost a race (a unique index, a person merged meanwhile); the next attempt reads the winner's rows.
            }
        }
    }

    private async Task<T> RunOnceAsync<T>(int sessionId, Func<MeetupDb, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            return await TurnTakingWrite.RunAsync(db, gates, c => work(db, c), ct);
        }
        var gate = gates.For(sessionId);
        await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {sessionId} FOR UPDATE", ct);
            var value = await work(db, ct);
            await tx.CommitAsync(ct);
            return value;
        }
        finally
        {
            gate.Release();
        }
    }
}
