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

    /// <summary>
    /// A page signed in as the organizer whose browser asks for <paramref name="locale"/> (Accept-Language on every request,
    /// the circuit's too): signed in through an English page, whose cookies it takes over.
    /// </summary>
    public static async Task<IPage> SignedInPageAsync(IBrowser browser, string baseUrl, string locale, int width = 1280, int height = 900)
    {
        var english = await browser.NewPageAsync(baseUrl);
        await SignInAsync(english);
        var state = await english.Context.StorageStateAsync();
        await english.Context.CloseAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            StorageState = state,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
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
