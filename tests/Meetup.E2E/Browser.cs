using Microsoft.Playwright;

namespace Meetup.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright's own driver (no browser download: it fails here).
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        // A synthetic camera (moving test pattern) for the door page's QR scanner; permission is granted per context.
        "--use-fake-device-for-media-stream",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // CI shares two cores between this browser, the app and the other test project: wait for what a slow
        // machine needs, not Playwright's 5 s. A test asserting a speed says so with its own timeout.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MEETUP_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args = Args,
        });
        return (playwright, browser);
    }

    /// <summary>A page in a fresh context (no cookies) on <paramref name="baseUrl"/>, optionally without JavaScript or phone-sized.</summary>
    public static async Task<IPage> NewPageAsync(this IBrowser browser, string baseUrl, bool javaScript = true, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }
}
