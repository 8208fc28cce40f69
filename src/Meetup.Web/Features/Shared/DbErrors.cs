using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Meetup.Web.Features.Shared;

public static class DbErrors
{
    /// <summary>
    /// Whether a write failed on a unique index (a race lost to a concurrent writer), on either provider:
    /// a <see cref="DbUpdateException"/> from SaveChanges, or the provider's own exception from a
    /// statement run directly (<see cref="BulkInsert{T}"/>).
    /// </summary>
    public static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        DbUpdateException update => IsUniqueViolation(update.InnerException),
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
