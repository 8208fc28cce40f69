using System.Net.Http.Json;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_attendee_downloads_their_data_and_erases_it_from_the_rsvp_page(bool javaScript)
    {
        var email = $"erase.me.{javaScript}@example.com".ToLowerInvariant();
        var response = await fixture.Api.PostAsJsonAsync($"/api/sessions/{fixture.SessionId}/rsvps", new { name = "Erase Me", email });
        var manageUrl = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("manageUrl").GetString()!;
        var page = await fixture.NewPageAsync(javaScript, width: 360, height: 740);
        await page.GotoAsync(new Uri(manageUrl).PathAndQuery);

        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download my data (JSON)" });
        using (var file = await fixture.Api.GetAsync(await download.GetAttributeAsync("href")))
        {
            Assert.Contains(email, await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Erase my data" }).ClickAsync();
        await Expect(page.GetByText("Erase your data for good?")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"erase-confirm-js-{javaScript}.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "Nothing overflows a 360 px screen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, erase my data" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data is erased" })).ToBeVisibleAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fixture.Api.GetAsync(new Uri(manageUrl).PathAndQuery)).StatusCode);
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
