using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Import;
using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meetup.Tests.Features.Retention.Dashboard;

/// <summary>The dashboard's reads on real databases, over the worked example imported through the API.</summary>
public class RetentionDashboardServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_dashboard_shows_the_reports_figures_with_last_visits_and_speakers(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await ImportExampleAsync(app);
        await AddTalksAsync(app, eventId);

        var data = await LoadAsync(app, s => s.LoadAsync(eventId, DashboardRange.AllHistory));

        Assert.NotNull(data);
        Assert.Equal(0.6521739130434783, data.Report.Overall.ReturnRate!.Value, 12);
        Assert.Equal(11, data.Report.Overall.UniqueAttendees);
        Assert.Equal(5, data.TotalCounted);
        Assert.Equal(new DateOnly(2026, 11, 26), data.Today);
        Assert.Equal(3, data.Thresholds.RegularMinSessions);
        // All history has nothing before it to compare with.
        Assert.Null(data.Period);
        Assert.Null(data.Previous);
        // Chen last came to the third session, 2018-09-26 19:30 in Tokyo.
        var chen = Assert.Single(data.Report.AtRisk);
        Assert.Equal(new DateTime(2018, 9, 26, 10, 30, 0, DateTimeKind.Utc), data.LastAttended(chen));
        var alice = data.Report.Regulars.Single(r => r.Email == "alice@example.com");
        Assert.Equal(new DateTime(2018, 10, 24, 10, 30, 0, DateTimeKind.Utc), data.LastAttended(alice));

        // Wu spoke at session 4 (2 newcomers, none came back); Lin at 1 and 4; the review item is no topic.
        var wu = Assert.Single(data.Speakers, s => s.Name == "Wu Siyuan");
        Assert.Equal((1, 6.0, 2), (wu.Sessions, wu.MeanAttendance, wu.NewcomersBrought));
        Assert.Equal(0.0, wu.NewcomersReturnRate);
        Assert.Equal(["TiDB and Rust"], wu.Topics);
        var lin = Assert.Single(data.Speakers, s => s.Name == "Lin Hao");
        Assert.Equal((2, 5.5, 7), (lin.Sessions, lin.MeanAttendance, lin.NewcomersBrought));
        Assert.Equal(3 / 7.0, lin.NewcomersReturnRate!.Value, 12);
        Assert.Equal(["Kubernetes 101"], lin.Topics);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_previous_period_is_read_as_it_stood_when_it_ended(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await ImportExampleAsync(app);
        var range = new DashboardRange(new DateOnly(2018, 10, 1), new DateOnly(2018, 10, 31));

        var current = await LoadAsync(app, s => s.LoadAsync(eventId, range));
        var previous = current!.Previous;

        Assert.Equal(range.Previous(current.Today), current.Period);
        Assert.Equal([4, 5], current.Report.Sessions.Select(r => r.Index));
        Assert.Equal(0.5, current.Report.Overall.ReturnRate!.Value, 12);
        Assert.NotNull(previous);
        Assert.Equal(3, previous.Overall.CountedSessions);
        Assert.Equal(0.8, previous.Overall.ReturnRate!.Value, 12);
        Assert.Equal(8, previous.Overall.UniqueAttendees);
        Assert.Equal(3, previous.Regulars.Count);
        Assert.Empty(previous.AtRisk);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_event_without_history_loads_empty_and_a_missing_event_is_null(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app, "empty-group");

        var empty = await LoadAsync(app, s => s.LoadAsync(eventId, DashboardRange.AllHistory));
        var missing = await LoadAsync(app, s => s.LoadAsync(eventId + 1000, DashboardRange.AllHistory));

        Assert.NotNull(empty);
        Assert.False(empty.HasHistory);
        Assert.Empty(empty.Report.Sessions);
        Assert.Empty(empty.Speakers);
        Assert.Null(missing);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_dashboard_reads_the_event_row_once_and_seven_queries_in_all(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await ImportExampleAsync(app);
        await AddTalksAsync(app, eventId);
        var commands = new CommandLog();
        var options = new DbContextOptionsBuilder<MeetupDb>(app.Factory.Database.Options()).AddInterceptors(commands).Options;
        var time = app.Factory.Services.GetRequiredService<TimeProvider>();
        var retention = new RetentionService(new Factory(options), time);
        var dashboard = new RetentionDashboardService(new Factory(options), retention, new FeedbackEffectService(new Factory(options), retention, time), time,
            NullLogger<RetentionDashboardService>.Instance);

        var data = await dashboard.LoadAsync(eventId, new DashboardRange(new DateOnly(2018, 10, 1), null));
        await data!.FeedbackEffect; // read after the rest

        Assert.Equal("study-group", data!.EventName);
        Assert.Equal("Asia/Tokyo", data.TimeZone.Id);
        Assert.NotNull(data.Previous);
        // event, sessions, check-in pairs, confirmed-RSVP pairs, people, speakers, follows' confirmations, survey answers: the
        // event's name, zone and thresholds come from one read of its row, and the previous period from the same read as the range.
        Assert.Single(commands.Texts, t => t.Contains("FROM \"Events\"", StringComparison.Ordinal));
        Assert.Equal(8, commands.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task New_followers_per_session_are_the_follows_confirmed_since_the_previous_counted_sessions_start(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await ImportExampleAsync(app);
        var starts = (await LoadAsync(app, s => s.LoadAsync(eventId, DashboardRange.AllHistory)))!.CountedStarts;
        await using (var db = app.Factory.CreateDbContext())
        {
            void Follow(string email, SubscriptionStatus status, DateTime? confirmedAt)
                => db.Subscriptions.Add(new Subscription
                {
                    EventId = eventId,
                    Attendee = new Attendee { Email = email, DisplayName = email, CreatedAt = starts[0].AddDays(-30) },
                    Status = status,
                    CreatedAt = starts[0].AddDays(-30),
                    Since = confirmedAt ?? starts[0],
                    ConfirmedAt = confirmedAt,
                });
            Follow("f1@example.com", SubscriptionStatus.Active, starts[0].AddDays(-1));      // session 1
            Follow("f2@example.com", SubscriptionStatus.Active, starts[1]);                  // session 2: up to its start
            Follow("f3@example.com", SubscriptionStatus.Active, starts[1].AddHours(1));      // session 3
            Follow("f4@example.com", SubscriptionStatus.Unsubscribed, starts[2].AddMinutes(-1)); // session 3, left later: still a new follower then
            Follow("f5@example.com", SubscriptionStatus.Active, starts[4].AddDays(-2));      // session 5
            Follow("f6@example.com", SubscriptionStatus.Pending, null);                      // never confirmed
            Follow("f7@example.com", SubscriptionStatus.Active, starts[4].AddDays(1));       // after the last session
            await db.SaveChangesAsync();
        }

        var data = await LoadAsync(app, s => s.LoadAsync(eventId, DashboardRange.AllHistory));

        Assert.Equal([1, 1, 2, 0, 1], data!.Report.Sessions.OrderBy(r => r.Index).Select(r => data.NewFollowers[r.SessionId]));
    }

    private static async Task<T> LoadAsync<T>(TestApp app, Func<RetentionDashboardService, Task<T>> read)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<RetentionDashboardService>());
    }

    private static async Task<int> ImportExampleAsync(TestApp app)
    {
        var eventId = await HistoryApi.CreateEventAsync(app);
        using var client = await app.ApiClientAsync();
        using var response = await HistoryApi.ImportAsync(client, eventId, HistoryApi.ExampleCsv());
        response.EnsureSuccessStatusCode();
        return eventId;
    }

    /// <summary>Lin Hao gives a talk at session 1 and a review at session 4, where Wu Siyuan gives the guest talk.</summary>
    private static async Task AddTalksAsync(TestApp app, int eventId)
    {
        await using var db = app.Factory.CreateDbContext();
        var sessions = await db.Sessions.Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ToListAsync();
        var first = sessions[0];
        var fourth = sessions.Single(s => s.Title.StartsWith("TiDB", StringComparison.Ordinal));
        var now = HistoryApi.ExampleNow.UtcDateTime;
        var lin = new Speaker { Name = "Lin Hao", CreatedAt = now };
        var wu = new Speaker { Name = "Wu Siyuan", CreatedAt = now };
        db.AgendaItems.AddRange(
            new AgendaItem { SessionId = first.Id, Position = 0, Title = "Kubernetes 101", Kind = AgendaItemKind.Talk, DurationMinutes = 50, Speakers = [lin] },
            new AgendaItem { SessionId = fourth.Id, Position = 0, Title = "Review of last time", Kind = AgendaItemKind.Review, DurationMinutes = 20, Speakers = [lin] },
            new AgendaItem { SessionId = fourth.Id, Position = 1, Title = "TiDB and Rust", Kind = AgendaItemKind.Talk, DurationMinutes = 60, Speakers = [wu] });
        await db.SaveChangesAsync();
    }

    private sealed class Factory(DbContextOptions<MeetupDb> options) : IDbContextFactory<MeetupDb>
    {
        public MeetupDb CreateDbContext() => new(options);
    }
}
