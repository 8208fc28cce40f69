using Microsoft.Playwright;

namespace Meetup.Benchmarks;

/// <summary>
/// Debian's Chromium driven by Playwright's own driver (no browser download: it fails here).
/// A copy of the E2E project's launch helper, so that the benchmark does not depend on a test project.
/// </summary>
internal static class Browser
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    /// <summary>MEETUP_CHROMIUM when set (as in the E2E tests), else Debian's.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("MEETUP_CHROMIUM") ?? DefaultChromiumPath;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = Args,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
