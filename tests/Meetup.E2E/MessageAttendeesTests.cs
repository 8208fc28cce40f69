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
        await fixture.RsvpAsync("Sato Ken", "ken.msg@example.com");
        var page = await fixture.NewPageAsync();
        await (await SignInScreen.GotoAsync(page, $"/admin/sessions/{fixture.SessionId}/rsvps")).SubmitAsync(MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);
        await AdminSession.WaitInteractiveAsync(page);

        await page.GetByTestId("message-attendees").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Message attendees" });
        await Expect(dialog.GetByText(new Regex(@"^Confirmed \([1-9]\d*\)$"))).ToBeVisibleAsync();

        // Nothing written: the errors appear at the fields, nothing is sent.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, send" }).ClickAsync();
        await Expect(dialog.GetByText("Write a subject (at most 200 characters).")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Write the message (at most 5000 characters).")).ToBeVisibleAsync();

        await dialog.GetByLabel("Subject", new() { Exact = true }).FillAsync("Room change");
        await dialog.GetByLabel("Message", new() { Exact = true }).FillAsync("We moved to Room 3.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, send" }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"^Sent to [1-9]\d* people\.$"))).ToBeVisibleAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }
}
