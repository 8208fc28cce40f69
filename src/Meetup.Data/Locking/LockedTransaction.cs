using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Meetup.Data.Locking;

/// <summary>The transaction <see cref="PeopleLock"/> or <see cref="SeatLock"/> began: commit it, or dispose it to roll back (and release the lock).</summary>
public sealed class LockedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly SqliteTransaction? _sqlite;

    internal LockedTransaction(IDbContextTransaction transaction, SqliteTransaction? sqlite)
    {
        _transaction = transaction;
        _sqlite = sqlite;
    }

    /// <summary>SQLite: <c>BEGIN IMMEDIATE</c>, the database's write lock taken before the first read.</summary>
    internal static async Task<LockedTransaction> BeginImmediateAsync(MeetupDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        // Microsoft.Data.Sqlite: deferred: false issues BEGIN IMMEDIATE.
        var sqliteTx = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
        return new LockedTransaction((await db.Database.UseTransactionAsync(sqliteTx, ct))!, sqliteTx);
    }

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync(); // EF does not own a transaction it was given: without this it stays open
        }
    }
}
