using Meetup.Testing;
using Meetup.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class FoundationTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Anonymous_visitor_without_javascript_sees_the_demo_community()
    {
        var page = await fixture.NewPageAsync(javaScript: false, width: 360, height: 740);

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Cloud Native Study Group Tokyo" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming sessions" })).ToBeVisibleAsync();
        await Expect(page.Locator(".session-card").First).ToContainTextAsync("seats left");
        Assert.True(await page.Locator(".past-list li").CountAsync() >= 10, "The past sessions of the demo community are listed.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Organizer sign in" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("home-360.png"), FullPage = true });
    }

    [Fact]
    public async Task Bootstrap_admin_signs_in_and_sees_the_demo_event()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.GetByLabel("Email").FillAsync(MeetupAppFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(MeetupAppFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        await Expect(page.Locator("#admin-root[data-interactive=true]")).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your events" })).ToBeVisibleAsync();
        var card = page.Locator(".event-card", new() { HasText = "Cloud Native Study Group Tokyo" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(DemoSeeder.EventSlug);
        await page.ScreenshotAsync(new() { Path = Artifact("admin-events.png"), FullPage = true });
    }

    [Fact]
    public async Task A_wrong_password_in_the_browser_shows_why()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(MeetupAppFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync("definitely-wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is wrong.");
    }

    private static string Artifact(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
