using Microsoft.Playwright;

namespace Meetup.E2E;

/// <summary>The reader's language as the language switch remembers it: the culture cookie.</summary>
public static class Languages
{
    /// <summary>Sets the culture cookie (<c>c=ja|uic=ja</c>) on the page's context, as if chosen with the switch.</summary>
    public static Task ChooseAsync(IPage page, string baseUrl, string culture)
        => page.Context.AddCookiesAsync(
        [
            new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = baseUrl },
        ]);
}
