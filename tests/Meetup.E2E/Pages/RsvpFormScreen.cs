using Microsoft.Playwright;

namespace Meetup.E2E.Pages;

/// <summary>The public RSVP form: on a session's page and at /rsvp/new/{id} (works without JavaScript).</summary>
public sealed class RsvpFormScreen(IPage page)
{
    public ILocator Name => page.GetByLabel("Your name");
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });
    public ILocator EmailsIn => page.GetByLabel("Emails in");
    public ILocator SeatsLine => page.Locator(".seats-line");

    /// <summary>The confirmation after sending.</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status);

    /// <summary>What the form says at a field (name, email, …) after a refused send.</summary>
    public ILocator FieldMessage(string field) => page.Locator($"[data-field={field}]");

    /// <summary>An organizer's registration question, by its prompt.</summary>
    public ILocator Question(string prompt) => page.GetByLabel(prompt);

    public static async Task<RsvpFormScreen> GotoAsync(IPage page, int sessionId)
    {
        await page.GotoAsync($"/rsvp/new/{sessionId}");
        return new RsvpFormScreen(page);
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "RSVP now", Exact = true }).ClickAsync();

    /// <summary>From the confirmation to the person's manage page.</summary>
    public async Task<ManageScreen> OpenManageScreenAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Open your RSVP page" }).ClickAsync();
        return new ManageScreen(page);
    }
}
