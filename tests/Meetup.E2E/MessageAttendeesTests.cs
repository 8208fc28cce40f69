using System.Text.RegularExpressions;
using Meetup.E2E.Pages;
using Meetup.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class MessageAttendeesTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Fact]
    public async Task An_organizer_messages_the_confirmed_people_from_the_rsvp_list_and_sees_field_errors_first()
    {
        // A session of its own with one person on it: the counts say "1 person", not "1 people".
        var session = await fixture.NewSessionAsync(capacity: 10, title: "Room change", startsAt: DateTime.UtcNow.AddDays(45));
        await fixture.RsvpAsync("Sato Ken", "ken.msg@example.com", session);
        var page = await fixture.NewPageAsync();
        await (await SignInScreen.GotoAsync(page, $"/admin/sessions/{session}/rsvps")).SubmitAsync(MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);
        await AdminSession.WaitInteractiveAsync(page);

        await page.GetByTestId("message-attendees").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Message attendees" });
        await Expect(dialog.GetByText("Confirmed (1)")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("message-count")).ToHaveTextAsync("It goes to 1 person by email now.");

        // Nothing written: the errors appear at the fields at once, and no "send?" is asked.
        var send = dialog.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });
        await send.ClickAsync();
        await Expect(dialog.GetByText("Write a subject (at most 200 characters).")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Write the message (at most 5000 characters).")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, send" })).ToHaveCountAsync(0);

        await dialog.GetByLabel("Subject", new() { Exact = true }).FillAsync("Room change");
        await dialog.GetByLabel("Message", new() { Exact = true }).FillAsync("We moved to Room 3.");

        // The question: the safe button has the focus, Escape answers no and sends nothing.
        await send.ClickAsync();
        var yes = page.GetByRole(AriaRole.Button, new() { Name = "Yes, send" });
        await Expect(yes).ToBeVisibleAsync();
        await Expect(page.GetByText("It goes to 1 person by email now.")).ToHaveCountAsync(2); // the dialog's line and the question
        await Expect(page.GetByTestId("confirm-cancel")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(yes).ToHaveCountAsync(0);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"^Sent to \d+ (person|people)\.$"))).ToHaveCountAsync(0);

        await send.ClickAsync();
        await yes.ClickAsync();
        await Expect(page.GetByText("Sent to 1 person.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task With_nobody_to_write_to_send_is_disabled_and_the_dialog_says_why()
    {
        var empty = await fixture.NewSessionAsync(capacity: 10, title: "Nobody yet", startsAt: DateTime.UtcNow.AddDays(50));
        var page = await fixture.NewPageAsync();
        await (await SignInScreen.GotoAsync(page, $"/admin/sessions/{empty}/rsvps")).SubmitAsync(MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);
        await AdminSession.WaitInteractiveAsync(page);

        await page.GetByTestId("message-attendees").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Message attendees" });
        await Expect(dialog.GetByText("Confirmed (0)")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("message-nobody")).ToContainTextAsync("Nobody in this group can be emailed");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true })).ToBeDisabledAsync();

        // Escape closes the dialog itself, as it closes every dialog of the back office.
        await dialog.GetByLabel("Subject", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
    }
}
