using System.Diagnostics;
using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Retention.Dashboard;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Meetup.E2E.AdminSession;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>Runs only when MEETUP_PERF=1: seeding half a million check-ins takes a while.</summary>
public sealed class PerfFactAttribute : FactAttribute
{
    public PerfFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MEETUP_PERF") != "1")
        {
            Skip = "Set MEETUP_PERF=1 to measure the dashboard on a large history.";
        }
    }
}

/// <summary>
/// The dashboard's first render on the issue's large event: 200 counted sessions, 20,000 people,
/// 500,000 check-ins (and as many confirmed RSVPs), on SQLite.
/// </summary>
public class DashboardPerformanceTests(ITestOutputHelper output)
{
    private const int Sessions = 200, People = 20_000, PerSession = 2_500;

    [PerfFact]
    public async Task A_large_event_is_read_within_a_second_and_the_browser_time_to_its_figures_is_measured()
    {
        await using var app = await KestrelApp.StartAsync();
        var eventId = await SeedAsync(app);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            // The service alone: the report plus the dashboard's two small reads.
            using (var scope = app.Factory.Services.CreateScope())
            {
                var service = scope.ServiceProvider.GetRequiredService<RetentionDashboardService>();
                var times = new List<long>();
                for (var i = 0; i < 4; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var data = await service.LoadAsync(eventId, DashboardRange.AllHistory);
                    times.Add(watch.ElapsedMilliseconds);
                    Assert.Equal(Sessions, data!.TotalCounted);
                }
                output.WriteLine($"LoadAsync: {string.Join(", ", times)} ms (first is cold)");
                var warm = times.Skip(1).Order().ToList();
                Assert.True(warm[1] < 1_000, $"Reading the dashboard took {warm[1]} ms (median of three warm runs).");
                var retention = scope.ServiceProvider.GetRequiredService<Meetup.Web.Features.Retention.RetentionService>();
                var report = new List<long>();
                for (var i = 0; i < 3; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await retention.GetReportAsync(eventId);
                    report.Add(watch.ElapsedMilliseconds);
                }
                output.WriteLine($"RetentionService.GetReportAsync alone: {string.Join(", ", report)} ms");
            }

            var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            await SignInAsync(page);
            var browserTimes = new List<long>();
            for (var visit = 1; visit <= 3; visit++)
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync($"/admin/events/{eventId}/retention");
                var loaded = watch.ElapsedMilliseconds;
                await Expect(page.Locator("[data-kpi=returnRate]")).Not.ToBeAttachedAsync(); // prerendered: the loading state only
                await WaitInteractiveAsync(page);
                var interactive = watch.ElapsedMilliseconds;
                await Expect(page.Locator("[data-kpi=returnRate] .rd-kpi-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"%$"), new() { Timeout = 30_000 });
                await Expect(page.Locator("#lifecycle svg rect").First).ToBeAttachedAsync();
                var rendered = watch.ElapsedMilliseconds;
                browserTimes.Add(rendered);
                output.WriteLine($"Visit {visit}: page loaded after {loaded} ms, circuit interactive after {interactive} ms, figures and charts after {rendered} ms");
                if (visit == 3)
                {
                    await page.ScreenshotAsync(new() { Path = Artifact("dashboard-large-1280.png"), FullPage = true });
                }
            }
            // The browser shares the two cores with the server here, so this is printed rather than asserted.
            output.WriteLine($"Navigation to figures and charts, median of 3: {browserTimes.Order().ElementAt(1)} ms");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Sessions and people through EF; the million pair rows with one prepared statement each, in one transaction.</summary>
    private async Task<int> SeedAsync(KestrelApp app)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(42);
        var start = new DateTime(2018, 7, 4, 10, 0, 0, DateTimeKind.Utc);
        Event e;
        await using (var db = app.Factory.CreateDbContext())
        {
            e = new Event { Name = "Large Study Group", Slug = "large-study-group", TimeZone = "Asia/Tokyo", CreatedAt = start, UpdatedAt = start };
            for (var s = 0; s < Sessions; s++)
            {
                var at = start.AddDays(7 * s);
                e.Sessions.Add(new Session
                {
                    Title = $"Study session #{s + 1}", StartsAt = at, EndsAt = at.AddHours(2), Status = SessionStatus.Published,
                    Format = (SessionFormat)(s % 3), Languages = s % 2 == 0 ? ["ja"] : ["ja", "zh"], Capacity = 3_000, CreatedAt = at, UpdatedAt = at,
                });
            }
            db.Events.Add(e);
            for (var p = 0; p < People; p++)
            {
                db.Attendees.Add(new Attendee { Email = $"person{p}@example.com", DisplayName = $"Person {p}", CreatedAt = start });
            }
            await db.SaveChangesAsync();
        }

        await using var connection = new SqliteConnection(app.Factory.Database.ConnectionString);
        await connection.OpenAsync();
        var sessionIds = new List<int>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT Id FROM Sessions WHERE EventId = {e.Id} ORDER BY StartsAt";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sessionIds.Add(reader.GetInt32(0));
            }
        }
        var firstAttendee = People; // ids are 1..People in a fresh database
        await using (var min = connection.CreateCommand())
        {
            min.CommandText = "SELECT MIN(Id) FROM Attendees";
            firstAttendee = Convert.ToInt32(await min.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        await using var transaction = connection.BeginTransaction();
        await using var checkIn = connection.CreateCommand();
        checkIn.Transaction = transaction;
        checkIn.CommandText = "INSERT INTO CheckIns (SessionId, AttendeeId, At, Method) VALUES ($s, $a, $at, 'import')";
        var cs = checkIn.Parameters.Add("$s", SqliteType.Integer);
        var ca = checkIn.Parameters.Add("$a", SqliteType.Integer);
        var cat = checkIn.Parameters.Add("$at", SqliteType.Text);
        await using var rsvp = connection.CreateCommand();
        rsvp.Transaction = transaction;
        rsvp.CommandText = "INSERT INTO Rsvps (SessionId, AttendeeId, Status, CreatedAt, UpdatedAt) VALUES ($s, $a, 'confirmed', $at, $at)";
        var rs = rsvp.Parameters.Add("$s", SqliteType.Integer);
        var ra = rsvp.Parameters.Add("$a", SqliteType.Integer);
        var rat = rsvp.Parameters.Add("$at", SqliteType.Text);
        checkIn.Prepare();
        rsvp.Prepare();

        // A core of 1,500 who nearly always come, the rest drawn from everyone: 2,500 per session.
        var chosen = new HashSet<int>();
        for (var s = 0; s < Sessions; s++)
        {
            chosen.Clear();
            for (var p = 0; p < 1_500; p++)
            {
                if (random.NextDouble() < 0.9)
                {
                    chosen.Add(p);
                }
            }
            while (chosen.Count < PerSession)
            {
                chosen.Add(random.Next(People));
            }
            var at = start.AddDays(7 * s).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            foreach (var p in chosen)
            {
                cs.Value = rs.Value = sessionIds[s];
                ca.Value = ra.Value = firstAttendee + p;
                cat.Value = rat.Value = at;
                await checkIn.ExecuteNonQueryAsync();
                if (p % 10 != 0)
                {
                    await rsvp.ExecuteNonQueryAsync(); // every tenth is a walk-in
                }
            }
        }
        await transaction.CommitAsync();
        output.WriteLine($"Seeded {Sessions} sessions, {People} people, {Sessions * PerSession} check-ins in {watch.ElapsedMilliseconds} ms");
        return e.Id;
    }
}
