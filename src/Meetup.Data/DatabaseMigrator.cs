using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Meetup.Data;

public static class DatabaseMigrator
{
    /// <summary>Applies the pending migrations of the provider's migration set and switches SQLite to WAL.</summary>
    public static async Task MigrateAsync(MeetupDb db, ILogger logger, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        logger.LogInformation("Database {Provider}: applying {Count} pending migration(s){List}",
            db.Database.ProviderName, pending.Count, pending.Count == 0 ? "" : ": " + string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.JournalMode, ct);
        }
        logger.LogInformation("Database is up to date");
    }
}
