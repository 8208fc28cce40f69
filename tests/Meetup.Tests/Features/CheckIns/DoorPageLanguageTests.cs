using System.Net.Http.Json;
using Meetup.Tests.Features.Sessions;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.CheckIns;

/// <summary>The door page a helper opens on a phone, in the helper's language (Accept-Language, no cookie).</summary>
public class DoorPageLanguageTests
{
    // Needs the Japanese and Chinese resources (Strings.ja.resx, Strings.zh-Hans.resx).
    [Theory]
    [InlineData("ja-JP,ja;q=0.9", ">受付</button>", "名前で検索", "人が受付済み（参加確定1人中）", "当日参加者を追加")]
    [InlineData("zh-CN,zh;q=0.9", ">签到</button>", "按姓名搜索", "人已签到（共1人已报名）", "添加现场参加者")]
    public async Task The_door_page_speaks_the_helpers_language_and_shows_check_in_times_on_a_24_hour_clock(
        string acceptLanguage, string checkInButton, string search, string counter, string walkIn)
    {
        // 10:05 UTC is 19:05 in Tokyo, the event's zone.
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 6, 10, 5, 0, TimeSpan.Zero));
        await using var app = await StartAsync("Sqlite", time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, new DateTimeOffset(2027, 1, 6, 10, 30, 0, TimeSpan.Zero), opensAt: time.GetUtcNow().AddDays(-1));
        (await RsvpAsync(app.Client(), session.Id, "高 林", "gao@example.com")).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "walkin@example.com", name = "林 浩" })).EnsureSuccessStatusCode();
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/checkin", cookies, acceptLanguage);

        Assert.Contains(checkInButton, html, StringComparison.Ordinal);
        Assert.Contains($"placeholder=\"{search}\"", html, StringComparison.Ordinal);
        Assert.Contains(counter, html, StringComparison.Ordinal);
        Assert.Contains(walkIn, html, StringComparison.Ordinal);
        Assert.Contains("✓ 19:05", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tap to check in", html, StringComparison.Ordinal);
    }
}
