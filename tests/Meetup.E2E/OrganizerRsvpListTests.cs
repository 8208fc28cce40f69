using System.Text.RegularExpressions;
using Meetup.Testing;
using Meetup.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class OrganizerRsvpListTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Fact]
    public async Task An_organizer_searches_the_rsvp_list_and_exports_it_and_a_door_helper_cannot_open_it()
    {
        await fixture.RsvpAsync("=Mallory Formula", "mallory@example.com");
        await fixture.RsvpAsync("Sato Ken", "ken@example.com");
        var page = await SignInAsync(MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword, $"/admin/sessions/{fixture.SessionId}/rsvps");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kubernetes 入門 #5");
        await page.GetByLabel("Search name or email").FillAsync("ken@");
        await Expect(page.Locator(".rsvp-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".rsvp-table tbody tr")).ToContainTextAsync("Sato Ken");
        // The check-in code reads as the attendee's ticket shows it.
        await Expect(page.Locator(".rsvp-table tbody tr code")).ToHaveTextAsync(new Regex("^[0-9A-Z]{3}-[0-9A-Z]{3}$"));
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("admin-rsvps.png"), FullPage = true });

        var csv = await page.APIRequest.GetAsync($"/admin/sessions/{fixture.SessionId}/rsvps.csv");
        Assert.Equal(200, csv.Status);
        var text = await csv.TextAsync();
        Assert.Contains("\"'=Mallory Formula\"", text, StringComparison.Ordinal);

        // A door helper sent to the list lands on the door instead, and opening the list itself is refused.
        var door = await SignInAsync(RsvpAppFixture.DoorEmail, RsvpAppFixture.DoorPassword, $"/admin/sessions/{fixture.SessionId}/rsvps", interactive: false);
        await Expect(door).ToHaveURLAsync(new Regex("/admin/checkin$"));
        await door.GotoAsync($"/admin/sessions/{fixture.SessionId}/rsvps");
        await Expect(door.GetByRole(AriaRole.Heading, new() { Name = "Not for your role" })).ToBeVisibleAsync();
        Assert.NotEqual(200, (await door.APIRequest.GetAsync($"/admin/sessions/{fixture.SessionId}/rsvps.csv", new() { MaxRedirects = 0 })).Status);
    }

    [Fact]
    public async Task An_organizer_adds_a_registration_question_and_the_rsvp_form_asks_it()
    {
        var page = await SignInAsync(MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword, $"/admin/sessions/{fixture.SessionId}/rsvps");
        await page.GetByRole(AriaRole.Link, new() { Name = "Questions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registration questions" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a question" }).ClickAsync();
        await page.GetByLabel("Question").FillAsync("Which track?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        var form = await fixture.NewPageAsync(javaScript: false, width: 360, height: 740);
        var rsvpForm = await RsvpFormScreen.GotoAsync(form, fixture.SessionId);
        await Expect(rsvpForm.Question("Which track?")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_rsvp_list_is_one_click_from_the_session_editor_and_from_the_event_s_session_table()
    {
        await fixture.RsvpAsync("Kato Yui", "yui@example.com");
        var list = new Regex($"/admin/sessions/{fixture.SessionId}/rsvps$");
        var page = await SignInAsync(MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword, $"/admin/sessions/{fixture.SessionId}");

        await Expect(page.GetByTestId("session-rsvps")).ToContainTextAsync(new Regex(@"RSVPs: \d+ confirmed"));
        await page.GetByTestId("session-rsvps").ClickAsync();
        await Expect(page).ToHaveURLAsync(list);
        await Expect(page.GetByTestId("message-attendees")).ToBeVisibleAsync();

        // In the table, the count opens the list, not the row's editor: a link named for what it opens, by mouse or keyboard.
        await AdminSession.GotoAsync(page, $"/admin/events/{fixture.EventId}");
        var count = page.Locator($"a[data-testid=rsvps-link][href='/admin/sessions/{fixture.SessionId}/rsvps']");
        await Expect(count).ToHaveAccessibleNameAsync(new Regex(@"^\d+ / \d+: RSVP list of \S"));
        await Expect(count).ToHaveCSSAsync("text-decoration-line", "underline");
        await count.ClickAsync();
        await Expect(page).ToHaveURLAsync(list);
        await Expect(page.GetByTestId("message-attendees")).ToBeVisibleAsync();

        await AdminSession.GotoAsync(page, $"/admin/events/{fixture.EventId}");
        await Keyboard.TabToAsync(page, $"a[data-testid=rsvps-link][href='/admin/sessions/{fixture.SessionId}/rsvps']", limit: 80);
        await Keyboard.AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(list);
    }

    private async Task<IPage> SignInAsync(string email, string password, string returnUrl, bool interactive = true)
    {
        var page = await fixture.NewPageAsync();
        await (await SignInScreen.GotoAsync(page, returnUrl)).SubmitAsync(email, password);
        if (interactive)
        {
            await AdminSession.WaitInteractiveAsync(page);
        }
        return page;
    }
}
