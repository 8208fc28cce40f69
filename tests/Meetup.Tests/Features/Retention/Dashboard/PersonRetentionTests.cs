using Meetup.Testing;
using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Tests.Features.Retention.Dashboard;

/// <summary>The person page and the dashboard say the same "came N of M", from one computation.</summary>
public class PersonRetentionTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_person_page_and_the_dashboard_agree_on_came_N_of_M(string provider)
    {
        await using var database = await CameBackHistory.MigratedAsync(provider);
        var history = await CameBackHistory.SeedAsync(database);
        var report = await CameBackHistory.Retention(database).GetReportAsync(history.EventId);
        var service = CameBackHistory.Person(database);

        foreach (var id in history.People.Values)
        {
            var standing = Assert.Single(await service.ForAsync(id, [history.EventId]));
            var row = Assert.Single(report!.Attendees, a => a.AttendeeId == id);
            Assert.Equal("Came back", standing.EventName);
            Assert.Equal(CameFigure.SinceFirst(row), standing.Came);
            Assert.Equal(CameFigure.BeforeMisses(row), standing.CameBeforeMisses);
            Assert.Equal((row.Regular, row.AtRisk, row.MissedStreak), (standing.Person.Regular, standing.Person.AtRisk, standing.Person.MissedStreak));
        }
        // Dee: first seen at counted session 2 of 4, came to 2 and 4.
        var dee = Assert.Single(await service.ForAsync(history.People["Dee"], [history.EventId]));
        Assert.Equal(new CameFigure(2, 3, 2 / 3.0), dee.Came);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Events_the_person_never_came_to_are_left_out(string provider)
    {
        await using var database = await CameBackHistory.MigratedAsync(provider);
        var history = await CameBackHistory.SeedAsync(database);

        Assert.Empty(await CameBackHistory.Person(database).ForAsync(4242, [history.EventId, history.EventId + 1]));
    }
}
