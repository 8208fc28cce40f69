using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Import;
using Meetup.Web.Features.Attendees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Attendees;

public class AttendeeHistoryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_persons_history_lists_every_session_they_rsvpd_to_or_came_to_newest_first(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        using (var client = await app.ApiClientAsync())
        using (var response = await HistoryApi.ImportAsync(client, eventId, HistoryApi.ExampleCsv()))
        {
            response.EnsureSuccessStatusCode();
        }
        int aliceId;
        await using (var db = app.Factory.CreateDbContext())
        {
            aliceId = await db.Attendees.Where(a => a.Email == "alice@example.com").Select(a => a.Id).SingleAsync();
        }

        using var scope = app.Factory.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<AttendeeHistoryQueries>();
        var history = await queries.GetAsync(aliceId);

        Assert.NotNull(history);
        Assert.Equal(("王丽 (Wang Li)", "alice@example.com"), (history.Name, history.Email));
        // Confirmed for all 8 sessions (one cancelled, one not held, one upcoming); came to 5.
        Assert.Equal(8, history.Sessions.Count);
        Assert.Equal(5, history.Attended);
        Assert.Equal(1, history.Events);
        Assert.Equal("云原生 2027 kickoff", history.Sessions[0].Title);
        Assert.All(history.Sessions, s => Assert.Equal(RsvpStatus.Confirmed, s.Rsvp));
        var cancelled = Assert.Single(history.Sessions, s => s.Status == SessionStatus.Cancelled);
        Assert.False(cancelled.CheckedIn);
        Assert.All(history.Sessions.Where(s => s.CheckedIn), s => Assert.Equal(CheckInMethod.Import, s.CheckInMethod));
        Assert.Null(await queries.GetAsync(aliceId + 1000));
    }
}
