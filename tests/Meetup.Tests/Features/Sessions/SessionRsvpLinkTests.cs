using System.Net;
using Meetup.Testing;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Sessions;

/// <summary>
/// The session's RSVP list (where its attendees are messaged) is one click from the session editor and from the
/// event's session table, with who is on it.
/// </summary>
public class SessionRsvpLinkTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_editor_and_the_event_table_link_to_the_rsvp_list_with_the_confirmed_and_waiting_counts(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        await using var app = await StartAsync(provider, time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, time.GetUtcNow().AddDays(10));
        var client = app.Client();
        (await RsvpAsync(client, session.Id, "Kenji", "kenji@example.com")).EnsureSuccessStatusCode();
        (await RsvpAsync(client, session.Id, "Gao Lin", "gao@example.com")).EnsureSuccessStatusCode(); // waitlisted
        var cookies = await BackOfficePage.SignInAsync(app);
        var list = $"href=\"/admin/sessions/{session.Id}/rsvps\"";

        var editor = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}", cookies, "en"));
        Assert.Contains(list, editor, StringComparison.Ordinal);
        Assert.Contains("RSVPs: 1 confirmed, 1 waiting", editor, StringComparison.Ordinal);

        var japanese = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}", cookies, "ja"));
        Assert.Contains("参加登録：確定 1人、キャンセル待ち 1人", japanese, StringComparison.Ordinal);

        var table = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}", cookies, "en"));
        var link = table.IndexOf(list, StringComparison.Ordinal);
        Assert.True(link > 0, "The event's session table links to the RSVP list.");
        var tag = table[table.LastIndexOf('<', link)..table.IndexOf('>', link)];
        // Named by what it opens, starting with the figure it shows; underlined so it reads as a link; the counts on hover.
        Assert.Contains($"aria-label=\"1 / 1: RSVP list of {session.Title}\"", tag, StringComparison.Ordinal);
        Assert.Contains("mud-link-underline-always", tag, StringComparison.Ordinal);
        Assert.Contains("title=\"RSVPs: 1 confirmed, 1 waiting\"", tag, StringComparison.Ordinal);
        Assert.DoesNotContain("tabindex=\"-1\"", tag, StringComparison.Ordinal);
        Assert.Matches(@"^\s*1 / 1\s*$", table[(table.IndexOf('>', link) + 1)..table.IndexOf("</a>", link, StringComparison.Ordinal)]);

        var chinese = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}", cookies, "zh-CN,zh;q=0.9"));
        Assert.Contains($"aria-label=\"1 / 1：{session.Title} 的报名名单\"", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_nobody_registered_for_has_no_rsvp_link()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        await using var app = await StartAsync("Sqlite", time);
        var draft = await PublishedSessionAsync(await app.ApiClientAsync(), 5, time.GetUtcNow().AddDays(10), publish: false);
        var cookies = await BackOfficePage.SignInAsync(app);

        var editor = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"/admin/sessions/{draft.Id}", cookies, "en"));

        Assert.Contains("Kubernetes 入門 #5", editor, StringComparison.Ordinal); // the draft's editor, not an error page
        Assert.DoesNotContain($"/admin/sessions/{draft.Id}/rsvps", editor, StringComparison.Ordinal);
    }
}
