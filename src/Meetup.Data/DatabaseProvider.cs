using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Meetup.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the provider and its migrations assembly. Each provider has its own migration set
/// (Meetup.Data.Sqlite, Meetup.Data.Postgres) because SQL and column types differ.
/// </summary>
public static class DatabaseProviderOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/meetup.db";

    public static DbContextOptionsBuilder UseMeetupDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("Meetup.Data.Sqlite"));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Meetup.Data.Postgres"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
        return options;
    }

    public static DatabaseProvider Parse(string? value)
        => string.IsNullOrWhiteSpace(value) ? DatabaseProvider.Sqlite
            : value.Trim().ToLowerInvariant() switch
            {
                "sqlite" => DatabaseProvider.Sqlite,
                "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
                _ => throw new InvalidOperationException(
                    $"Database:Provider '{value}' is not supported; use 'Sqlite' or 'Postgres'."),
            };

    /// <summary>Creates the folder of a SQLite file so a fresh clone needs nothing prepared.</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

/// <summary>
/// The app's SQLite settings, in one place so that whatever measures "the app's settings" (the rsvp
/// benchmark's floor) uses these very strings. WAL lets readers run beside the writer; its mode is
/// persistent and set when migrating. Every connection then waits for a competing writer instead of
/// failing at once, and syncs the WAL on every commit (synchronous=FULL): an answered RSVP survives a
/// power loss, which NORMAL does not promise in WAL mode. Group commit (RsvpBatcher) shares that
/// fsync among the RSVPs that arrive together.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>Persistent: set once when migrating.</summary>
    public const string JournalMode = "PRAGMA journal_mode = WAL;";

    /// <summary>Per connection: run on every open.</summary>
    public const string PerConnection = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";

    internal static readonly SqlitePragmas Instance = new();

    private SqlitePragmas()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
