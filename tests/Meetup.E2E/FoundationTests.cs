using Meetup.E2E.Pages;
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
        await new SignInScreen(page).SubmitAsync(MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        await AdminSession.WaitInteractiveAsync(page);
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

        await (await SignInScreen.GotoAsync(page)).SubmitAsync(MeetupAppFactory.AdminEmail, "definitely-wrong");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is wrong.");
    }

    private static string Artifact(string name) => AdminSession.Artifact(name);
}
