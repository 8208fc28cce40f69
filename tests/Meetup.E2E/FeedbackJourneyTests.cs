using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>
/// The feedback loop as people live it: after a session, an attendee answers on a phone without JavaScript in
/// Japanese (from the QR code on the last slide); the organizer reads the answer and, scheduling the next session,
/// is offered the topic asked for.
/// </summary>
public class FeedbackJourneyTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Fact]
    public async Task An_attendee_answers_in_japanese_on_a_phone_and_the_organizer_sees_it_and_the_topic_when_scheduling_next()
    {
        // A session that started two hours ago and ended an hour ago; a walk-in was checked in at the door.
        var sessionId = await fixture.NewSessionAsync(capacity: 30, title: "Kubernetes 入門 #6", startsAt: DateTime.UtcNow.AddHours(-3));
        (await fixture.Api.PostAsJsonAsync($"/api/sessions/{sessionId}/checkins", new { email = "hana@test.example", name = "田中 花" })).EnsureSuccessStatusCode();

        var phone = await fixture.NewPageAsync(javaScript: false, width: 390, height: 844);
        await phone.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "ja-JP,ja;q=0.9" });
        await phone.GotoAsync($"/feedback/{sessionId}");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await phone.GetByLabel("受付コードまたはメールアドレス").FillAsync("hana@test.example");
        await phone.Locator("fieldset", new() { HasText = "全体の満足度" }).GetByText("4", new() { Exact = true }).ClickAsync();
        await phone.Locator("fieldset", new() { HasText = "内容を理解できた" }).GetByText("2", new() { Exact = true }).ClickAsync();
        await phone.Locator("fieldset", new() { HasText = "ペース" }).GetByText("速すぎる").ClickAsync();
        await phone.Locator("fieldset", new() { HasText = "長さ" }).GetByText("ちょうどよい").ClickAsync();
        await phone.Locator("fieldset", new() { HasText = "次回も参加したい" }).GetByText("未定").ClickAsync();
        await phone.GetByLabel("次回取り上げてほしいテーマ").FillAsync("Helm の実践");
        await phone.GetByLabel("その他のご意見（任意）").FillAsync("デモが分かりやすかったです");
        await phone.ScreenshotAsync(new() { Path = AdminSession.Artifact("feedback-room-390-ja.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        await Expect(phone.Locator("[data-outcome=saved]")).ToBeVisibleAsync();
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the survey is {width}px wide on a 390px phone");

        // The organizer reads it…
        var page = await fixture.NewPageAsync();
        await AdminSession.SignInAsync(page);
        await AdminSession.GotoAsync(page, $"/admin/sessions/{sessionId}/feedback");
        await Expect(page.GetByText("デモが分かりやすかったです")).ToBeVisibleAsync();
        await Expect(page.GetByText("Helm の実践").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AdminSession.Artifact("feedback-session.png"), FullPage = true });

        // …and scheduling the next session, is offered the topic asked for as its title.
        await AdminSession.GotoAsync(page, $"/admin/sessions/{sessionId}");
        var editor = new SessionEditorScreen(page);
        await editor.ScheduleNextAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex($"/admin/sessions/{sessionId}$"));
        var suggestion = page.Locator(".topic-suggestion", new() { HasText = "Helm の実践" });
        await Expect(suggestion).ToBeVisibleAsync();
        await suggestion.ClickAsync();
        await Expect(editor.Title).ToHaveValueAsync("Helm の実践");
        await page.ScreenshotAsync(new() { Path = AdminSession.Artifact("feedback-topic-suggestion.png") });
    }
}
