using System.Net.Http.Json;
using System.Text.Json;
using Meetup.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>Bad news looks like bad news, and each thing is said once.</summary>
public class RsvpNoticeTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Fact]
    public async Task A_full_room_shows_in_the_warning_colour_and_a_cancel_is_confirmed_once()
    {
        var ev = await IdAsync(await fixture.Api.PostAsJsonAsync("/api/events", new { name = $"Tiny room {Guid.NewGuid():N}" }));
        var session = await IdAsync(await fixture.Api.PostAsJsonAsync($"/api/events/{ev}/sessions", new
        {
            title = "One seat only",
            durationMinutes = 60,
            format = "in_person",
            venueName = "Booth",
            venueAddress = "1-1 Chiyoda, Tokyo",
            startsAt = DateTime.UtcNow.AddDays(12).ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture),
            capacity = 1,
            languages = new[] { "ja" },
        }));
        (await fixture.Api.PostAsync($"/api/sessions/{session}/publish", null)).EnsureSuccessStatusCode();
        var rsvp = JsonDocument.Parse(await (await fixture.Api.PostAsJsonAsync($"/api/sessions/{session}/rsvps", new { name = "First", email = "first@example.com" }))
            .Content.ReadAsStringAsync()).RootElement;
        var page = await fixture.NewPageAsync(width: 360, height: 740);

        var form = await RsvpFormScreen.GotoAsync(page, session);
        var full = form.SeatsLine;
        await Expect(full).ToContainTextAsync("The room is full");
        Assert.Equal("rgb(180, 84, 26)", await full.EvaluateAsync<string>("e => getComputedStyle(e).color")); // --warn, not --ok's green
        await page.ScreenshotAsync(new() { Path = "/tmp/editor-room-full.png", FullPage = true });

        var manage = await ManageScreen.GotoAsync(page, rsvp.GetProperty("manageUrl").GetString()!);
        await manage.CancelAsync();
        await Expect(manage.Status("cancelled")).ToContainTextAsync("Thank you for letting us know.");
        await Expect(page.GetByText("RSVP is cancelled")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = "/tmp/editor-rsvp-cancelled.png", FullPage = true });
    }

    private static async Task<int> IdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }
}
