using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Testing;
using Meetup.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meetup.Benchmarks;

/// <summary>
/// The rush an announcement causes: 50 concurrent connections read the public session page and the event page
/// of a published session with 40 RSVPs and an agenda, through real Kestrel on SQLite, each for a fixed time,
/// against the floor: a static file (<c>/favicon.svg</c>) from the same server at the same concurrency, in the
/// same run. Targets: each page ≥ 25 % of the floor's req/s and p99 ≤ 50 ms.
/// <para>
/// The three measurements run round-robin (floor, session, event) after a warm-up of each, so that machine load
/// slows them alike; the figures are the sums over the rounds. Each client is a browser without cookies (a
/// visitor from an email link), with the usual <c>Accept-Language</c>.
/// </para>
/// </summary>
public static class PublicPagesBenchmark
{
    private const int Clients = 50;
    private const int Rsvps = 40;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(3);

    /// <param name="pageReads">The app's <c>PageReads:ConcurrencyLimit</c> (0: no limit); null: its default.</param>
    public static async Task<int> RunAsync(int rounds, string? pageReads)
    {
        RsvpBenchmark.UseAppContentRoot();
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["Notifications:Enabled"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        if (pageReads is not null)
        {
            settings["PageReads:ConcurrencyLimit"] = pageReads;
        }
        await using var app = await KestrelApp.StartAsync("Sqlite", settings);
        var readLimit = app.Factory.Services.GetRequiredService<IOptions<PageReadSettings>>().Value.Effective;
        var (slug, session, eventId) = await SetUpAsync(app.BaseUrl);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Clients,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var targets = new (string Name, string Path)[]
        {
            ("static file", "/favicon.svg"),
            ("session page", $"/events/{slug}/sessions/{session}"),
            ("event page", $"/events/{slug}"),
        };

        foreach (var (_, path) in targets)
        {
            await LoadAsync(http, path, WarmUp);
        }
        var results = targets.Select(_ => new Tally()).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var t = 0; t < targets.Length; t++)
            {
                results[t].Add(await LoadAsync(http, targets[t].Path, Slice));
            }
        }

