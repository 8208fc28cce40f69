using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>
/// Following a group as people do it: on a phone without JavaScript, in Japanese, "Tell me about new sessions" on the
/// event page; the confirmation email's link; the button. The organizer sees the follower active; the person can stop.
/// </summary>
public partial class FollowJourneyTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Fact]
    public async Task A_person_follows_from_a_phone_without_javascript_in_japanese_confirms_by_email_and_can_stop()
    {
        var email = $"sakura-{Guid.NewGuid():N}@test.example";
        var events = JsonDocument.Parse(await fixture.Api.GetStringAsync("/api/events")).RootElement;
        var ev = events.EnumerateArray().First(e => e.GetProperty("name").GetString() == "Cloud Native Study Group");
        var (eventId, slug) = (ev.GetProperty("id").GetInt32(), ev.GetProperty("slug").GetString()!);

        var phone = await fixture.NewPageAsync(javaScript: false, width: 390, height: 844);
        await phone.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "ja-JP,ja;q=0.9" });
        await phone.GotoAsync($"/events/{slug}");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await phone.Locator("#follow").GetByLabel("メールアドレス").FillAsync(email);
        await phone.GetByLabel("お名前（任意）").FillAsync("佐藤 さくら");
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("follow-event-390-ja.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "新しい開催回を知らせてほしい" }).ClickAsync();
        await Expect(phone.Locator("[data-outcome=follow-requested]")).ToContainTextAsync("受信トレイを確認して");
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the event page is {width}px wide on a 390px phone");

        var link = await ConfirmLinkAsync(email);
        await phone.GotoAsync(link);
        await phone.GetByRole(AriaRole.Button, new() { Name = "はい、新しい開催回を知らせてください" }).ClickAsync();
        await Expect(phone.Locator("[data-outcome=active]")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("follow-confirmed-390-ja.png"), FullPage = true });

        var page = await fixture.NewPageAsync();
        await AdminSession.SignInAsync(page);
        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/followers");
        await Expect(page.Locator("tr[data-status=active]", new() { HasText = email })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("followers.png"), FullPage = true });

        await phone.GotoAsync(new Uri(link).AbsolutePath + "/unsubscribe");
        await phone.GetByRole(AriaRole.Button, new() { Name = "フォローをやめる" }).ClickAsync();
        await Expect(phone.Locator("[data-outcome=unsubscribed]")).ToBeVisibleAsync();
        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/followers");
        await Expect(page.Locator("tr[data-status=unsubscribed]", new() { HasText = email })).ToBeVisibleAsync();
    }

    /// <summary>The confirmation email the app wrote for <paramref name="email"/> (no SMTP host here: .eml files).</summary>
    private async Task<string> ConfirmLinkAsync(string email)
    {
        var directory = Path.Combine(Path.GetTempPath(), "meetup-tests", "outbox");
        for (var i = 0; i < 100; i++)
        {
            foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml") : [])
            {
                if (!File.ReadAllText(file).Contains(email, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                using var message = await MimeMessage.LoadAsync(file);
                var match = FollowLink().Match((message.HtmlBody ?? "") + (message.TextBody ?? ""));
                Assert.True(match.Success, "The confirmation email holds no /follow/ link.");
                return match.Value;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No confirmation email for {email} in {directory}.");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/follow/[A-Za-z0-9_-]+")]
    private static partial Regex FollowLink();
}
