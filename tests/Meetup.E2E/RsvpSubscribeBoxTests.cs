using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E;

/// <summary>
/// "Tell me about new sessions" on the RSVP form (its own page and the session page), on a phone without JavaScript:
/// the whole row is a thumb-sized target (≥ 44 px high, full width), and a tap on its words or anywhere on the row
/// toggles the box — a static SSR form, nothing but the label doing it.
/// </summary>
public class RsvpSubscribeBoxTests(RsvpAppFixture fixture) : IClassFixture<RsvpAppFixture>
{
    [Theory]
    [InlineData("ja", "新しい開催回を知らせてほしい", "rsvp")]
    [InlineData("zh-Hans", "有新场次时通知我", "rsvp")]
    [InlineData("ja", "新しい開催回を知らせてほしい", "sessions")]
    public async Task The_follow_box_is_a_thumb_sized_row_whose_words_toggle_it_without_javascript(string culture, string words, string where)
    {
        var phone = await fixture.NewPageAsync(javaScript: false, width: 390, height: 844);
        await Languages.ChooseAsync(phone, fixture.App.BaseUrl, culture);
        var slug = JsonDocument.Parse(await fixture.Api.GetStringAsync("/api/events")).RootElement.EnumerateArray()
            .First(e => e.GetProperty("id").GetInt32() == fixture.EventId).GetProperty("slug").GetString();
        await phone.GotoAsync(where == "rsvp" ? $"/rsvp/new/{fixture.SessionId}" : $"/events/{slug}/sessions/{fixture.SessionId}");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", culture);

        var box = phone.GetByLabel(words);
        await Expect(box).ToHaveAttributeAsync("id", "rsvp-subscribe");
        var row = phone.Locator("label.checkbox", new() { Has = phone.Locator("#rsvp-subscribe") });
        var rowBox = (await row.BoundingBoxAsync())!;
        var inputBox = (await box.BoundingBoxAsync())!;
        var form = (await phone.Locator("form.rsvp-form").BoundingBoxAsync())!;
        Assert.True(rowBox.Height >= 44, $"The row is {rowBox.Height}px high");
        Assert.True(rowBox.Width >= form.Width - 1, $"The row is {rowBox.Width}px of the form's {form.Width}px");
        Assert.True(inputBox.Width >= 24 && inputBox.Height >= 24, $"The box is {inputBox.Width}×{inputBox.Height}px");
        await row.ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = RsvpAppFixture.Artifact($"rsvp-follow-box-{where}-390-{culture}.png"), FullPage = true });

        await Expect(box).Not.ToBeCheckedAsync();
        await row.GetByText(words, new() { Exact = true }).ClickAsync(); // its words
        await Expect(box).ToBeCheckedAsync();
        await row.ClickAsync(new() { Position = new() { X = rowBox.Width - 4, Y = rowBox.Height - 4 } }); // the row's far corner
        await Expect(box).Not.ToBeCheckedAsync();
        await box.ClickAsync(); // the box itself
        await Expect(box).ToBeCheckedAsync();
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width}px wide on a 390px phone");
    }
}
