using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Benchmarks;

/// <summary>
/// The <c>public-pages</c> benchmark's second part: the moment registration opens. 1,000 RSVPs (distinct emails) are
/// sent in the first second — one a millisecond, open loop, each timed from its scheduled send, over at most 50
/// connections like the <c>rsvp</c> benchmark's clients — to the real API (<c>POST /api/sessions/{id}/rsvps</c>, the
/// same <c>RsvpService</c> and writer the form uses) at a fresh 100-seat session. Once alone (the baseline), once while
/// the 50 page connections keep reading that session's page and its event page; same run, after a warm-up burst.
/// The <c>rsvp</c> benchmark's targets: ≥ 25 % of the SQLite insert floor, p95 ≤ 100 ms, no failed request, exactly
/// 100 confirmed and a waitlist 1..900 without gaps.
/// </summary>
internal static class RsvpBurst
{
    private const int Total = 1000;
    private const int Seats = 100;
    private const int Connections = 50;

    public static async Task<bool> RunAsync(KestrelApp app, HttpClient readers, string slug, int eventId, int clients)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await RsvpBenchmark.SignInAsync(admin);
        var warm = await SessionAsync(admin, eventId, "warm");
        var alone = await SessionAsync(admin, eventId, "alone");
        var rushed = await SessionAsync(admin, eventId, "rushed");
        using var rsvps = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseCookies = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };

        await BurstAsync(rsvps, warm, "warm");
        var baseline = await BurstAsync(rsvps, alone, "alone");

        string[] pages = [$"/events/{slug}/sessions/{rushed}", $"/events/{slug}"];
        using var stop = new CancellationTokenSource();
        var reading = PublicPagesBenchmark.ReadUntilAsync(readers, pages, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the rush is on before registration opens
        var during = await BurstAsync(rsvps, rushed, "rushed");
        await stop.CancelAsync();
        var (read, readFor) = await reading;

        var dbPath = new SqliteConnectionStringBuilder(app.Factory.Database.ConnectionString).DataSource;
        var floor = RsvpBenchmark.InsertFloor(Path.GetDirectoryName(Path.GetFullPath(dbPath))!);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"rsvp burst: {Total:N0} RSVPs sent in the first second (one a ms, ≤ {Connections} connections) to a fresh {Seats}-seat session; floor {floor:F0} single-row insert transactions/s; load average {PublicPagesBenchmark.LoadAverage()}"));
        var ok = await ReportAsync(app, "alone", alone, baseline, floor);
        ok &= await ReportAsync(app, "while read", rushed, during, floor);
        Console.WriteLine(string.Create(c, $"  {"",-13} p99 {during.P(0.99) / baseline.P(0.99):F1}× alone, throughput {during.PerSecond / baseline.PerSecond:P0} of alone"));
        for (var p = 0; p < pages.Length; p++)
        {
            var tally = new PublicPagesBenchmark.Tally();
            tally.Add(read[p]);
            Console.WriteLine(string.Create(c,
                $"  {(p == 0 ? "session page" : "event page"),-13} {tally.PerSecond,7:F0} req/s · p50 {tally.Percentile(0.50),6:F1} ms · p99 {tally.Percentile(0.99),6:F1} ms · max {tally.Percentile(1),6:F1} ms · failures {tally.Failures} ({clients} connections, {readFor.TotalSeconds:F1} s around the burst)"));
            ok &= tally.Failures == 0;
        }
        return ok;
    }

    private static async Task<bool> ReportAsync(KestrelApp app, string name, int session, Burst burst, double floor)
    {
        int confirmed;
        List<int> positions;
        await using (var db = app.Factory.CreateDbContext())
        {
            confirmed = await db.Rsvps.CountAsync(r => r.SessionId == session && r.Status == RsvpStatus.Confirmed);
            positions = await db.Rsvps.Where(r => r.SessionId == session && r.Status == RsvpStatus.Waitlisted).Select(r => r.WaitlistPosition!.Value).OrderBy(p => p).ToListAsync();
        }
        var gapless = positions.SequenceEqual(Enumerable.Range(1, Total - Seats));
        var ratio = burst.PerSecond / floor;
        var met = burst.Failures == 0 && confirmed == Seats && gapless && ratio >= 0.25 && burst.P(0.95) <= 100;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  RSVP {name,-8} {burst.PerSecond,7:F0} RSVP/s ({ratio:P1} of the floor) · p50 {burst.P(0.50),6:F1} ms · p95 {burst.P(0.95),6:F1} ms · p99 {burst.P(0.99),6:F1} ms · max {burst.P(1),6:F1} ms · errors {burst.Failures} · {confirmed} confirmed, waitlist 1..{positions.Count} {(gapless ? "without gaps" : "WITH GAPS")} ({(met ? "met" : "MISSED")}: ≥ 25 %, p95 ≤ 100 ms)"));
        return met;
    }

    /// <summary>RSVP i is sent at i ms after the start; its latency counts from then (a wait for a connection included).</summary>
    private static async Task<Burst> BurstAsync(HttpClient http, int session, string prefix)
    {
        var latencies = new double[Total];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Total).Select(async i =>
        {
            var due = TimeSpan.FromMilliseconds(i * 1000.0 / Total);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            using var response = await http.PostAsJsonAsync($"/api/sessions/{session}/rsvps", new { name = $"{prefix} {i}", email = $"{prefix}{i}@burst.example" });
            latencies[i] = (clock.Elapsed - due).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Created)
            {
                Interlocked.Increment(ref failures);
            }
        }));
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        return new Burst(latencies, elapsed, failures);
    }

    private sealed record Burst(double[] Latencies, TimeSpan Elapsed, int Failures)
    {
        public double PerSecond => Latencies.Length / Elapsed.TotalSeconds;

        public double P(double p) => RsvpBenchmark.Percentile(Latencies, p);
    }

    private static async Task<int> SessionAsync(HttpClient admin, int eventId, string title)
    {
        var s = await admin.PostAsJsonAsync($"/api/events/{eventId}/sessions", new
        {
            title = $"Registration opens ({title})",
            startsAt = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
            durationMinutes = 120,
            format = "in_person",
            venueName = "Hall B",
            venueAddress = "2 Main St",
            capacity = Seats,
            languages = new[] { "en" },
        });
        s.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await s.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        (await admin.PostAsync($"/api/sessions/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }
}