        var c = CultureInfo.InvariantCulture;
        var floor = results[0].PerSecond;
        Console.WriteLine(string.Create(c, $"public-pages: {Clients} concurrent connections, {rounds} rounds of {Slice.TotalSeconds:F0} s per page (after {WarmUp.TotalSeconds:F0} s warm-up each), SQLite, Kestrel at {app.BaseUrl}"));
        Console.WriteLine(string.Create(c, $"  session {session} of /events/{slug}: {Rsvps} RSVPs, an agenda of 3 items; page reads served at once: {(readLimit > 0 ? readLimit.ToString(c) : "no limit")}; load average {LoadAverage()}"));
        var ok = true;
        for (var t = 0; t < targets.Length; t++)
        {
            var x = results[t];
            var ratio = x.PerSecond / floor;
            var line = string.Create(c, $"  {targets[t].Name,-13} {x.PerSecond,7:F0} req/s · p50 {x.Percentile(0.50),6:F1} ms · p99 {x.Percentile(0.99),6:F1} ms · max {x.Percentile(1),6:F1} ms · failures {x.Failures}");
            if (t > 0)
            {
                var met = ratio >= 0.25 && x.Percentile(0.99) <= 50 && x.Failures == 0;
                ok &= met;
                line += string.Create(c, $" · {ratio:P1} of the floor ({(met ? "met" : "MISSED")}: ≥ 25 %, p99 ≤ 50 ms)");
            }
            Console.WriteLine(line);
        }
        ok &= await RsvpBurst.RunAsync(app, http, slug, eventId, Clients);
        Console.WriteLine(ok ? "  result        all targets met" : "  result        TARGET MISSED");
        return ok ? 0 : 2;
    }

    /// <summary>Clients GET the paths in turn until <paramref name="stop"/>; answers each request's latency by path.</summary>
    internal static async Task<(Sample[] ByPath, TimeSpan Elapsed)> ReadUntilAsync(HttpClient http, string[] paths, CancellationToken stop)
    {
        var latencies = paths.Select(_ => new List<double>[Clients]).ToArray();
        var failures = new int[paths.Length];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
        {
            var mine = latencies.Select(l => l[i] = new List<double>(4096)).ToArray();
            for (var n = i; !stop.IsCancellationRequested; n++)
            {
                var p = n % paths.Length;
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(paths[p], HttpCompletionOption.ResponseContentRead);
                mine[p].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures[p]);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        return ([.. paths.Select((_, p) => new Sample(latencies[p].SelectMany(l => l).ToList(), elapsed, failures[p]))], elapsed);
    }

    /// <summary>Clients GET the path again and again until the time is up; answers each request's latency.</summary>
    private static async Task<Sample> LoadAsync(HttpClient http, string path, TimeSpan duration)
    {
        var latencies = new List<double>[Clients];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
        {
            var mine = latencies[i] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return new Sample(latencies.SelectMany(l => l).ToList(), clock.Elapsed, failures);
    }

    internal sealed record Sample(List<double> Latencies, TimeSpan Elapsed, int Failures);

    internal sealed class Tally
    {
        private readonly List<double> _latencies = [];
        private TimeSpan _elapsed;

        public int Failures { get; private set; }
        public double PerSecond => _latencies.Count / _elapsed.TotalSeconds;

        public void Add(Sample s)
        {
            _latencies.AddRange(s.Latencies);
            _elapsed += s.Elapsed;
            Failures += s.Failures;
            _latencies.Sort();
        }

        public double Percentile(double p) => _latencies[Math.Clamp((int)Math.Ceiling(p * _latencies.Count) - 1, 0, _latencies.Count - 1)];
    }

    /// <summary>An event with one published in-person session, an agenda and some RSVPs; answers its slug and the session's id.</summary>
    private static async Task<(string Slug, int Session, int EventId)> SetUpAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var auth = await http.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword });
        auth.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await auth.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var ev = await http.PostAsJsonAsync("/api/events", new { name = "Rush bench", description = "A study group that **meets monthly**." });
        ev.EnsureSuccessStatusCode();
        var evJson = JsonDocument.Parse(await ev.Content.ReadAsStringAsync()).RootElement;
        var eventId = evJson.GetProperty("id").GetInt32();
        var slug = evJson.GetProperty("slug").GetString()!;
        var s = await http.PostAsJsonAsync($"/api/events/{eventId}/sessions", new
        {
            title = "The session everyone was told about",
            description = "Talks, then *questions*.\n\n- bring a laptop\n- slides after",
            startsAt = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
            durationMinutes = 120,
            format = "in_person",
            venueName = "Hall A",
            venueAddress = "1 Main St",
            capacity = 100,
            languages = new[] { "en" },
        });
        if (!s.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(await s.Content.ReadAsStringAsync());
        }
        var id = JsonDocument.Parse(await s.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var agenda = new[] { "Opening", "Main talk", "Lightning talks" }.Select(title => new { title, kind = "talk", durationMinutes = 30, speakerIds = Array.Empty<int>() });
        var put = await http.PutAsJsonAsync($"/api/sessions/{id}/agenda", agenda);
        if (!put.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(await put.Content.ReadAsStringAsync());
        }
        (await http.PostAsync($"/api/sessions/{id}/publish", null)).EnsureSuccessStatusCode();
        for (var i = 0; i < Rsvps; i++)
        {
            (await http.PostAsJsonAsync($"/api/sessions/{id}/rsvps", new { name = $"Person {i}", email = $"p{i}@bench.example" })).EnsureSuccessStatusCode();
        }
        return (slug, id, eventId);
    }

    internal static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] + $" on {Environment.ProcessorCount} cores" : "unknown";
}
