using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E.Pages;

/// <summary>The door (/admin/sessions/{id}/checkin): code, name search, QR scan, walk-ins, counters.</summary>
public sealed class DoorScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Code => page.GetByLabel("Check-in code");
    public ILocator Search => page.GetByRole(AriaRole.Searchbox, new() { Name = "Search by name" });
    public ILocator CheckInButton => page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true });
    public ILocator ScanButton => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Scan QR code") });

    /// <summary>What the last check-in (or attempt) did.</summary>
    public ILocator Result => page.GetByTestId("result");
    public ILocator CheckedIn => page.GetByTestId("checked-in");
    public ILocator Count => page.GetByTestId("door-count");
    public ILocator WalkIns => page.GetByTestId("walk-ins");

    /// <summary>A person's row in the list (a button that checks them in), by a pattern its name contains.</summary>
    public ILocator Person(string namePattern) => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(namePattern) });

    /// <summary>Signs in as <paramref name="email"/> with the door as the page to land on; waits until it is live.</summary>
    public static async Task<DoorScreen> SignInAsync(IPage page, int sessionId, string email, string password)
    {
        var form = await SignInScreen.GotoAsync(page, $"/admin/sessions/{sessionId}/checkin");
        await form.SubmitAsync(email, password);
        await Expect(page.Locator(".door[data-live=true]")).ToBeAttachedAsync(); // interactive and listening for other phones
        return new DoorScreen(page);
    }

    public async Task<int> CheckedInCountAsync()
        => int.Parse(await CheckedIn.InnerTextAsync(), CultureInfo.InvariantCulture);

    public async Task CheckInCodeAsync(string code)
    {
        await Code.FillAsync(code);
        await CheckInButton.ClickAsync();
    }

    public async Task AddWalkInAsync(string name, string email)
    {
        await page.GetByText("Add a walk-in").ClickAsync();
        await page.GetByLabel("Walk-in name").FillAsync(name);
        await page.GetByLabel("Walk-in email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add and check in" }).ClickAsync();
    }

    public Task UndoAsync() => Result.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
}
