using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Testing;
using Meetup.Tests.Features.Sessions;
using Meetup.Web.Features.Sessions;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Feedback.FeedbackKit;
using static Meetup.Tests.Features.Feedback.SeriesKit;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>
/// What the organizer reads of the feedback in the back office (the pages' first HTML, signed in): a session's answers,
/// the trend across sessions, the topics offered when scheduling the next one, and the links that lead there.
/// </summary>
public class FeedbackPagesTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_session_feedback_page_shows_response_rate_means_distributions_topics_and_comments_with_their_language(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var gao = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com", "zh");
        var aiko = await AttendeeAsync(app, admin, session.Id, "Sato Aiko", "aiko@example.com", "ja");
        var sam = await AttendeeAsync(app, admin, session.Id, "Sam Lee", "sam@example.com", "en");
        await AttendeeAsync(app, admin, session.Id, "Silent Person", "silent@example.com");
        AfterTheSession(time);
        await AnswersAsync(app, gao, Answer(overall: 5, understanding: 4, pace: "too_fast", length: "just_right", comeNext: "yes", nextTopic: "helm", comment: "讲得很好"));
        await AnswersAsync(app, aiko, Answer(overall: 4, understanding: 2, pace: "too_fast", length: "too_long", comeNext: "maybe", nextTopic: "Helm"));
        await AnswersAsync(app, sam, Answer(overall: 2, understanding: 2, pace: "just_right", length: "too_long", comeNext: "no",
            nextTopic: "<b>Operators</b>", comment: "<script>alert(1)</script> Too long for me."));
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/feedback", cookies, "en");

        Assert.Contains(">Feedback: Kubernetes 入門 #5</h1>", html, StringComparison.Ordinal);
        Assert.Equal("75% (3 / 4)", Figure(html, "response-rate"));
        Assert.Equal("3.67", Figure(html, "overall-mean"));
        Assert.Equal("2.67", Figure(html, "understanding-mean"));
        Assert.Equal("1 (33%)", Figure(html, "overall-5"));
        Assert.Equal("0 (0%)", Figure(html, "overall-1"));
        Assert.Equal("2 (67%)", Figure(html, "understanding-2"));
        Assert.Equal("2 (67%)", Figure(html, "pace-too_fast"));
        Assert.Equal("0 (0%)", Figure(html, "pace-too_slow"));
        Assert.Equal("2 (67%)", Figure(html, "length-too_long"));
        Assert.Equal("1 (33%)", Figure(html, "comeNext-maybe"));
        // Topics folded with their counts (as last spelled); every text is text, never markup.
        Assert.Equal("2", Figure(html, "topic-Helm"));
        Assert.Contains("&lt;b&gt;Operators&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Operators", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("讲得很好</p>\\s*(<[^>]*>\\s*)*?<[^>]*comment-language[^>]*>[^<]*(<[^>]*>[^<]*)*?Chinese", RegexOptions.Singleline), html);
        Assert.Matches(new Regex("Too long for me.</p>\\s*(<[^>]*>\\s*)*?<[^>]*comment-language[^>]*>[^<]*(<[^>]*>[^<]*)*?English", RegexOptions.Singleline), html);
    }

    [Theory]
    [InlineData("en", "No answers yet — the thank-you email asks everyone checked in, an hour after the end.")]
    [InlineData("ja-JP,ja;q=0.9", "まだ回答はありません")]
    [InlineData("zh-CN,zh;q=0.9", "还没有回答")]
    public async Task Without_answers_the_page_says_who_will_be_asked_and_when(string acceptLanguage, string emptyState)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");
        AfterTheSession(time);
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/feedback", cookies, acceptLanguage);

        Assert.Contains(emptyState, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"overall-mean\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_answers_the_page_says_why_before_the_start_after_the_survey_closed_and_for_a_cancelled_session()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var cancelled = await SessionInAnHourAsync(admin, time);
        (await admin.PostAsJsonAsync($"/api/sessions/{cancelled.Id}/cancel", new { reason = "Typhoon" })).EnsureSuccessStatusCode();
        var cookies = await BackOfficePage.SignInAsync(app);

        Assert.Contains("the survey opens when the session starts", await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/feedback", cookies, "en"), StringComparison.Ordinal);
        Assert.Contains("No answers: this session was cancelled.", await BackOfficePage.GetAsync(app, $"/admin/sessions/{cancelled.Id}/feedback", cookies, "en"), StringComparison.Ordinal);
        time.Advance(TimeSpan.FromDays(9));
        cookies = await BackOfficePage.SignInAsync(app); // the sign-in of nine days ago has lapsed
        Assert.Contains("No answers: the survey closed 7 days after the session.", await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/feedback", cookies, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_in_japanese_is_marked_in_the_readers_language_and_an_unknown_session_says_so()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var aiko = await AttendeeAsync(app, admin, session.Id, "Sato Aiko", "aiko@example.com", "ja");
        AfterTheSession(time);
        await AnswersAsync(app, aiko, Answer(comment: "とても分かりやすかった"));
        var cookies = await BackOfficePage.SignInAsync(app);

        var ja = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/feedback", cookies, "ja-JP,ja;q=0.9");
        var zh = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/feedback", cookies, "zh-CN,zh;q=0.9");
        var unknown = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id + 1000}/feedback", cookies, "en");

        Assert.Contains(">アンケート：Kubernetes 入門 #5</h1>", ja, StringComparison.Ordinal);
        Assert.Matches(new Regex("comment-language[^>]*>.*?日本語", RegexOptions.Singleline), ja);
        Assert.Matches(new Regex("comment-language[^>]*>.*?日语", RegexOptions.Singleline), zh);
        Assert.Contains("This session or its event does not exist (any more).", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_editor_and_the_rsvp_list_link_to_the_feedback_and_the_event_page_to_the_trend()
    {
        await using var app = await StartAsync("Sqlite");
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        var cookies = await BackOfficePage.SignInAsync(app);

        var editor = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}", cookies, "en");
        var rsvps = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/rsvps", cookies, "en");
        var eventPage = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}", cookies, "en");
        var dashboard = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/retention", cookies, "en");

        Assert.Contains($"href=\"/admin/sessions/{session.Id}/feedback\"", editor, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/sessions/{session.Id}/feedback\"", rsvps, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/events/{session.EventId}/feedback\"", eventPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/events/{session.EventId}/feedback\"", dashboard, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_trend_page_shows_each_sessions_answers_next_to_attendance_and_return_rate(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        using var admin = await app.ApiClientAsync();
        var s = await DailySessionsAsync(admin, time, 2);
        var ann = await ComesAsync(app, admin, s[0].Id, "Ann", "ann@example.com");
        var bo = await ComesAsync(app, admin, s[0].Id, "Bo", "bo@example.com");
        await ComesAsync(app, admin, s[1].Id, "Ann", "ann@example.com");
        time.Advance(TimeSpan.FromDays(2));
        await AnswersAsync(app, ann, Answer(overall: 5, understanding: 4, pace: "too_fast", length: "too_long", comeNext: "yes"));
        await AnswersAsync(app, bo, Answer(overall: 4, understanding: 1, pace: "just_right", length: "just_right", comeNext: "no"));
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/events/{s[0].EventId}/feedback", cookies, "en");

        Assert.Contains(">Feedback across sessions</h1>", html, StringComparison.Ordinal);
        var first = Row(html, s[0].Id);
        Assert.Equal(["2", "50%", "2", "4.5", "2.5", "50%", "0%", "50%", "50%"], first);
        var last = Row(html, s[1].Id);
        Assert.Equal(["1", "pending", "0", "–", "–", "–", "–", "–", "–"], last);
        Assert.Contains($"href=\"/admin/sessions/{s[0].Id}/feedback\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Scheduling_the_next_session_offers_the_topics_asked_for_beside_the_title(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var gao = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");
        var sam = await AttendeeAsync(app, admin, session.Id, "Sam Lee", "sam@example.com");
        AfterTheSession(time);
        await AnswersAsync(app, gao, Answer(nextTopic: "helm"));
        await AnswersAsync(app, sam, Answer(nextTopic: "Helm")); // the later spelling is shown
        var next = (await (await admin.PostAsync($"/api/sessions/{session.Id}/schedule-next", null)).Content.ReadFromJsonAsync<SessionResource>())!;
        var empty = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(7)); // another event: nothing asked
        var cookies = await BackOfficePage.SignInAsync(app);

        var editor = await BackOfficePage.GetAsync(app, $"/admin/sessions/{next.Id}", cookies, "en");
        var nothing = await BackOfficePage.GetAsync(app, $"/admin/sessions/{empty.Id}", cookies, "en");

        Assert.Contains("Asked for in the last sessions", editor, StringComparison.Ordinal);
        Assert.Matches(new Regex("<button[^>]*data-topic=\"Helm\"[^>]*>.*?Helm.*?2.*?</button>", RegexOptions.Singleline), editor);
        Assert.DoesNotContain("Asked for in the last sessions", nothing, StringComparison.Ordinal);
    }

    /// <summary>The text of the element with that data-testid, tags stripped.</summary>
    private static string Figure(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</(span|div|td|li)>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element data-testid=\"{testId}\".");
        return WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", "")).Trim();
    }

    /// <summary>The figure cells (class "num") of the trend table's row of a session.</summary>
    private static string[] Row(string html, int sessionId)
    {
        var row = Regex.Match(html, $"<tr[^>]*data-session=\"{sessionId}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No row for session {sessionId}.");
        return [.. Regex.Matches(row.Groups[1].Value, "<td[^>]*class=\"[^\"]*\\bnum\\b[^\"]*\"[^>]*>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim())];
    }
}
