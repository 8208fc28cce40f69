using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E.Pages;

/// <summary>The session editor (/admin/sessions/{id}, and the new-session form): its fields, agenda and buttons.</summary>
public sealed class SessionEditorScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Title => page.GetByRole(AriaRole.Textbox, new() { Name = "Title" });
    public ILocator Date => page.GetByLabel("Date").First;
    public ILocator StartsAt => page.GetByLabel("Starts at");
    public ILocator Capacity => page.GetByLabel("Capacity");
    public ILocator Venue => page.GetByLabel("Venue", new() { Exact = true });
    public ILocator Address => page.GetByLabel("Address", new() { Exact = true });
    public ILocator Languages => page.GetByLabel("Languages");
    public ILocator Description => page.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true });
    public ILocator RsvpOpensOn => page.GetByLabel("Opens on");
    public ILocator RsvpClosesOn => page.GetByLabel("Closes on");

    public ILocator UnsavedChanges => page.GetByText("Unsaved changes");
    public ILocator StartsInThePast => page.Locator(".starts-in-past");
    public ILocator Breadcrumbs => page.Locator(".mud-breadcrumbs");
    public ILocator Published => page.GetByText("Published", new() { Exact = true }).First;
    public ILocator ScheduleNextButton => page.GetByRole(AriaRole.Button, new() { Name = "Schedule next" });
    public ILocator PreviewTab => page.GetByRole(AriaRole.Tab, new() { Name = "Preview" });
    public ILocator AgendaRows => page.Locator(".agenda-row");

    /// <summary>The session's id, read from the address (a copy made by "Schedule next" has a new one).</summary>
    public int SessionId => int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

    public static async Task<SessionEditorScreen> GotoAsync(IPage page, int sessionId)
    {
        await AdminSession.GotoAsync(page, $"/admin/sessions/{sessionId}");
        return new SessionEditorScreen(page);
    }

    /// <summary>Types a date and leaves the field, as the window follows the start only then.</summary>
    public async Task SetDateAsync(string date)
    {
        await Date.FillAsync(date);
        await Date.BlurAsync();
    }

    public Task CreateDraftAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

    public Task ScheduleNextAsync() => ScheduleNextButton.ClickAsync();

    public Task AddAgendaItemAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();

    public Task SaveAgendaAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save agenda" }).ClickAsync();

    /// <summary>Publish, confirmed in its dialog; <paramref name="expectSavingFirst"/>: the dialog says unsaved edits are saved first.</summary>
    public async Task PublishAsync(bool expectSavingFirst = false)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        if (expectSavingFirst)
        {
            await Expect(confirm).ToContainTextAsync("Your changes are saved first.");
        }
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
    }
}
