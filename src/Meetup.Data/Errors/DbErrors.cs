using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Meetup.Data.Errors;

/// <summary>What a failed write means, whichever provider refused it.</summary>
public static class DbErrors
{
    /// <summary>
    /// Whether a write failed on a unique index (a race lost to a concurrent writer), on either provider:
    /// a <see cref="DbUpdateException"/> from SaveChanges, or the provider's own exception from a
    /// statement run directly (<see cref="Bulk.BulkInsert{T}"/>).
    /// </summary>
    public static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        DbUpdateException update => IsUniqueViolation(update.InnerException),
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>
    /// Whether a write referred to a row that went meanwhile: on PostgreSQL, a person merged into another (or a
    /// session deleted) between a unit's read and its insert. Read again, the unit finds the row's successor.
    /// </summary>
    public static bool IsForeignKeyViolation(Exception? ex) => ex switch
    {
        DbUpdateException update => IsForeignKeyViolation(update.InnerException),
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 787,
        _ => false,
    };

    /// <summary>
    /// Whether a write collided with a concurrent change (someone added the same row, or removed one it refers to):
    /// any <see cref="DbUpdateException"/>; from a statement run directly, a constraint violation (SQLite: any
    /// constraint; PostgreSQL: a unique or foreign key).
    /// </summary>
    public static bool IsCollision(Exception ex) => ex switch
    {
        DbUpdateException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    /// <summary>The database refused a write or a lock (a race lost, busy, a constraint): nothing was committed.</summary>
    public static bool IsStoreFailure(Exception ex) => ex is DbUpdateException or SqliteException or PostgresException or ConcurrentChangeException;

    /// <summary>A unit that lost a race to a concurrent writer and may simply run again from the start.</summary>
    public static bool IsRetryable(Exception? ex) => ex is ConcurrentChangeException || IsUniqueViolation(ex) || IsForeignKeyViolation(ex);
}
