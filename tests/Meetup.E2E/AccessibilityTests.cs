using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>
/// axe-core finds nothing serious or critical on the pages of an attendee's journey and the organizer's main screens,
/// in each of the three languages. The pages are found by address and markup, not by their words, which differ per language.
/// </summary>
public class AccessibilityTests(DemoAppFixture fixture, ITestOutputHelper output) : IClassFixture<DemoAppFixture>
{
    private static readonly string ExampleCsv = Path.Combine(AppContext.BaseDirectory, "TestData", "retention-example", "attendance.csv");

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    [InlineData("zh-Hans")]
    public async Task Attendee_and_organizer_pages_have_no_serious_accessibility_violations(string culture)
    {
        var (eventId, sessionId) = await UpcomingSessionAsync();
        await using var context = await NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();
        await Languages.ChooseAsync(page, fixture.App.BaseUrl, culture);
        var scan = new AxeScan();

        // The attendee: home, event, session, RSVP, its confirmation, the manage page.
        await page.GotoAsync("/");
        await scan.ScanAsync(page, "home");
        await page.GotoAsync($"/events/{DemoSeeder.EventSlug}");
        await scan.ScanAsync(page, "event");
        await page.GotoAsync($"/events/{DemoSeeder.EventSlug}/sessions/{sessionId}");
        await scan.ScanAsync(page, "session");
        await page.Locator("#rsvp-name").FillAsync("Axe Tester");
        await page.Locator("#rsvp-email").FillAsync($"axe.{culture}@example.com".ToLowerInvariant());
        await page.Locator(".rsvp-form button[type=submit]").ClickAsync();
        var manageLink = page.Locator(".rsvp-outcome a[href^='/rsvp/']");
        await Expect(manageLink).ToBeVisibleAsync();
        await scan.ScanAsync(page, "rsvp confirmation");
        await page.GotoAsync((await manageLink.GetAttributeAsync("href"))!);
        await Expect(page.Locator("[data-status]").First).ToBeVisibleAsync();
        await scan.ScanAsync(page, "manage");

        // The organizer: door, dashboard, session editor, import screen.
        await SignInAsync(page);
        await ScanOrganizerPagesAsync(page, scan, eventId, sessionId, "");

        AssertNothingBlocking(scan);
    }

    /// <summary>The back office follows the system's dark mode: its palette keeps AA contrast too.</summary>
    [Fact]
    public async Task Organizer_pages_in_dark_mode_have_no_serious_accessibility_violations()
    {
        var (eventId, sessionId) = await UpcomingSessionAsync();
        await using var context = await NewContextAsync(ColorScheme.Dark);
        var page = await context.NewPageAsync();
        var scan = new AxeScan();

        await SignInAsync(page);
        await ScanOrganizerPagesAsync(page, scan, eventId, sessionId, " (dark)");
        await page.ScreenshotAsync(new() { Path = AdminSession.Artifact("import-mapping-dark.png"), FullPage = true });
        await GotoAdminAsync(page, $"/admin/events/{eventId}/retention");
        await Expect(page.Locator("[data-kpi=returnRate] .rd-kpi-value")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AdminSession.Artifact("dashboard-dark.png"), FullPage = true });

