using System.Text.RegularExpressions;
using Meetup.E2E.Pages;
using Meetup.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>Page helpers for the interactive back office.</summary>
public static class AdminSession
{
    public static async Task SignInAsync(IPage page)
    {
        await (await SignInScreen.GotoAsync(page)).SubmitAsync(MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await WaitInteractiveAsync(page);
    }

    /// <summary>Prerendered pages ignore clicks until the circuit is up; wait for it.</summary>
    public static Task WaitInteractiveAsync(IPage page)
        => Expect(page.Locator("#admin-root[data-interactive=true]")).ToBeAttachedAsync();

    public static async Task GotoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
    }

    /// <summary>Picks options of a MudSelect (its popover lists them as options).</summary>
    public static async Task ChooseAsync(IPage page, ILocator select, params string[] options)
    {
        await select.ClickAsync();
        foreach (var option in options)
        {
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        }
        await page.Keyboard.PressAsync("Escape");
    }

    public static string Artifact(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
