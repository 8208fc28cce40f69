using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>
/// The Content-Security-Policy leaves the site working: Blazor (static pages with enhanced forms, the interactive
/// back office over its WebSocket), MudBlazor and the door page run with nothing refused in the console.
/// </summary>
public class ContentSecurityPolicyTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Fact]
    public async Task A_public_page_and_its_rsvp_form_run_with_nothing_refused()
    {
        var page = await fixture.NewPageAsync();
        var watch = new ScriptWatch(page);

        var response = await page.GotoAsync($"/events/cloud-native-study-group/sessions/{fixture.SessionId}");
        Assert.Contains("script-src", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await page.GetByLabel("Your name").FillAsync("Csp Tester");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("csp.tester@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "RSVP now", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have a seat!");

        Assert.True(await page.EvaluateAsync<bool>("!!window.Blazor"), "blazor.web.js ran.");
        await watch.AssertCleanAsync();
    }

    [Fact]
    public async Task The_back_office_and_the_door_page_run_interactively_with_nothing_refused()
    {
        var page = await fixture.NewPageAsync();
        var watch = new ScriptWatch(page);
        await AdminSession.SignInAsync(page);

        await AdminSession.GotoAsync(page, $"/admin/sessions/{fixture.SessionId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator(".mud-tab-active", new() { HasText = "Preview" })).ToBeVisibleAsync();
        await AdminSession.GotoAsync(page, $"/admin/sessions/{fixture.SessionId}/checkin");
        await page.GetByLabel("Check-in code").FillAsync("ZZZ-ZZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("result")).ToBeVisibleAsync();

        await watch.AssertCleanAsync();
    }
}
