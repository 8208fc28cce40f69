using System.Globalization;
using System.Net.Http.Json;
using Meetup.Web.Features.Sessions;
using Meetup.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Sessions;

/// <summary>The calendar and the session editor in the organizer's language (Accept-Language, no cookie).</summary>
public class SessionPagesLanguageTests
{
    [Theory]
    [InlineData("ja-JP,ja;q=0.9", "2027年1月")]
    [InlineData("zh-CN,zh;q=0.9", "2027年1月")]
    [InlineData("en-GB,en;q=0.9", "January 2027")]
    public async Task The_calendar_heads_the_month_as_the_organizers_language_writes_it(string acceptLanguage, string month)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        await using var app = await StartAsync("Sqlite", time);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 10, new DateTimeOffset(2027, 1, 6, 10, 0, 0, TimeSpan.Zero));
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, "/admin/calendar", cookies, acceptLanguage);

        Assert.Contains($">{month}</h6>", html, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"{month}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1月 2027", html, StringComparison.Ordinal);
        // 10:00 UTC is 19:00 in Tokyo, the event's zone: 24-hour in every language.
        Assert.Contains($"href=\"/admin/sessions/{session.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"month-time\">19:00</span>", html, StringComparison.Ordinal);
    }

    // Needs the Japanese and Chinese resources (Strings.ja.resx, Strings.zh-Hans.resx).
    [Theory]
    [InlineData("ja-JP,ja;q=0.9", "新しい開催回", "タイトル", "定員")]
    [InlineData("zh-CN,zh;q=0.9", "新建场次", "标题", "名额")]
    public async Task The_session_editor_speaks_the_organizers_language(string acceptLanguage, string heading, string title, string capacity)
    {
        await using var app = await StartAsync("Sqlite");
        var ev = await SessionApiTests.CreateEventAsync(await app.ApiClientAsync());
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/sessions/new?eventId={ev.Id}", cookies, acceptLanguage);

        Assert.Contains($">{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(capacity, html, StringComparison.Ordinal);
        Assert.DoesNotContain(">New session<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Create draft", html, StringComparison.Ordinal);
    }

    // Needs the Japanese and Chinese resources.
    [Theory]
    [InlineData("ja-JP,ja;q=0.9", "中止：会議室が使えません")]
    [InlineData("zh-CN,zh;q=0.9", "已取消：会議室が使えません")]
    [InlineData("en", "Cancelled: 会議室が使えません")]
    public async Task A_cancelled_session_says_so_with_the_organizers_reason_in_the_readers_punctuation(string acceptLanguage, string notice)
    {
        await using var app = await StartAsync("Sqlite");
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(14));
        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/cancel", new { reason = "会議室が使えません" })).EnsureSuccessStatusCode();
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}", cookies, acceptLanguage);

        Assert.Contains(notice, html, StringComparison.Ordinal);
    }

    // Needs the Japanese resources.
    [Fact]
    public void The_publish_question_runs_japanese_sentences_together_without_spaces()
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var l = services.GetRequiredService<IStringLocalizer<Strings>>();
        var culture = CultureInfo.CurrentUICulture;
        string ja, en;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja");
            ja = PublishQuestion.Text(l, opensLater: null, "Asia/Tokyo", savesFirst: true, copiedFrom: null);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            en = PublishQuestion.Text(l, opensLater: null, "Asia/Tokyo", savesFirst: true, copiedFrom: null);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal("公開ページとカレンダーフィードに表示されるようになります。参加登録はすぐに始まります。変更内容は先に保存されます。", ja);
        Assert.Equal("It becomes visible on the public pages and in the calendar feed. RSVP opens right away. Your changes are saved first.", en);
    }
}
