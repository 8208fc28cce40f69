using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.E2E.Pages;
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
        var form = new RsvpFormScreen(page);
        await form.Name.FillAsync("Aiko Sato");
        await form.Email.FillAsync(email);
        await form.EmailsIn.SelectOptionAsync("ja");
        await form.SubmitAsync();

        await Expect(form.Status).ToContainTextAsync("You have a seat!");
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"rsvp-done-js-{javaScript}.png"), FullPage = true });
        var manage = await form.OpenManageScreenAsync();

        await Expect(manage.Status("confirmed")).ToContainTextAsync("You have a seat.");
        await Expect(manage.CheckInCode).ToHaveTextAsync(new Regex("^[A-Z2-9]{3}-[A-Z2-9]{3}$"));
        await Expect(manage.Qr).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"rsvp-page-js-{javaScript}.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "Nothing overflows a 360 px screen.");

        await manage.CancelAsync();

        await Expect(manage.Status("cancelled")).ToContainTextAsync("Your RSVP is cancelled.");
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
        var manage = await ManageScreen.GotoAsync(page, manageUrl);

        using (var file = await fixture.Api.GetAsync(await manage.DownloadMyData.GetAttributeAsync("href")))
        {
            Assert.Contains(email, await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await manage.AskToEraseAsync();
        await Expect(page.GetByText("Erase your data for good?")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"erase-confirm-js-{javaScript}.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "Nothing overflows a 360 px screen.");
        await manage.ConfirmEraseAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data is erased" })).ToBeVisibleAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fixture.Api.GetAsync(new Uri(manageUrl).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Form_errors_show_next_to_the_fields_without_javascript()
    {
        var page = await fixture.NewPageAsync(javaScript: false, width: 360, height: 740);

        var form = await RsvpFormScreen.GotoAsync(page, fixture.SessionId);
        await form.Email.FillAsync("not-an-email");
        await form.SubmitAsync();

        await Expect(form.FieldMessage("name")).ToContainTextAsync("Enter your name.");
        await Expect(form.FieldMessage("email")).ToBeVisibleAsync();
        await Expect(form.Email).ToHaveValueAsync("not-an-email");
    }
}
