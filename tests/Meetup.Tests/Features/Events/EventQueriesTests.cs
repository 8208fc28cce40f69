using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using Meetup.Web.Features.Demo;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.Home;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meetup.Tests.Features.Events;

public class EventQueriesTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_api_lists_the_demo_event_with_its_public_and_calendar_urls(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Meetup:SeedDemo"] = "true" });
        var client = await app.ApiClientAsync();

        var events = await client.GetFromJsonAsync<List<EventResource>>("/api/events");

        var demo = Assert.Single(events!);
        Assert.Equal(DemoSeeder.EventSlug, demo.Slug);
        Assert.Equal("Asia/Tokyo", demo.TimeZone);
        Assert.EndsWith($"/events/{DemoSeeder.EventSlug}", demo.PublicUrl, StringComparison.Ordinal);
        Assert.EndsWith($"/events/{DemoSeeder.EventSlug}/calendar.ics", demo.CalendarUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_and_back_office_agree_on_how_many_people_came()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        await using (var db = app.Factory.CreateDbContext())
        {
            await DemoSeeder.SeedAsync(db, TimeProvider.System, NullLogger.Instance);
        }
        using var scope = app.Factory.Services.CreateScope();

        var home = await scope.ServiceProvider.GetRequiredService<HomeQueries>().LoadAsync();
        var overview = await scope.ServiceProvider.GetRequiredService<EventQueries>().SummariesAsync();

        Assert.Equal(Assert.Single(overview).UniqueAttendees, Assert.Single(home.Events).People);
        Assert.Equal(Assert.Single(overview).HeldSessions, home.Events[0].HeldSessions);
    }

    [Fact]
    public async Task The_home_page_shows_the_community_to_anonymous_visitors()
    {
        await using var app = await TestApp.StartAsync("Sqlite", new Dictionary<string, string?> { ["Meetup:SeedDemo"] = "true" });

        var response = await app.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Cloud Native Study Group Tokyo", html, StringComparison.Ordinal);
        Assert.Contains("seats left", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor:{\"type\":\"server\"", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_empty_install_invites_the_organizer_instead_of_showing_nothing()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var html = await app.Client().GetStringAsync("/");

        Assert.Contains("No study groups here yet", html, StringComparison.Ordinal);
    }
}
