using Microsoft.Playwright;

namespace Meetup.E2E;

/// <summary>Moving through a page with the keyboard alone, as a person without a mouse does.</summary>
public static class Keyboard
{
    /// <summary>
    /// Presses Tab (Shift+Tab when <paramref name="backwards"/>) until the focused element matches
    /// <paramref name="selector"/>; fails with the stops on the way when it is not reached within <paramref name="limit"/> presses.
    /// </summary>
    public static async Task TabToAsync(IPage page, string selector, bool backwards = false, int limit = 40)
    {
        var stops = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
            stops.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') : '(none)'; }"));
        }
        Assert.Fail($"{selector} not reached with {(backwards ? "Shift+Tab" : "Tab")} in {limit} presses; focus went: {string.Join(" → ", stops)}");
    }

    /// <summary>The focused element shows a focus outline at least 2 px wide (the browser's own 1 px ring is too faint).</summary>
    public static async Task AssertFocusVisibleAsync(IPage page)
    {
        var ring = await page.EvaluateAsync<FocusRing>(
            "() => { const e = document.activeElement, s = getComputedStyle(e); return { element: e.outerHTML.slice(0, 120), style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; }");
        Assert.True(ring.Style is not "none" && ring.Width >= 2, $"No visible focus ring ({ring.Style} {ring.Width}px) on {ring.Element}");
    }

    public sealed class FocusRing
    {
        public string Element { get; set; } = "";
        public string Style { get; set; } = "";
        public double Width { get; set; }
    }
}
