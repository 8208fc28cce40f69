using Microsoft.Playwright;

namespace Meetup.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright's own driver (no browser download: it fails here), for the E2E tests and
/// the dashboard benchmark alike.
/// </summary>
public static class Chromium
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    // A synthetic camera (moving test pattern) for the door page's QR scanner; permission is granted per context.
    private const string FakeCamera = "--use-fake-device-for-media-stream";

    /// <summary>MEETUP_CHROMIUM when set, else Debian's.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("MEETUP_CHROMIUM") ?? DefaultExecutablePath;

    /// <summary>A headless Chromium; <paramref name="fakeCamera"/> gives it a synthetic camera.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(bool fakeCamera = false)
    {
        // CI shares two cores between this browser, the app and the other test project: wait for what a slow
        // machine needs, not Playwright's 5 s. A test asserting a speed says so with its own timeout.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = fakeCamera ? [.. Args, FakeCamera] : Args,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
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
