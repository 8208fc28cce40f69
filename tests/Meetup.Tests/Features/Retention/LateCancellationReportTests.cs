using System.Globalization;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Retention;

/// <summary>
/// The report's <c>lateCancellations</c> per counted session (docs/retention.md) on a generated history, against a
/// naive count of the rows: cancelled by the person at StartsAt − 24 h ≤ CancelledAt &lt; StartsAt.
/// </summary>
public class LateCancellationReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Late_cancellations_per_session_match_a_naive_count_of_the_rows(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var eventId = await SeedAsync(database, new Random(20261207));

        var report = await Service(database).GetReportAsync(eventId);

        List<(int SessionId, DateTime StartsAt, RsvpStatus Status, DateTime? CancelledAt)> rows;
        await using (var db = database.CreateContext())
        {
            rows = (await db.Rsvps.AsNoTracking().Select(r => new { r.SessionId, r.Session!.StartsAt, r.Status, r.CancelledAt }).ToListAsync())
                .Select(r => (r.SessionId, r.StartsAt, r.Status, r.CancelledAt)).ToList();
        }
        var expected = report!.Sessions.ToDictionary(s => s.SessionId, s => rows.Count(r => r.SessionId == s.SessionId
            && r.Status == RsvpStatus.Cancelled && r.CancelledAt is { } at && at >= r.StartsAt.AddHours(-24) && at < r.StartsAt));
        Assert.Equal(expected, report.Sessions.ToDictionary(s => s.SessionId, s => s.LateCancellations));
        Assert.True(report.Sessions.Count >= 8);
        Assert.True(expected.Values.Sum() >= 10, "the history should hold late cancellations");
        Assert.Contains(report.Sessions, s => s.LateCancellations == 0);
    }

    [Fact]
    public async Task Retention_csv_carries_each_sessions_late_cancellations_as_the_report_counts_them()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await database.MigrateAsync();
        var eventId = await SeedAsync(database, new Random(20261207));
        var retention = (await Service(database).GetAsync(eventId))!;

        using var output = new MemoryStream();
        await RetentionCsv.WriteAsync(retention, output);

        var records = AttendanceCsv.ParseRecords(System.Text.Encoding.UTF8.GetString(output.ToArray()));
        var header = records[0].ToList();
        Assert.Equal(header.IndexOf("walkIns") + 1, header.IndexOf("lateCancellations")); // named as in the JSON report
        var csv = records.Skip(1).ToDictionary(r => int.Parse(r[header.IndexOf("sessionId")], CultureInfo.InvariantCulture),
            r => int.Parse(r[header.IndexOf("lateCancellations")], CultureInfo.InvariantCulture));
        Assert.Equal(retention.Report.Sessions.ToDictionary(s => s.SessionId, s => s.LateCancellations), csv);
        Assert.Contains(csv.Values, v => v > 0);
        Assert.Contains(csv.Values, v => v == 0);
    }

    [Fact]
    public void The_window_is_the_reminders_lead_closed_at_its_start_open_at_the_sessions()
    {
        var start = new DateTime(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc);

        Assert.Equal(TimeSpan.FromHours(24), LateCancellation.Window);
        Assert.True(LateCancellation.IsLate(start.AddHours(-24), start));
        Assert.True(LateCancellation.IsLate(start.AddTicks(-1), start));
        Assert.False(LateCancellation.IsLate(start.AddHours(-24).AddTicks(-1), start));
        Assert.False(LateCancellation.IsLate(start, start));
    }

    private static RetentionService Service(TestDatabase database)
        => new(new Factory(new DbContextOptionsBuilder<MeetupDb>(database.Options()).Options), new FakeTimeProvider(Now));

    /// <summary>
    /// Twelve weekly sessions (one cancelled, one upcoming) and 30 people: each RSVP confirmed (checked in or a no-show),
    /// waitlisted, cancelled by an organizer (no instant) or cancelled by the person at an instant from 3 days before
    /// the start to 6 hours after, the window's edges included.
    /// </summary>
    private static async Task<int> SeedAsync(TestDatabase database, Random random)
    {
        await using var db = database.CreateContext();
        var created = Now.UtcDateTime;
        var e = new Event { Name = "Seeded", Slug = "seeded", CreatedAt = created, UpdatedAt = created };
        var people = Enumerable.Range(0, 30)
            .Select(p => new Attendee { Email = $"p{p}@example.com", DisplayName = $"P{p}", CreatedAt = created }).ToList();
        TimeSpan[] edges = [TimeSpan.FromHours(-24), TimeSpan.FromHours(-24) - TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromSeconds(-1)];
        for (var s = 0; s < 12; s++)
        {
            var start = new DateTime(2026, 9, 2, 10, 30, 0, DateTimeKind.Utc).AddDays(7 * s + (s == 11 ? 90 : 0));
            var session = new Session
            {
                Title = $"#{s + 1}",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                CreatedAt = created,
                UpdatedAt = created,
                Status = s == 5 ? SessionStatus.Cancelled : SessionStatus.Published,
            };
            for (var p = 0; p < people.Count; p++)
            {
                var rsvp = new Rsvp { Attendee = people[p], Status = RsvpStatus.Confirmed, CreatedAt = created, UpdatedAt = created };
                var kind = random.Next(7);
                switch (s == 3 && kind >= 5 ? 4 : kind) // session #4: nobody cancelled themselves
                {
                    case 0 or 1:
                        session.CheckIns.Add(new CheckIn { Attendee = people[p], At = start, Method = CheckInMethod.Manual });
                        break;
                    case 2:
                        break; // a no-show
                    case 3:
                        (rsvp.Status, rsvp.WaitlistPosition) = (RsvpStatus.Waitlisted, p + 1);
                        break;
                    case 4:
                        rsvp.Status = RsvpStatus.Cancelled; // by an organizer
                        break;
                    default:
                        rsvp.Status = RsvpStatus.Cancelled;
                        var offset = random.Next(4) == 0 ? edges[random.Next(edges.Length)]
                            : TimeSpan.FromSeconds(random.Next(-72 * 3600, 6 * 3600));
                        rsvp.CancelledAt = start + offset;
                        break;
                }
                session.Rsvps.Add(rsvp);
            }
            e.Sessions.Add(session);
        }
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }

    private sealed class Factory(DbContextOptions<MeetupDb> options) : IDbContextFactory<MeetupDb>
    {
        public MeetupDb CreateDbContext() => new(options);
    }
}