        AssertNothingBlocking(scan);
    }

    /// <summary>
    /// The reconnect notice (a live region) is hidden by its markup, not only by the stylesheet: while app.css is
    /// still loading, a screen reader and the page must not find "The connection to the server was lost".
    /// </summary>
    [Fact]
    public async Task The_reconnect_notice_stays_hidden_while_the_stylesheet_loads()
    {
        var page = await fixture.NewPageAsync();
        await page.RouteAsync("**/app*.css", async route =>
        {
            await Task.Delay(2_000);
            await route.ContinueAsync();
        });
        await page.GotoAsync($"/events/{DemoSeeder.EventSlug}", new() { WaitUntil = WaitUntilState.Commit });

        var notice = page.Locator("#components-reconnect-modal");
        await Expect(notice).ToBeAttachedAsync();
        Assert.False(await notice.IsVisibleAsync(), "The reconnect notice shows before the stylesheet has loaded.");

        // Once loaded, the classes blazor.web.js sets still show it.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Expect(notice).ToBeHiddenAsync();
        await notice.EvaluateAsync("e => e.classList.add('components-reconnect-show')");
        await Expect(notice.Locator(".reconnect-trying")).ToBeVisibleAsync();
    }

    /// <summary>Door, dashboard, session editor (an existing session and a new one), import screen and its mapping.</summary>
    private async Task ScanOrganizerPagesAsync(IPage page, AxeScan scan, int eventId, int sessionId, string suffix)
    {
        await GotoAdminAsync(page, $"/admin/sessions/{sessionId}/checkin");
        await Expect(page.Locator(".door[data-live=true]")).ToBeAttachedAsync();
        await scan.ScanAsync(page, "door" + suffix);
        await GotoAdminAsync(page, $"/admin/events/{eventId}/retention");
        await Expect(page.Locator("[data-kpi=returnRate] .rd-kpi-value")).ToBeVisibleAsync();
        await scan.ScanAsync(page, "dashboard" + suffix);
        await GotoAdminAsync(page, $"/admin/sessions/{sessionId}");
        await Expect(page.Locator("#admin-root input:not([type=hidden])").First).ToBeVisibleAsync();
        await scan.ScanAsync(page, "session editor" + suffix);
        await GotoAdminAsync(page, $"/admin/sessions/new?eventId={eventId}");
        await Expect(page.Locator("#admin-root input:not([type=hidden])").First).ToBeVisibleAsync();
        await scan.ScanAsync(page, "new session" + suffix);
        var surveyed = await LatestSurveyedSessionAsync();
        // What the survey said: a held session's answers, the trend, who came back, the QR code for the last slide.
        await GotoAdminAsync(page, $"/admin/sessions/{surveyed}/feedback");
        await Expect(page.Locator("[data-testid=overall-mean]")).ToBeVisibleAsync();
        await scan.ScanAsync(page, "session feedback" + suffix);
        await GotoAdminAsync(page, $"/admin/events/{eventId}/feedback");
        await Expect(page.Locator("table").First).ToBeVisibleAsync();
        await scan.ScanAsync(page, "feedback trend" + suffix);
        await GotoAdminAsync(page, $"/admin/events/{eventId}/retention/sessions/{surveyed}");
        await Expect(page.Locator("table").First).ToBeVisibleAsync();
        await scan.ScanAsync(page, "who came back" + suffix);
        await GotoAdminAsync(page, $"/admin/sessions/{sessionId}/feedback-qr");
        await Expect(page.Locator(".feedback-slide img")).ToBeVisibleAsync();
        await scan.ScanAsync(page, "feedback qr" + suffix);
        await GotoAdminAsync(page, $"/admin/events/{eventId}/followers");
        await Expect(page.Locator("[data-count=active]")).ToBeVisibleAsync();
        await scan.ScanAsync(page, "followers" + suffix);
        // The announce page: its form, the dry run's names and the announcements below.
        await GotoAdminAsync(page, $"/admin/events/{eventId}/announce");
        await Expect(page.Locator("[data-testid=recipient-count], [data-testid=no-session]").First).ToBeVisibleAsync();
        await scan.ScanAsync(page, "announce" + suffix);
        await GotoAdminAsync(page, $"/admin/events/{eventId}/import");
        await scan.ScanAsync(page, "import" + suffix);
        await page.Locator("input[type=file]").First.SetInputFilesAsync(ExampleCsv);
        await Expect(page.Locator("[data-field=session_start]")).ToBeVisibleAsync();
        await scan.ScanAsync(page, "import mapping" + suffix);
    }

    /// <summary>
    /// An interactive page, once its theme follows the browser's colour scheme (the layout asks for it after the first
    /// render): the scan must read the colours the organizer sees.
    /// </summary>
    private static async Task GotoAdminAsync(IPage page, string url)
    {
        await AdminSession.GotoAsync(page, url);
        var dark = await page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches");
        await Expect(page.Locator("#admin-root[data-dark-mode]")).ToHaveAttributeAsync("data-dark-mode", dark ? "true" : "false");
    }

    /// <summary>Reduced motion: axe reads colours as they are, not halfway through MudBlazor's transitions.</summary>
    private async Task<IBrowserContext> NewContextAsync(ColorScheme colorScheme)
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.App.BaseUrl,
            ViewportSize = new() { Width = 1280, Height = 800 },
            ReducedMotion = ReducedMotion.Reduce,
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private void AssertNothingBlocking(AxeScan scan)
    {
        foreach (var finding in scan.MinorFindings)
        {
            output.WriteLine(finding);
        }
        Assert.True(scan.BlockingViolations.Count == 0, scan.Report());
    }

    /// <summary>Signs in through the form by its fields, whatever the page's language.</summary>
    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login?returnUrl=%2Fadmin");
        await page.Locator("#email").FillAsync(MeetupAppFactory.AdminEmail);
        await page.Locator("#password").FillAsync(MeetupAppFactory.AdminPassword);
        await page.Locator("#password").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        await AdminSession.WaitInteractiveAsync(page);
    }

    /// <summary>The latest held session of the demo with survey answers.</summary>
    private async Task<int> LatestSurveyedSessionAsync()
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        return await db.Feedback.OrderByDescending(f => f.Session!.StartsAt).Select(f => f.SessionId).FirstAsync();
    }

    private async Task<(int EventId, int SessionId)> UpcomingSessionAsync()
    {
        await using var db = fixture.App.Factory.CreateDbContext();
        var now = DateTime.UtcNow;
        var session = await db.Sessions
            .Where(s => s.Event!.Slug == DemoSeeder.EventSlug && s.Status == SessionStatus.Published && s.StartsAt > now)
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.EventId, s.Id })
            .FirstAsync();
        return (session.EventId, session.Id);
    }
}
