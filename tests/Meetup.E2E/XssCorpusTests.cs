using Meetup.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>
/// Every payload of the XSS corpus in every Markdown and plain-text field, rendered in Chromium on the public pages
/// and the back office: no dialog opens, window.__xss stays undefined, no handler or script address is in the page,
/// and the Content-Security-Policy had nothing to refuse.
/// </summary>
public class XssCorpusTests(XssAppFixture fixture) : IClassFixture<XssAppFixture>
{
    [Fact]
    public async Task No_payload_runs_on_the_public_pages()
    {
        Assert.True(XssPayloads.All.Count >= 50);
        var page = await fixture.NewPageAsync();
        var watch = new ScriptWatch(page);
        var findings = new List<string>();

        foreach (var url in fixture.PublicPages)
        {
            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
            Assert.True(response!.Ok, $"{url}: {response.Status}");
            findings.AddRange(await watch.FindingsAsync());
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct()));
        // The pages did show the payloads, as text.
        await page.GotoAsync($"/events/xss-0");
        await Expect(page.GetByText(XssPayloads.All[0]).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task No_payload_runs_in_the_back_office()
    {
        var page = await fixture.NewPageAsync();
        var watch = new ScriptWatch(page);
        await AdminSession.SignInAsync(page);
        var findings = new List<string>();

        async Task VisitAsync(string url, string? tab = null)
        {
            await AdminSession.GotoAsync(page, url);
            if (tab is not null)
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
                await Expect(page.Locator(".mud-tab-active", new() { HasText = tab })).ToBeVisibleAsync();
            }
            // Give late handlers (image errors, autofocus) a moment after the interactive render.
            await page.WaitForTimeoutAsync(300);
            findings.AddRange(await watch.FindingsAsync());
        }

        await VisitAsync("/admin");
        await VisitAsync("/admin/people");
        await VisitAsync("/admin/speakers");
        await VisitAsync("/admin/calendar");
        foreach (var hub in fixture.Hubs)
        {
            await VisitAsync($"/admin/events/{hub.EventId}");
            await VisitAsync($"/admin/events/{hub.EventId}/edit", tab: "Preview");
            await VisitAsync($"/admin/events/{hub.EventId}/questions");
            await VisitAsync($"/admin/sessions/{hub.SessionId}", tab: "Preview");
            await VisitAsync($"/admin/sessions/{hub.SessionId}/rsvps");
            await VisitAsync($"/admin/sessions/{hub.SessionId}/checkin");
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct()));
        // The RSVP list did show the display names, as text.
        await AdminSession.GotoAsync(page, $"/admin/sessions/{fixture.Hubs[0].SessionId}/rsvps");
        await Expect(page.GetByText(XssPayloads.OneLine(XssPayloads.All[0])).First).ToBeVisibleAsync();
    }
}
