using Microsoft.EntityFrameworkCore;

namespace Meetup.Data.Bulk;

/// <summary>Statement sizes for <see cref="BulkInsert{T}"/> that depend on the provider.</summary>
public static class BulkInsert
{
    /// <summary>
    /// Rows per statement for a small batch (tens of rows) whose statements are prepared anew each time. On SQLite (no
    /// round trips) preparing a long statement costs more than it saves: one row per statement, prepared once and run
    /// for each row, measured about a third cheaper than 16. PostgreSQL: the whole batch at once (null: the default).
    /// </summary>
    public static int? RowsForSmallBatch(MeetupDb db) => db.Database.IsSqlite() ? 1 : null;
}
