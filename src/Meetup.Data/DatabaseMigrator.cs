using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Meetup.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies the pending migrations of the provider's migration set, switches SQLite to WAL, and fills what a
    /// migration cannot compute in SQL (<see cref="SearchNameFill"/>).
    /// </summary>
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
        if (await SearchNameFill.RunAsync(db, ct) is > 0 and var filled)
        {
            logger.LogInformation("Filled the search names of {Count} people", filled);
        }
        logger.LogInformation("Database is up to date");
    }
}
