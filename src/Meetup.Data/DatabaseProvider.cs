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
/// Per-connection SQLite settings: wait for a competing writer instead of failing at once,
/// and the usual durability trade-off for WAL mode (journal_mode=WAL itself is persistent and
/// set when migrating).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
