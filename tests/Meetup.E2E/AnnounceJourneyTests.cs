using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.E2E.Pages;
using Meetup.Web.Features.Announcements;
using Meetup.Web.Features.Demo;
using Meetup.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Meetup.E2E.AdminSession;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>
/// From the dashboard's at-risk table to an announcement in two clicks: "Invite them to the next session" opens the
/// announce page with that audience and the next session chosen, the dry run counts them, Send (confirmed) hands it to
/// the app's sender, and the list below shows it sending, then its recipients; the preview then counts 0 (they got
/// it), and the dashboard marks them invited with no button leading to nobody.
/// </summary>
public class AnnounceJourneyTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_organizer_invites_the_at_risk_regulars_from_the_dashboard_and_sees_the_announcement_listed()
    {
        var (eventId, nextSessionId) = await NextSessionAsync();
        await AtRiskPeopleFollowAsync(eventId);
        int expected;
        using (var scope = fixture.App.Factory.Services.CreateScope())
        {
            expected = (await scope.ServiceProvider.GetRequiredService<AnnouncementService>().PreviewAsync(eventId, nextSessionId, AnnouncementAudience.AtRisk)).Value!.Count;
        }
        Assert.True(expected > 0, "The demo community should have at-risk regulars to invite.");

        // A phone's view of the page first (the screenshot is looked at, not asserted).
        var phone = await fixture.NewPageAsync(width: 390, height: 844);
        await SignInAsync(phone);
        await GotoAsync(phone, $"/admin/events/{eventId}/announce?audience=at_risk");
        await Expect(phone.GetByTestId("recipient-count")).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await phone.ScreenshotAsync(new() { Path = Artifact("announce-390.png"), FullPage = true });

        var page = await fixture.NewPageAsync(width: 1280, height: 900);
        await SignInAsync(page);
        var dashboard = await RetentionDashboardScreen.GotoAsync(page, eventId);
        // Every at-risk regular follows here: the card says the invitation reaches each of them (else "n of m").
        await Expect(dashboard.AtRisk.GetByTestId("at-risk-following")).ToHaveTextAsync(new Regex(@"^All \d+ follow the group: the invitation reaches each of them\.$"));
        await Expect(dashboard.AtRisk.Locator("[data-invitation=follows]").First).ToBeVisibleAsync();
        await Expect(dashboard.AtRisk.Locator("[data-invitation=invited]")).ToHaveCountAsync(0);
        await dashboard.AtRisk.GetByTestId("invite-at-risk").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/admin/events/{eventId}/announce\\?audience=at_risk$"));
        await WaitInteractiveAsync(page);
        await Expect(page.Locator($"[data-selected-session='{nextSessionId}']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-checked-audience=at_risk]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("recipient-names").Locator("li").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("announce-1280.png"), FullPage = true });

        await page.GetByTestId("send").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(expected == 1 ? "Send to 1 person?" : $"Send to {expected} people?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.GetByText(expected == 1 ? "Sending to 1 person." : $"Sending to {expected} people.")).ToBeVisibleAsync();
        var row = page.GetByTestId("announcements").Locator("tbody tr").First;
        await Expect(row).ToContainTextAsync("At-risk regulars");
        // The app's own loop, woken by the send, writes it; the list reads again until it is written.
        await Expect(row.GetByTestId("ann-recipients")).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
        await Expect(row.GetByTestId("ann-sending")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        // Once written, the preview counts again without a reload: the people just sent to are not offered again.
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("0", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("recipient-names")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("audience-why")).ToContainTextAsync($"− {expected} already received an announcement of this session");
        await page.ScreenshotAsync(new() { Path = Artifact("announce-sent-1280.png"), FullPage = true });

        // Back on the dashboard: they are marked invited, and no button leads to an audience of 0.
        var after = await RetentionDashboardScreen.GotoAsync(page, eventId);
        await Expect(after.AtRisk.GetByTestId("at-risk-invited")).ToContainTextAsync("Already invited", new() { Timeout = 20_000 });
        await Expect(after.AtRisk.Locator("[data-invitation=invited]").First).ToBeVisibleAsync();
        await Expect(after.AtRisk.Locator("[data-invitation=follows]")).ToHaveCountAsync(0);
        await Expect(after.AtRisk.GetByTestId("invite-at-risk")).ToHaveCountAsync(0);
    }

    private async Task<(int EventId, int SessionId)> NextSessionAsync()
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

    /// <summary>The demo's at-risk regulars follow the group (as if they had confirmed a follow).</summary>
    private async Task AtRiskPeopleFollowAsync(int eventId)
    {
        IReadOnlyList<int> atRisk;
        using (var scope = fixture.App.Factory.Services.CreateScope())
        {
            atRisk = [.. (await scope.ServiceProvider.GetRequiredService<RetentionService>().GetReportAsync(eventId))!.AtRisk.Select(p => p.AttendeeId)];
        }
        await using var db = fixture.App.Factory.CreateDbContext();
        var following = await db.Subscriptions.Where(s => s.EventId == eventId).Select(s => s.AttendeeId).ToListAsync();
        var now = DateTime.UtcNow;
        db.Subscriptions.AddRange(atRisk.Except(following).Select(id => new Subscription
        {
            EventId = eventId,
            AttendeeId = id,
            Status = SubscriptionStatus.Active,
            CreatedAt = now,
            Since = now,
        }));
        await db.SaveChangesAsync();
    }
}
