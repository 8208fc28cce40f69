using System.Text.RegularExpressions;
using Meetup.E2E.Pages;
using Microsoft.Playwright;
using static Meetup.E2E.AdminSession;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

public class AccountsTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Admin_adds_an_organizer_who_can_then_sign_in_and_change_the_password()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page);
        await GotoAsync(page, "/admin/users");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Chen Jing");
        await dialog.GetByLabel("Email").FillAsync("chen@test.example");
        await dialog.GetByLabel("Initial password").FillAsync("short");
        await dialog.GetByLabel("Repeat the password").FillAsync("short");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(dialog.GetByText("The password needs at least 10 characters.")).ToBeVisibleAsync();

        await dialog.GetByLabel("Initial password").FillAsync("first-password-1");
        await dialog.GetByLabel("Repeat the password").FillAsync("first-password-1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "chen@test.example" })).ToBeVisibleAsync();

        // The new organizer signs in, changes the password, signs out and in again with the new one.
        var organizer = await fixture.NewPageAsync();
        await (await SignInScreen.GotoAsync(organizer)).SubmitAsync("chen@test.example", "first-password-1");
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = "Your events" })).ToBeVisibleAsync();
        await Expect(organizer.GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToHaveCountAsync(0);

        await organizer.GotoAsync("/account/password");
        await organizer.GetByLabel("Current password").FillAsync("first-password-1");
        await organizer.GetByLabel("New password", new() { Exact = true }).FillAsync("second-password-2");
        await organizer.GetByLabel("Repeat the new password").FillAsync("second-password-2");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(organizer.GetByText("Your password has been changed.")).ToBeVisibleAsync();

        await GotoAsync(organizer, "/admin");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Account" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Regex("/$"));
        await organizer.GotoAsync("/admin");
        await Expect(organizer).ToHaveURLAsync(new Regex("/account/login"));
        await new SignInScreen(organizer).SubmitAsync("chen@test.example", "second-password-2");
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = "Your events" })).ToBeVisibleAsync();
    }
}
