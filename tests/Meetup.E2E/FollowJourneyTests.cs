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
    public async Task A_person_follows_from_a_phone_without_javascript_in_japanese_confirms_gets_an_announcement_rsvps_from_it_and_unsubscribes()
    {
        var email = $"sakura-{Guid.NewGuid():N}@test.example";
        var events = JsonDocument.Parse(await fixture.Api.GetStringAsync("/api/events")).RootElement;
        var ev = events.EnumerateArray().First(e => e.GetProperty("name").GetString() == "Cloud Native Study Group");
        var (eventId, slug) = (ev.GetProperty("id").GetInt32(), ev.GetProperty("slug").GetString()!);

        // Follow on the event page, on a phone without JavaScript, in Japanese.
        var phone = await fixture.NewPageAsync(javaScript: false, width: 390, height: 844);
        await phone.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "ja-JP,ja;q=0.9" });
        await phone.GotoAsync($"/events/{slug}");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await phone.Locator("#follow").GetByLabel("メールアドレス").FillAsync(email);
        await phone.GetByLabel("お名前（任意）").FillAsync("佐藤 さくら");
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("follow-event-390-ja.png"), FullPage = true });
        var follow = phone.GetByRole(AriaRole.Button, new() { Name = "新しい開催回を知らせてほしい" });
        await AssertActionableAsync(follow);
        await follow.ClickAsync();
        await Expect(phone.Locator("[data-outcome=follow-requested]")).ToContainTextAsync("受信トレイを確認して");
        // Where the page lands after the post (the answer is focused on load): on screen, not ~1,600 px above.
        await Expect(phone.Locator("[data-outcome=follow-requested]")).ToBeInViewportAsync();
        await AssertFitsAsync(phone, "the event page");

        // Confirm from the email: the link opens a page, its button confirms.
        using (var confirmation = await EmailAsync(email, m => m.Headers[HeaderId.ListUnsubscribe] is null))
        {
            await phone.GotoAsync(Link(confirmation, FollowLink()));
        }
        var confirm = phone.GetByRole(AriaRole.Button, new() { Name = "はい、新しい開催回を知らせてください" });
        await AssertRoomyAsync(confirm);
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("follow-confirm-390-ja.png"), FullPage = true });
        await confirm.ClickAsync();
        await Expect(phone.Locator("[data-outcome=active]")).ToBeVisibleAsync();
        await Expect(phone.Locator("a[data-link=event]")).ToHaveAttributeAsync("href", $"/events/{slug}");
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("follow-confirmed-390-ja.png"), FullPage = true });

        var page = await fixture.NewPageAsync();
        await AdminSession.SignInAsync(page);
        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/followers");
        await Expect(page.Locator("tr[data-status=active]", new() { HasText = email })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("followers.png"), FullPage = true });

        // The organizer announces the next session to the followers: audience, dry run, send, confirm.
        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/announce?session={fixture.SessionId}");
        await page.Locator("[data-audience=followers]").ClickAsync();
        await Expect(page.Locator("[data-checked-audience=followers]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("recipient-names")).ToContainTextAsync("佐藤 さくら");
        var count = await page.GetByTestId("recipient-count").InnerTextAsync();
        await page.GetByTestId("send").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(count == "1" ? "Send to 1 person?" : $"Send to {count} people?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        // The app's loop, woken, writes it.
        await Expect(page.GetByText(count == "1" ? "Sending to 1 person." : $"Sending to {count} people.")).ToBeVisibleAsync();

        // Their email is in Japanese, with one-click unsubscribe headers and a personal RSVP link.
        using var announcement = await EmailAsync(email, m => m.Headers[HeaderId.ListUnsubscribe] is not null);
        Assert.StartsWith("新しい開催回：", announcement.Subject);
        Assert.Contains("佐藤 さくら さん", announcement.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", announcement.Headers["List-Unsubscribe-Post"]);
        // The visible unsubscribe link is a link in the HTML too (not a bare address the mail client may leave as text).
        var unsubscribe = System.Net.WebUtility.HtmlDecode(UnsubscribeAnchor().Match(announcement.HtmlBody ?? "").Groups["url"].Value);
        Assert.Contains(unsubscribe, announcement.TextBody);
        Assert.Equal($"<{unsubscribe}>", announcement.Headers[HeaderId.ListUnsubscribe]);

        // The RSVP link fills in the form on the phone; they RSVP.
        await phone.GotoAsync(Link(announcement, InviteLink()));
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(phone.Locator("#rsvp-name")).ToHaveValueAsync("佐藤 さくら");
        await Expect(phone.Locator("#rsvp-email")).ToHaveValueAsync(email);
        await Expect(phone.Locator("#rsvp-language")).ToHaveValueAsync("ja");
        await Expect(phone.Locator("#rsvp-subscribe")).ToHaveCountAsync(0); // they follow already: not offered again
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("announcement-rsvp-390-ja.png"), FullPage = true });
        await AssertFitsAsync(phone, "the RSVP page");
        await phone.GetByRole(AriaRole.Button, new() { Name = "参加登録する" }).ClickAsync();
        await Expect(phone.Locator("[data-outcome=confirmed]")).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-outcome=confirmed]")).ToBeInViewportAsync();
        await Expect(phone.Locator("[data-outcome=confirmed] [data-emailed]")).ToHaveCountAsync(1); // one email, said once
        // No manage link for a link that may have been forwarded: the answer says where the RSVP page is instead.
        await Expect(phone.Locator("[data-outcome=confirmed] [data-manage=in-email]")).ToHaveTextAsync("登録内容のページは、そのメールのリンクから開けます。変更やキャンセルもそこからできます。");
        await Expect(phone.Locator("[data-outcome=confirmed] a[href^='/rsvp/']")).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("announcement-rsvp-done-390-ja.png"), FullPage = true });

        // The same link opened again: they are registered, so no empty form; a new manage link can be emailed.
        await phone.GotoAsync(Link(announcement, InviteLink()));
        await Expect(phone.Locator("[data-outcome=already-registered]")).ToContainTextAsync("すでに参加登録済み");
        await Expect(phone.Locator("#rsvp-email")).ToHaveCountAsync(0);
        await AssertRoomyAsync(phone.GetByRole(AriaRole.Button, new() { Name = "登録内容へのリンクをメールで受け取る" }));
        await AssertFitsAsync(phone, "the RSVP page opened again");
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("announcement-rsvp-again-390-ja.png"), FullPage = true });

        // Another session: its dry run counts them while they follow.
        var second = await fixture.NewSessionAsync(capacity: 30, title: "Kubernetes 入門 #6", startsAt: DateTime.UtcNow.AddDays(40));
        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/announce?session={second}");
        await Expect(page.GetByTestId("recipient-names")).ToContainTextAsync(email);
        var following = int.Parse(await page.GetByTestId("recipient-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // The email's visible unsubscribe link: a page, its button.
        await phone.GotoAsync(unsubscribe);
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("announcement-unsubscribe-390-ja.png"), FullPage = true });
        await AssertFitsAsync(phone, "the unsubscribe page");
        var stop = phone.GetByRole(AriaRole.Button, new() { Name = "フォローをやめる" });
        await AssertRoomyAsync(stop);
        await stop.ClickAsync();
        await Expect(phone.Locator("[data-outcome=unsubscribed]")).ToBeVisibleAsync();
        await AssertFitsAsync(phone, "the unsubscribed page");
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("announcement-unsubscribed-page-390-ja.png"), FullPage = true });
        // Not a dead end: "Follow again" leads to the follow form on the group's page (a new request, confirmed by email).
        await phone.GetByRole(AriaRole.Link, new() { Name = "もう一度フォローできます", Exact = false }).ClickAsync();
        await Expect(phone.Locator("#follow")).ToBeVisibleAsync(); // back on the group's page
        await Expect(phone.Locator("#follow-email")).ToBeInViewportAsync(); // at its follow form
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact("announcement-unsubscribed-390-ja.png"), FullPage = true });

        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/followers");
        await Expect(page.Locator("tr[data-status=unsubscribed]", new() { HasText = email })).ToBeVisibleAsync();
        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/announce?session={second}");
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync((following - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator(".ann-preview")).Not.ToContainTextAsync(email);
    }

    /// <summary>
    /// A form's main button reads as one: filled or outlined in the primary blue, never the pale grey of a disabled
    /// control (axe passes that grey: its text contrast is fine), and a thumb-sized target.
    /// </summary>
    private static async Task AssertActionableAsync(ILocator button)
    {
        var look = await button.EvaluateAsync<string[]>("b => { const s = getComputedStyle(b); return [s.backgroundColor, s.borderTopColor, s.borderTopWidth, s.color]; }");
        const string primary = "rgb(53, 89, 199)";
        Assert.True(look[0] == primary || (look[1] == primary && look[2] != "0px" && look[3] == primary), $"The button looks disabled: {string.Join(" / ", look)}");
        var box = (await button.BoundingBoxAsync())!;
        Assert.True(box.Height >= 44, $"The button is {box.Height}px high");
    }

    /// <summary>
    /// A page's one button on a phone: a full-width, thumb-sized target (≥ 44 px high) with room around it, apart from
    /// the text and links next to it (≥ 16 px), so a thumb does not hit the wrong thing.
    /// </summary>
    private static async Task AssertRoomyAsync(ILocator button)
    {
        await AssertActionableAsync(button);
        var room = await button.EvaluateAsync<double[]>("""
            b => {
              const r = b.getBoundingClientRect();
              const box = (b.closest('form') ?? b).parentElement;
              const c = box.getBoundingClientRect(), cs = getComputedStyle(box);
              const inner = c.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
              const others = [...document.querySelectorAll('main p, main a, main strong, main h1, main h2, main label')].filter(e => !b.contains(e) && !e.contains(b))
                .map(e => e.getBoundingClientRect()).filter(o => o.height > 0);
              const above = others.filter(o => o.bottom <= r.top + 1).map(o => r.top - o.bottom);
              const below = others.filter(o => o.top >= r.bottom - 1).map(o => o.top - r.bottom);
              return [r.width / inner, Math.min(999, ...above), Math.min(999, ...below)];
            }
            """);
        Assert.True(room[0] >= 0.99, $"The button takes {room[0]:P0} of the width");
        Assert.True(room[1] >= 16 && room[2] >= 16, $"The button has {room[1]}px above and {room[2]}px below");
    }

    private static async Task AssertFitsAsync(IPage phone, string what)
    {
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{what} is {width}px wide on a 390px phone");
    }

    private static string Link(MimeMessage message, Regex pattern)
    {
        var match = pattern.Match((message.HtmlBody ?? "") + (message.TextBody ?? ""));
        Assert.True(match.Success, $"The email \"{message.Subject}\" holds no link like {pattern}.");
        return System.Net.WebUtility.HtmlDecode(match.Value);
    }

    /// <summary>The email the app wrote to <paramref name="email"/> that matches (no SMTP host here: .eml files).</summary>
    private static async Task<MimeMessage> EmailAsync(string email, Func<MimeMessage, bool> which)
    {
        var directory = Path.Combine(Path.GetTempPath(), "meetup-tests", "outbox");
        for (var i = 0; i < 150; i++)
        {
            foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml") : [])
            {
                if (!File.ReadAllText(file).Contains(email, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var message = await MimeMessage.LoadAsync(file);
                if (which(message))
                {
                    return message;
                }
                message.Dispose();
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No such email to {email} in {directory}.");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/follow/[A-Za-z0-9_-]+")]
    private static partial Regex FollowLink();

    [GeneratedRegex(@"<a href=""(?<url>https?://[^\s""<>]+/unsubscribe/[A-Za-z0-9_-]+)""")]
    private static partial Regex UnsubscribeAnchor();

    [GeneratedRegex(@"https?://[^\s""<>]+/rsvp/new/\d+\?invite=[A-Za-z0-9_-]+")]
    private static partial Regex InviteLink();
}
