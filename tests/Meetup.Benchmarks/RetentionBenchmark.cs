using System.Diagnostics;
using Meetup.Data;
using Meetup.Web.Features.Retention;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Benchmarks;

/// <summary>
/// The retention report on a large event against the floor: one plain scan of the same check-in
/// rows with a data reader. The report should cost little more than reading its input.
/// </summary>
internal static class RetentionBenchmark
{
    private const int Sessions = 200;
    private const int People = 20_000;
    private const int WarmUpRuns = 8;

    public static async Task RunAsync(int runs)
    {
        Console.WriteLine($"retention: {Sessions} counted sessions, {People:N0} people, SQLite; median of {runs} runs after warm-up");
        var half = await MeasureAsync(500_000, runs);
        Console.WriteLine($"  targets: report <= 3x floor ({(half.Report / half.Floor <= 3 ? "met" : "MISSED")}), <= 300 ms for 500k ({(half.Report <= 300 ? "met" : "MISSED")})");
        var full = await MeasureAsync(1_000_000, runs);
        var growth = full.Report / half.Report;
        Console.WriteLine($"1M / 500k report time: {growth:F2}x   (target <= 2.2x: {(growth <= 2.2 ? "met" : "MISSED")})");
    }

    private static async Task<(double Floor, double Report)> MeasureAsync(int checkIns, int runs)
    {
        Console.WriteLine($"{checkIns:N0} check-ins");
        await using var data = await SyntheticEvent.CreateAsync(Sessions, People, checkIns);
        var service = new RetentionService(new Factory(data.Options()), TimeProvider.System);

        async Task Floor()
        {
            var rows = await ScanAsync(data);
            if (rows != checkIns)
            {
                throw new InvalidOperationException($"The scan read {rows} rows, not {checkIns}.");
            }
        }
        async Task Report()
        {
            var result = await service.GetReportAsync(data.EventId);
            if (result!.Overall.CountedSessions != Sessions)
            {
                throw new InvalidOperationException($"The report counted {result.Overall.CountedSessions} sessions.");
            }
        }

        var (floor, report) = await MedianAsync(runs, Floor, Report);
        Console.WriteLine($"  floor  (plain scan of the check-ins)  {floor.Median,8:F1} ms   (fastest {floor.Min:F1} ms)");
        Console.WriteLine($"  report (RetentionService)             {report.Median,8:F1} ms   (fastest {report.Min:F1} ms)   = {report.Median / floor.Median:F2}x floor");
        return (floor.Median, report.Median);
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

    /// <summary>
    /// Runs the two alternately, so that both meet the same background load, after a warm-up long
    /// enough for tiered compilation to settle (the steady state of a running server).
    /// </summary>
    private static async Task<(Timing A, Timing B)> MedianAsync(int runs, Func<Task> a, Func<Task> b)
    {
        for (var i = 0; i < WarmUpRuns; i++)
        {
            await a();
            await b();
        }
        var timesA = new double[runs];
        var timesB = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            timesA[i] = await TimeAsync(a);
            timesB[i] = await TimeAsync(b);
        }
        return (Timing.Of(timesA), Timing.Of(timesB));
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
