using System.Diagnostics;
using System.Globalization;
using System.Text;
using Meetup.Data;
using Meetup.Web.Features.Import;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Benchmarks;

/// <summary>A 100,000-row history file: parse, write into an empty event, then import it again (nothing to write).</summary>
internal static class ImportBenchmark
{
    private const int Sessions = 200;
    private const int RowsPerSession = 500;
    private const int People = 20_000;

    public static async Task RunAsync()
    {
        var csv = Synthesize();
        Console.WriteLine($"import: {Sessions * RowsPerSession:N0} rows ({Encoding.UTF8.GetByteCount(csv) / 1e6:F1} MB), {Sessions} sessions, {People:N0} people, SQLite");
        await using var data = await SyntheticEvent.CreateAsync(0, 0, 0);
        var factory = new Factory(data.Options());
        var writer = new HistoryWriter(factory, TimeProvider.System);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var stopwatch = Stopwatch.StartNew();
        var parsed = ImportParser.Parse(new StringReader(csv), ColumnMapping.Canonical, tokyo);
        var parse = stopwatch.Elapsed.TotalSeconds;
        if (!parsed.IsValid)
        {
            throw new InvalidOperationException(parsed.Errors[0].Message);
        }
        stopwatch.Restart();
        var first = await writer.WriteAsync(data.EventId, parsed.Rows);
        var write = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        var again = await writer.WriteAsync(data.EventId, ImportParser.Parse(new StringReader(csv), ColumnMapping.Canonical, tokyo).Rows);
        var reimport = stopwatch.Elapsed.TotalSeconds;

        Console.WriteLine($"  parse                 {parse,6:F2} s");
        Console.WriteLine($"  write (empty event)   {write,6:F2} s   {first}");
        Console.WriteLine($"  import again          {reimport,6:F2} s   {again}");
        BadFile(tokyo);
    }

    /// <summary>A million bad lines (three problems each): the time, and the memory the parse holds on to (kept problems only).</summary>
    private static void BadFile(TimeZoneInfo tokyo)
    {
        var csv = new StringBuilder("session_start,email,attended\n", 7_000_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            csv.Append("x,y,z\n");
        }
        var text = csv.ToString();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        var parsed = ImportParser.Parse(new StringReader(text), ColumnMapping.Canonical, tokyo);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"  1,000,000 bad lines   {seconds,6:F2} s   {parsed.ErrorCount:N0} problems, {parsed.Errors.Count:N0} kept, {held / 1e6:F1} MB held after");
        GC.KeepAlive(parsed);
    }

    private static string Synthesize()
    {
        var random = new Random(7);
        var csv = new StringBuilder(string.Join(',', ImportFields.All)).Append('\n');
        for (var s = 0; s < Sessions; s++)
        {
            var start = new DateTime(2019, 1, 9, 19, 30, 0).AddDays(7 * s).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            var seen = new HashSet<int>();
            while (seen.Count < RowsPerSession)
            {
                var p = random.Next(People);
                if (!seen.Add(p))
                {
                    continue;
                }
                var rsvp = (p % 10) switch { 0 => "none", 1 => "waitlisted", 2 => "cancelled", _ => "confirmed" };
                csv.Append(CultureInfo.InvariantCulture, $"{start},Session {s + 1},in_person,ja zh,held,person{p}@example.com,Person {p},{rsvp},{(p % 5 == 0 ? "no" : "yes")}\n");
            }
        }
        return csv.ToString();
    }

    private sealed class Factory(DbContextOptions<MeetupDb> options) : IDbContextFactory<MeetupDb>
    {
        public MeetupDb CreateDbContext() => new(options);
    }
}
