using System.Net.Http.Headers;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// The RSVP form and the manage page in the browser's language, dates included (docs/i18n.md).
/// Needs the Japanese and Chinese resources (Strings.ja.resx, Strings.zh-Hans.resx).
/// </summary>
public class RsvpPageLanguageTests
{
    private static readonly DateTimeOffset Wednesday = new(2027, 1, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_japanese_browser_gets_the_rsvp_form_in_japanese_with_japanese_emails_preselected()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, Wednesday);
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja-JP"));

        var html = await client.GetStringAsync($"/rsvp/new/{session.Id}");

        Assert.Contains(">参加登録</h2>", html, StringComparison.Ordinal);
        Assert.Contains("2027年1月6日(水) 19:00</time> – 21:00", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ja\" lang=\"ja\" selected", html, StringComparison.Ordinal);
        Assert.Contains("メールの言語", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chinese_browser_gets_the_manage_page_in_chinese()
    {
        await using var app = await StartAsync("Sqlite", settings: SenderOff);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, Wednesday);
        var client = app.Client();
        var rsvp = await OutcomeAsync(await RsvpAsync(client, session.Id, "高林", "gao@example.com", "zh"));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        var html = await client.GetStringAsync($"/rsvp/{rsvp.ManageToken}");

        Assert.Contains("你已报名成功。", html, StringComparison.Ordinal);
        Assert.Contains("2027年1月6日 周三 19:00</time> – 21:00", html, StringComparison.Ordinal);
        Assert.Contains("你的签到码", html, StringComparison.Ordinal);
        Assert.Contains("取消报名", html, StringComparison.Ordinal);
    }
}
