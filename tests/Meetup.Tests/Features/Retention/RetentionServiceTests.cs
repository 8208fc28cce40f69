using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Retention;

/// <summary>The report service on real databases: what it reads, how often, and which sessions it passes on.</summary>
public class RetentionServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_report_takes_five_queries_however_many_sessions_and_people(string provider)
    {
        await using var database = await MigratedAsync(provider);
        var eventId = await SeedAsync(database, sessions: 30, people: 60);
        var commands = new CommandLog();

        var report = await Service(database, commands).GetReportAsync(eventId);

        Assert.Equal(30, report!.Overall.CountedSessions);
        Assert.Equal(60, report.Attendees.Count);
        // event, sessions, check-in pairs, confirmed-RSVP pairs, people.
        Assert.Equal(5, commands.Count);
        // The people are fetched by id, all ids in one parameter, so any number fits in one query.
        var people = Assert.Single(commands.Texts, t => t.Contains("\"DisplayName\"", StringComparison.Ordinal));
        Assert.True(commands.ParameterCounts[commands.Texts.IndexOf(people)] <= 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Drafts_are_neither_counted_nor_listed_as_excluded(string provider)
    {
        await using var database = await MigratedAsync(provider);
        var eventId = await SeedAsync(database, sessions: 3, people: 4);
        await using (var db = database.CreateContext())
        {
            var draft = await db.Sessions.OrderBy(s => s.StartsAt).FirstAsync();
            draft.Status = SessionStatus.Draft;
            await db.SaveChangesAsync();
        }

        var report = await Service(database).GetReportAsync(eventId);

        Assert.Equal(2, report!.Overall.CountedSessions);
        Assert.Empty(report.ExcludedSessions);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Regular_and_at_risk_follow_the_events_own_thresholds(string provider)
    {
        await using var database = await MigratedAsync(provider);
        // Three people attend sessions 1..3 of 5 and stop; a fourth attends all five.
        var eventId = await SeedAsync(database, sessions: 5, people: 4, attends: (s, p) => p == 3 || s < 3);
        var defaults = await Service(database).GetReportAsync(eventId);
        await using (var db = database.CreateContext())
        {
            var e = await db.Events.SingleAsync();
            (e.RegularMinSessions, e.RegularMinRatio, e.AtRiskMissedSessions) = (2, 0.5, 3);
            await db.SaveChangesAsync();
        }

        var custom = await Service(database).GetReportAsync(eventId);

        // 3 of 5 = 0.6: a regular only when 0.5 is enough; missed 2 in a row: at risk only when 2 is the bar.
        Assert.Single(defaults!.Regulars);
        Assert.Equal(3, defaults.AtRisk.Count);
        Assert.Equal(4, custom!.Regulars.Count);
        Assert.Empty(custom.AtRisk);
    }

    [Fact]
    public async Task An_unknown_event_has_no_report()
    {
        await using var database = await MigratedAsync("Sqlite");

        Assert.Null(await Service(database).GetReportAsync(4242));
    }

    private static RetentionService Service(TestDatabase database, CommandLog? log = null)
    {
        var options = new DbContextOptionsBuilder<MeetupDb>(database.Options());
        if (log is not null)
        {
            options.AddInterceptors(log);
        }
        return new RetentionService(new Factory(options.Options), new FakeTimeProvider(Now));
    }

    private static async Task<TestDatabase> MigratedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        return database;
    }

    /// <summary>An event of <paramref name="sessions"/> weekly sessions in 2018; each person attends and has a confirmed RSVP.</summary>
    private static async Task<int> SeedAsync(TestDatabase database, int sessions, int people, Func<int, int, bool>? attends = null)
    {
        attends ??= (s, p) => (s + p) % 7 != 0;
        await using var db = database.CreateContext();
        var created = Now.UtcDateTime;
        var e = new Event { Name = "Seeded", Slug = "seeded", CreatedAt = created, UpdatedAt = created };
        var attendees = Enumerable.Range(0, people)
            .Select(p => new Attendee { Email = $"p{p}@example.com", DisplayName = $"P{p}", CreatedAt = created }).ToList();
        for (var s = 0; s < sessions; s++)
        {
            var start = new DateTime(2018, 9, 5, 10, 30, 0, DateTimeKind.Utc).AddDays(7 * s);
            var session = new Session { Title = $"#{s + 1}", StartsAt = start, EndsAt = start.AddHours(2), Status = SessionStatus.Published, CreatedAt = created, UpdatedAt = created };
            for (var p = 0; p < people; p++)
            {
                session.Rsvps.Add(new Rsvp { Attendee = attendees[p], Status = RsvpStatus.Confirmed, CreatedAt = created, UpdatedAt = created });
                if (attends(s, p))
                {
                    session.CheckIns.Add(new CheckIn { Attendee = attendees[p], At = start, Method = CheckInMethod.Manual });
                }
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
