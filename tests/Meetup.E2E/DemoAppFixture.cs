using Meetup.Testing;
using Microsoft.Playwright;

namespace Meetup.E2E;

/// <summary>One app with the demo community and one browser, shared by the tests of a class.</summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public KestrelApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await KestrelApp.StartAsync(settings: new Dictionary<string, string?> { ["Meetup:SeedDemo"] = "true" });
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies), optionally with JavaScript off or a phone-sized viewport.</summary>
    public Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280, int height = 800)
        => Browser.NewPageAsync(App.BaseUrl, javaScript, width, height);
}
