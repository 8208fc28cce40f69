using Microsoft.Playwright;

namespace Meetup.E2E.Pages;

/// <summary>An attendee's RSVP page (/rsvp/{token}, the manage link): status, check-in code, cancel, their data.</summary>
public sealed class ManageScreen(IPage page)
{
    public ILocator CheckInCode => page.Locator(".checkin-code");
    public ILocator Qr => page.GetByAltText("QR code for checking in");
    public ILocator DownloadMyData => page.GetByRole(AriaRole.Link, new() { Name = "Download my data (JSON)" });

    /// <summary>The status block, shown for <paramref name="status"/> (confirmed, waitlisted, cancelled).</summary>
    public ILocator Status(string status) => page.Locator($"[data-status={status}]");

    /// <summary>Opens the manage link an RSVP answered (absolute) on this page's site.</summary>
    public static async Task<ManageScreen> GotoAsync(IPage page, string manageUrl)
    {
        await page.GotoAsync(new Uri(manageUrl).PathAndQuery);
        return new ManageScreen(page);
    }

    /// <summary>"Cancel my RSVP", then its confirmation.</summary>
    public async Task CancelAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel my RSVP" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel my RSVP" }).ClickAsync();
    }

    /// <summary>"Erase my data": opens the confirmation.</summary>
    public Task AskToEraseAsync() => page.GetByRole(AriaRole.Link, new() { Name = "Erase my data" }).ClickAsync();

    public Task ConfirmEraseAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Yes, erase my data" }).ClickAsync();
}
