using System.Text.RegularExpressions;
using Meetup.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>The language switch as people use it: a phone without JavaScript, an organizer in the back office.</summary>
public class LanguageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task A_phone_without_javascript_switches_the_session_page_to_japanese_and_then_chinese()
    {
        var page = await fixture.NewPageAsync(javaScript: false, width: 390, height: 844);
        await page.GotoAsync($"/events/{DemoSeeder.EventSlug}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var url = page.Url;

        await page.Locator(".language-switch").GetByRole(AriaRole.Button, new() { Name = "日本語" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(url);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "主催者ログイン" })).ToBeVisibleAsync();
        await Expect(page.Locator(".language-switch [aria-current=true]")).ToHaveTextAsync("日本語");
        await page.ScreenshotAsync(new() { Path = AdminSession.Artifact("event-390-ja.png"), FullPage = true });

        await page.Locator(".language-switch").GetByRole(AriaRole.Button, new() { Name = "简体中文" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "组织者登录" })).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px phone");
        await page.ScreenshotAsync(new() { Path = AdminSession.Artifact("event-390-zh.png"), FullPage = true });
    }

    [Fact]
    public async Task An_organizer_runs_the_back_office_in_japanese()
    {
        var page = await fixture.NewPageAsync();
        await AdminSession.SignInAsync(page);

        await page.Locator(".language-switch").GetByRole(AriaRole.Button, new() { Name = "日本語" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await AdminSession.WaitInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "イベント" }).First).ToBeVisibleAsync();
        // The circuit speaks Japanese too: a page reached by a click inside the app.
        await page.GetByRole(AriaRole.Link, new() { Name = "カレンダー" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/calendar$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(new Regex("年|カレンダー"));
        await page.ScreenshotAsync(new() { Path = AdminSession.Artifact("calendar-ja.png"), FullPage = true });
    }
}
