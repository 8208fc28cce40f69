using System.Diagnostics;
using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Benchmarks;

/// <summary>
/// A SQLite file holding one event with a large, seeded-random history. The schema comes from the
/// real migrations; the rows are inserted with prepared SqliteCommands in one transaction (EF would
/// take minutes for a million rows).
/// </summary>
internal sealed class SyntheticEvent : IAsyncDisposable
{
    private SyntheticEvent(string path, int eventId)
    {
        Path = path;
        EventId = eventId;
    }

    public string Path { get; }
    public int EventId { get; }
    public string ConnectionString => $"Data Source={Path}";

    public DbContextOptions<MeetupDb> Options() => OptionsFor(ConnectionString);

    private static DbContextOptions<MeetupDb> OptionsFor(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<MeetupDb>();
        builder.UseMeetupDatabase(DatabaseProvider.Sqlite, connectionString);
        return builder.Options;
    }

    /// <summary>
    /// <paramref name="sessions"/> weekly sessions since 2019 (all in the past), <paramref name="people"/> people, and
    /// <paramref name="checkIns"/> check-ins spread evenly over the sessions, each session a random set of distinct people.
    /// </summary>
    public static async Task<SyntheticEvent> CreateAsync(int sessions, int people, int checkIns, int seed = 42)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"meetup-bench-{Guid.NewGuid():N}.db");
        var stopwatch = Stopwatch.StartNew();
        var options = OptionsFor($"Data Source={path}");
        int eventId;
        await using (var db = new MeetupDb(options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.JournalMode);
            var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var e = new Event { Name = "Benchmark", Slug = "benchmark", CreatedAt = created, UpdatedAt = created };
            for (var s = 0; s < sessions; s++)
            {
                var start = new DateTime(2019, 1, 9, 10, 30, 0, DateTimeKind.Utc).AddDays(7 * s);
                e.Sessions.Add(new Session
                {
                    Title = $"Session {s + 1}",
                    StartsAt = start,
                    EndsAt = start.AddHours(2),
                    Capacity = people,
                    Languages = s % 3 == 0 ? ["ja", "zh"] : ["ja"],
                    Format = (SessionFormat)(s % 3),
                    Status = SessionStatus.Published,
                    CreatedAt = created,
                    UpdatedAt = created,
                });
            }
            db.Events.Add(e);
            await db.SaveChangesAsync();
            eventId = e.Id;
        }

        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var transaction = connection.BeginTransaction();
            var sessionIds = new List<int>();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = "SELECT \"Id\" FROM \"Sessions\" WHERE \"EventId\" = $e ORDER BY \"StartsAt\"";
                select.Parameters.AddWithValue("$e", eventId);
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    sessionIds.Add(reader.GetInt32(0));
                }
            }

            var attendeeIds = InsertPeople(connection, transaction, people);
            InsertCheckIns(connection, transaction, sessionIds, attendeeIds, checkIns, new Random(seed));
            await transaction.CommitAsync();
        }
        await using (var analyze = new SqliteConnection($"Data Source={path}"))
        {
            await analyze.OpenAsync();
            await using var command = analyze.CreateCommand();
            command.CommandText = "ANALYZE;";
            await command.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"  (synthesized {checkIns:N0} check-ins in {stopwatch.Elapsed.TotalSeconds:F1} s)");
        return new SyntheticEvent(path, eventId);
    }

    private static int[] InsertPeople(SqliteConnection connection, SqliteTransaction transaction, int people)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"Attendees\" (\"Email\", \"DisplayName\", \"CreatedAt\") VALUES ($email, $name, '2026-01-01 00:00:00') RETURNING \"Id\"";
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        insert.Prepare();
        var ids = new int[people];
        for (var p = 0; p < people; p++)
        {
            email.Value = $"person{p}@example.com";
            name.Value = $"Person {p}";
            ids[p] = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return ids;
    }

    private static void InsertCheckIns(
        SqliteConnection connection, SqliteTransaction transaction, List<int> sessionIds, int[] attendeeIds, int checkIns, Random random)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"CheckIns\" (\"SessionId\", \"AttendeeId\", \"At\", \"Method\") VALUES ($s, $a, '2026-01-01 00:00:00', 'manual')";
        var session = insert.Parameters.Add("$s", SqliteType.Integer);
        var attendee = insert.Parameters.Add("$a", SqliteType.Integer);
        insert.Prepare();
        var pool = (int[])attendeeIds.Clone();
        for (var s = 0; s < sessionIds.Count; s++)
        {
            // An even share per session; a partial shuffle picks that many distinct people.
            var count = checkIns / sessionIds.Count + (s < checkIns % sessionIds.Count ? 1 : 0);
            session.Value = sessionIds[s];
            for (var i = 0; i < count; i++)
            {
                var j = random.Next(i, pool.Length);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                attendee.Value = pool[i];
                insert.ExecuteNonQuery();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
        return ValueTask.CompletedTask;
    }
}
