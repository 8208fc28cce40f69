using System.Text.RegularExpressions;
using Meetup.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class PublicSiteTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string UpcomingTitle = "TiDB on Kubernetes, revisited (guest talk)";
    private const string GuestSpeaker = "孙 嘉明 (Sun Jiaming)";

    [Fact]
    public async Task Phone_visitor_without_javascript_goes_from_the_home_page_to_a_session_and_its_speaker()
    {
        var page = await fixture.NewPageAsync(javaScript: false, width: 360, height: 740);
        await page.GotoAsync("/");

        // The whole card is the link: a thumb lands on it anywhere.
        await page.Locator(".session-card", new() { HasText = UpcomingTitle }).ClickAsync();

        await Expect(page).ToHaveURLAsync(SessionUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UpcomingTitle);
        await Expect(page.Locator(".session-when-line")).ToContainTextAsync("19:30");
        await Expect(page.Locator(".session-when-line")).ToContainTextAsync("Asia/Tokyo, UTC+09:00");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open map" })).ToHaveAttributeAsync("href", new Regex("^https://www\\.openstreetmap\\.org/search\\?query="));
        await Expect(page.Locator("#rsvp").GetByRole(AriaRole.Button, new() { Name = "RSVP now", Exact = true })).ToBeVisibleAsync();
        var agenda = page.Locator("ol.agenda > li");
        await Expect(agenda).ToHaveCountAsync(3);
        await Expect(agenda.Nth(1)).ToContainTextAsync("TiDB Operator: distributed SQL on Kubernetes");
        await AssertFitsTheViewportAsync(page);
        await page.ScreenshotAsync(new() { Path = Artifact("session-360.png"), FullPage = true });

        await agenda.Nth(1).GetByRole(AriaRole.Link, new() { Name = GuestSpeaker }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/speakers/\\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(GuestSpeaker);
        await Expect(page.Locator(".speaker-role")).ToHaveTextAsync("TiDB engineer · PingCAP");
        var talks = page.Locator(".talk-list > li");
        await Expect(talks.First).ToContainTextAsync("TiDB Operator: distributed SQL on Kubernetes");
        await Expect(talks.First.Locator(".chip")).ToHaveTextAsync("Upcoming");
        await AssertFitsTheViewportAsync(page);
        await page.ScreenshotAsync(new() { Path = Artifact("speaker-360.png"), FullPage = true });
    }

    [Fact]
    public async Task Desktop_visitor_finds_the_event_page_with_its_calendar_feed()
    {
        var page = await fixture.NewPageAsync(javaScript: false);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "All sessions and the calendar feed" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/events/{DemoSeeder.EventSlug}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cloud Native Study Group Tokyo");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Subscribe", Exact = true }))
            .ToHaveAttributeAsync("href", new Regex($"^webcal://.+/events/{DemoSeeder.EventSlug}/calendar\\.ics$"));
        await Expect(page.GetByLabel("Feed URL", new() { Exact = false })).ToHaveValueAsync(new Regex($"^http://.+/events/{DemoSeeder.EventSlug}/calendar\\.ics$"));
        await Expect(page.Locator(".past-list .chip-warn").First).ToHaveTextAsync("Cancelled");
        await page.ScreenshotAsync(new() { Path = Artifact("event-desktop.png"), FullPage = true });

        await page.Locator(".session-card .card-link").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionUrl());
        await page.ScreenshotAsync(new() { Path = Artifact("session-desktop.png"), FullPage = true });
    }

    private static Regex SessionUrl() => new($"/events/{DemoSeeder.EventSlug}/sessions/\\d+$");

    // Nothing may push the page sideways on a narrow phone.
    private static async Task AssertFitsTheViewportAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the viewport.");
    }

    private static string Artifact(string name) => AdminSession.Artifact(name);
}
