using System.Text.RegularExpressions;
using Meetup.E2E.Pages;
using static Meetup.E2E.Keyboard;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>The public RSVP flow and the language switch work with the keyboard alone, with a visible focus.</summary>
public class KeyboardTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_attendee_rsvps_from_the_session_page_with_the_keyboard_alone(bool javaScript)
    {
        var page = await fixture.NewPageAsync(javaScript);
        await page.GotoAsync($"/events/cloud-native-study-group/sessions/{fixture.SessionId}");

        await TabToAsync(page, "#rsvp-name");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync("Kenji Keys");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#rsvp-email")).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync($"kenji.keys.{javaScript}@example.com".ToLowerInvariant());
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#rsvp-language")).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("ArrowDown"); // English → 日本語
        await Expect(page.Locator("#rsvp-language")).ToHaveValueAsync("ja");
        await TabToAsync(page, ".rsvp-form button[type=submit]");
        await AssertFocusVisibleAsync(page);
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"keyboard-focus-submit-js-{javaScript}.png"), FullPage = true });
        await TabToAsync(page, "#rsvp-language", backwards: true);
        await TabToAsync(page, ".rsvp-form button[type=submit]");
        await page.Keyboard.PressAsync("Space");

        var form = new RsvpFormScreen(page);
        await Expect(form.Status).ToContainTextAsync("You have a seat!");
        await TabToAsync(page, ".rsvp-outcome a");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(new ManageScreen(page).Status("confirmed")).ToContainTextAsync("You have a seat.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_rsvp_announces_its_error_summary_and_moves_focus_to_it(bool javaScript)
    {
        var page = await fixture.NewPageAsync(javaScript);
        await RsvpFormScreen.GotoAsync(page, fixture.SessionId);

        await TabToAsync(page, "#rsvp-email");
        await page.Keyboard.TypeAsync("not-an-email");
        await TabToAsync(page, ".rsvp-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        // Announced (an alert) and focused, so a screen reader reads it at once; the fields say what is wrong.
        var summary = page.Locator(".rsvp-form .error-summary[role=alert]");
        await Expect(summary).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"keyboard-error-summary-js-{javaScript}.png"), FullPage = true });
        var name = page.Locator("#rsvp-name");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToHaveAccessibleDescriptionAsync(new Regex("Enter your name."));
        await Expect(page.Locator("#rsvp-email")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Keyboard.PressAsync("Tab");
        await Expect(name).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_language_switch_is_reached_and_used_with_the_keyboard()
    {
        var page = await fixture.NewPageAsync(javaScript: false);
        await page.GotoAsync($"/events/cloud-native-study-group/sessions/{fixture.SessionId}");

        await TabToAsync(page, ".language-switch button[value=ja]");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page).ToHaveURLAsync(new Regex($"/sessions/{fixture.SessionId}$"));

        await TabToAsync(page, ".language-switch button[value=en]");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }
}
