using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Retention.Dashboard;

/// <summary>"Who came back?" person by person: one counted session's attendees, on real databases (see <see cref="CameBackHistory"/>).</summary>
public class SessionAttendanceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_attendee_shows_first_timer_whether_they_came_to_the_next_counted_session_and_their_feedback(string provider)
    {
        await using var database = await CameBackHistory.MigratedAsync(provider);
        var history = await CameBackHistory.SeedAsync(database);

        var list = await CameBackHistory.Attendance(database).LoadAsync(history.EventId, history.SessionIds[1]);

        Assert.NotNull(list);
        Assert.Equal(2, list.Row!.Index);
        // #3 was cancelled, so #2's next counted session is #4: Ann came, Cy and Dee did not (Ben's #3 does not count).
        Assert.Equal(history.SessionIds[3], list.Next!.SessionId);
        Assert.Equal(["Ann", "Cy", "Dee"], list.People.Select(p => p.Name));
        Assert.Equal([false, false, true], list.People.Select(p => p.FirstTimer));
        Assert.Equal([true, false, false], list.People.Select(p => p.CameNext));
        Assert.Equal(history.People["Ann"], list.People[0].AttendeeId);
        var ann = list.People[0].Feedback!;
        Assert.Equal((5, 4, FeedbackComeNext.Yes, "Loved the live demo"), (ann.Overall, ann.Understanding, ann.ComeNext, ann.Comment));
        Assert.Null(list.People[1].Feedback);
        var dee = list.People[2].Feedback!;
        Assert.Equal((2, 1, FeedbackComeNext.No, (string?)null), (dee.Overall, dee.Understanding, dee.ComeNext, dee.Comment));
        Assert.Equal((1, 1, 2), (list.FirstTimers, list.CameNext, list.Answered));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_last_counted_session_has_no_next_one_yet(string provider)
    {
        await using var database = await CameBackHistory.MigratedAsync(provider);
        var history = await CameBackHistory.SeedAsync(database);

        var list = await CameBackHistory.Attendance(database).LoadAsync(history.EventId, history.SessionIds[4]);

        Assert.Equal(4, list!.Row!.Index);
        Assert.Null(list.Next); // #6 is upcoming: not counted, so not "next"
        Assert.Equal(["Ann", "Dee"], list.People.Select(p => p.Name));
        Assert.All(list.People, p => Assert.Null(p.CameNext));
        Assert.Equal([false, false], list.People.Select(p => p.FirstTimer));
        Assert.Null(list.CameNext);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_session_that_is_not_counted_says_why_and_lists_nobody(string provider)
    {
        await using var database = await CameBackHistory.MigratedAsync(provider);
        var history = await CameBackHistory.SeedAsync(database);
        var service = CameBackHistory.Attendance(database);

        var cancelled = await service.LoadAsync(history.EventId, history.SessionIds[2]);
        var upcoming = await service.LoadAsync(history.EventId, history.SessionIds[5]);

        Assert.Null(cancelled!.Row);
        Assert.Equal(ExclusionReasons.Cancelled, cancelled.NotCountedReason);
        Assert.Empty(cancelled.People);
        Assert.Equal("#3", cancelled.Title);
        Assert.Equal(ExclusionReasons.Upcoming, upcoming!.NotCountedReason);
        Assert.Empty(upcoming.People);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_sessions_list_adds_up_to_the_dashboards_figures_for_it(string provider)
    {
        await using var database = await CameBackHistory.MigratedAsync(provider);
        var history = await CameBackHistory.SeedAsync(database);
        var service = CameBackHistory.Attendance(database);
        var time = new FakeTimeProvider(CameBackHistory.Now);
        var retention = CameBackHistory.Retention(database);
        var dashboard = await new RetentionDashboardService(new DbFactory(database), retention, new FeedbackEffectService(new DbFactory(database), retention, time),
            time, NullLogger<RetentionDashboardService>.Instance).LoadAsync(history.EventId, DashboardRange.AllHistory);

        Assert.Equal(4, dashboard!.Report.Sessions.Count);
        foreach (var row in dashboard.Report.Sessions)
        {
            var list = (await service.LoadAsync(history.EventId, row.SessionId))!;
            Assert.Equal(row.Attended, list.People.Count);
            Assert.Equal(row.New, list.FirstTimers);
            Assert.Equal(row.ReturnRate, list.CameNext is { } back ? (double)back / list.People.Count : null);
            Assert.Equal(row.FirstTimerReturnRate,
                list.CameNext is null || list.FirstTimers == 0 ? null : (double)list.People.Count(p => p.FirstTimer && p.CameNext == true) / list.FirstTimers);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_session_of_another_event_or_no_session_is_not_found(string provider)
    {
        await using var database = await CameBackHistory.MigratedAsync(provider);
        var history = await CameBackHistory.SeedAsync(database);
        var service = CameBackHistory.Attendance(database);

        Assert.Null(await service.LoadAsync(history.EventId + 1, history.SessionIds[1]));
        Assert.Null(await service.LoadAsync(history.EventId, 4242));
    }

    private sealed class DbFactory(TestDatabase database) : IDbContextFactory<Meetup.Data.MeetupDb>
    {
        public Meetup.Data.MeetupDb CreateDbContext() => database.CreateContext();
    }
}
