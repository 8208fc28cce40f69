using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class RsvpFlowTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_attendee_rsvps_on_a_phone_opens_the_rsvp_page_and_cancels(bool javaScript)
    {
        var page = await fixture.NewPageAsync(javaScript, width: 360, height: 740);
        var email = $"aiko.{javaScript}@example.com".ToLowerInvariant();

        // From the public session page, where the link in the chat group leads.
        var sessionPage = await page.GotoAsync($"/events/cloud-native-study-group/sessions/{fixture.SessionId}");
        Assert.Equal(200, sessionPage!.Status);
        await page.GetByLabel("Your name").FillAsync("Aiko Sato");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Emails in").SelectOptionAsync("ja");
        await page.GetByRole(AriaRole.Button, new() { Name = "RSVP", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have a seat!");
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"rsvp-done-js-{javaScript}.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Open your RSVP page" }).ClickAsync();

        await Expect(page.Locator("[data-status=confirmed]")).ToContainTextAsync("You have a seat.");
        await Expect(page.Locator(".checkin-code")).ToHaveTextAsync(new Regex("^[A-Z2-9]{3}-[A-Z2-9]{3}$"));
        await Expect(page.GetByAltText("QR code for checking in")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"rsvp-page-js-{javaScript}.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "Nothing overflows a 360 px screen.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel my RSVP" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel my RSVP" }).ClickAsync();

        await Expect(page.Locator("[data-status=cancelled]")).ToContainTextAsync("Your RSVP is cancelled.");
    }

    [Fact]
    public async Task Form_errors_show_next_to_the_fields_without_javascript()
    {
        var page = await fixture.NewPageAsync(javaScript: false, width: 360, height: 740);

        await page.GotoAsync($"/rsvp/new/{fixture.SessionId}");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("not-an-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "RSVP", Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-field=name]")).ToContainTextAsync("Enter your name.");
        await Expect(page.Locator("[data-field=email]")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync("not-an-email");
    }
}
