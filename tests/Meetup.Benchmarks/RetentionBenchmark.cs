using System.Diagnostics;
using Meetup.Data;
using Meetup.Web.Features.Retention;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Benchmarks;

/// <summary>
/// The retention report on a large event against the floor: one plain scan of the same check-in
/// rows with a data reader. The report should cost little more than reading its input, and
/// grow linearly with it.
/// </summary>
/// <remarks>
/// The four measurements (floor and report, 500k and 1M) run round-robin, so that a busy machine
/// slows them all alike and the ratios stay meaningful; the warm-up is long enough for tiered
/// compilation to settle (the steady state of a running server).
/// </remarks>
internal static class RetentionBenchmark
{
    private const int Sessions = 200;
    private const int People = 20_000;
    private const int WarmUpRuns = 15;

    public static async Task RunAsync(int runs)
    {
        Console.WriteLine($"retention: {Sessions} counted sessions, {People:N0} people, SQLite; median of {runs} runs after warm-up");
        await using var half = await SyntheticEvent.CreateAsync(Sessions, People, 500_000);
        await using var full = await SyntheticEvent.CreateAsync(Sessions, People, 1_000_000);
        Func<Task>[] measured = [Floor(half, 500_000), Report(half), Floor(full, 1_000_000), Report(full)];

        for (var i = 0; i < WarmUpRuns; i++)
        {
            foreach (var run in measured)
            {
                await run();
            }
        }
        var times = measured.Select(_ => new double[runs]).ToArray();
        for (var i = 0; i < runs; i++)
        {
            for (var m = 0; m < measured.Length; m++)
            {
                times[m][i] = await TimeAsync(measured[m]);
            }
        }
        var (floor500, report500, floor1M, report1M) = (Timing.Of(times[0]), Timing.Of(times[1]), Timing.Of(times[2]), Timing.Of(times[3]));

        Print("500,000 check-ins", floor500, report500);
        Print("1,000,000 check-ins", floor1M, report1M);
        var ratio = report500.Median / floor500.Median;
        var growth = report1M.Median / report500.Median;
        Console.WriteLine($"1M / 500k report time: {growth:F2}x   (floor: {floor1M.Median / floor500.Median:F2}x)");
        Console.WriteLine($"targets: report <= 3x floor: {Verdict(ratio <= 3)} ({ratio:F2}x); "
            + $"<= 300 ms for 500k: {Verdict(report500.Median <= 300)} ({report500.Median:F0} ms); "
            + $"1M <= 2.2x 500k: {Verdict(growth <= 2.2)} ({growth:F2}x)");
    }

    private static void Print(string title, Timing floor, Timing report)
    {
        Console.WriteLine(title);
        Console.WriteLine($"  floor  (plain scan of the check-ins)  {floor.Median,8:F1} ms   (fastest {floor.Min:F1} ms)");
        Console.WriteLine($"  report (RetentionService)             {report.Median,8:F1} ms   (fastest {report.Min:F1} ms)   = {report.Median / floor.Median:F2}x floor");
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static Func<Task> Floor(SyntheticEvent data, int checkIns) => async () =>
    {
        var rows = await ScanAsync(data);
        if (rows != checkIns)
        {
            throw new InvalidOperationException($"The scan read {rows} rows, not {checkIns}.");
        }
    };

    private static Func<Task> Report(SyntheticEvent data)
    {
        var service = new RetentionService(new Factory(data.Options()), TimeProvider.System);
        return async () =>
        {
            var result = await service.GetReportAsync(data.EventId);
            if (result!.Overall.CountedSessions != Sessions)
            {
                throw new InvalidOperationException($"The report counted {result.Overall.CountedSessions} sessions.");
            }
        };
    }

    /// <summary>The floor: every (session, attendee) check-in row of the event, read once, nothing else.</summary>
    private static async Task<int> ScanAsync(SyntheticEvent data)
    {
        await using var connection = new SqliteConnection(data.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."SessionId", c."AttendeeId" FROM "CheckIns" AS c
            INNER JOIN "Sessions" AS s ON c."SessionId" = s."Id"
            WHERE s."EventId" = $e
            """;
        command.Parameters.AddWithValue("$e", data.EventId);
        await using var reader = await command.ExecuteReaderAsync();
        int rows = 0;
        long checksum = 0;
        while (reader.Read())
        {
            checksum += reader.GetInt32(0) ^ reader.GetInt32(1);
            rows++;
        }
        GC.KeepAlive(checksum);
        return rows;
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var stopwatch = Stopwatch.StartNew();
        await run();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private readonly record struct Timing(double Median, double Min)
    {
        public static Timing Of(double[] times)
        {
            Array.Sort(times);
            return new Timing(times[times.Length / 2], times[0]);
        }
    }

    private sealed class Factory(DbContextOptions<MeetupDb> options) : IDbContextFactory<MeetupDb>
    {
        public MeetupDb CreateDbContext() => new(options);
    }
}
