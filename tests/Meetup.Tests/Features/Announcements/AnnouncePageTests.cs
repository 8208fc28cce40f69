using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Sessions;
using Meetup.Web.Features.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Announcements;

/// <summary>
/// The organizer's announce page as first rendered, signed in: the next published session and the audience from the
/// link preselected, who will get it (count and names), an empty state that says why, the event's announcements with
/// what came of them, and the links that lead there.
/// </summary>
public class AnnouncePageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_page_preselects_the_next_published_session_and_shows_how_many_and_who_will_get_it(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var next = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        var later = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(21), eventId: next.EventId);
        await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(3), publish: false, eventId: next.EventId); // a draft
        await FollowersAsync(app, next.EventId, ("Ann Follower", "ann@example.com", true), ("Bo Follower", "bo@example.com", true), ("Cy Pending", "cy@example.com", false));
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/events/{next.EventId}/announce", cookies, "en");

        Assert.Contains(">Announce a session</h1>", html, StringComparison.Ordinal);
        Assert.Equal(next.Id, SelectedSession(html));
        Assert.Equal("followers", CheckedAudience(html));
        Assert.Equal("2", Figure(html, "recipient-count"));
        var names = Figure(html, "recipient-names");
        Assert.Contains("Ann Follower", names, StringComparison.Ordinal);
        Assert.Contains("bo@example.com", names, StringComparison.Ordinal);
        Assert.DoesNotContain("Cy Pending", names, StringComparison.Ordinal); // not confirmed: not a follower yet
        Assert.Contains("No announcement yet.", html, StringComparison.Ordinal);

        var asked = await BackOfficePage.GetAsync(app, $"/admin/events/{next.EventId}/announce?session={later.Id}&audience=regulars", cookies, "en");
        Assert.Equal(later.Id, SelectedSession(asked));
        Assert.Equal("regulars", CheckedAudience(asked));
    }

    [Theory]
    [InlineData("en", "Nobody follows this group yet — share the event page")]
    [InlineData("ja-JP,ja;q=0.9", "このグループをフォローしている人はまだいません。")]
    [InlineData("zh-CN,zh;q=0.9", "还没有人关注本群组")]
    public async Task Without_followers_the_page_says_nobody_follows_yet(string acceptLanguage, string why)
    {
        await using var app = await StartAsync("Sqlite", settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce?audience=at_risk", cookies, acceptLanguage);

        Assert.Equal("0", Figure(html, "recipient-count"));
        Assert.Contains(why, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audience_nobody_is_in_says_how_many_follow_and_without_an_upcoming_session_the_page_says_publish_first()
    {
        await using var app = await StartAsync("Sqlite", settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        await FollowersAsync(app, session.EventId, ("Ann Follower", "ann@example.com", true), ("Bo Follower", "bo@example.com", true));
        var draftOnly = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7), publish: false);
        var cookies = await BackOfficePage.SignInAsync(app);

        var atRisk = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce?audience=at_risk", cookies, "en");
        var regulars = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce?audience=regulars", cookies, "en");
        var nothing = await BackOfficePage.GetAsync(app, $"/admin/events/{draftOnly.EventId}/announce", cookies, "en");
        var unknown = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId + 1000}/announce", cookies, "en");

        Assert.Equal("at_risk", CheckedAudience(atRisk));
        Assert.Equal("0", Figure(atRisk, "recipient-count"));
        Assert.Contains("None of the at-risk regulars follows the group, and only followers can be sent an announcement.", atRisk, StringComparison.Ordinal);
        Assert.Contains("None of the 2 followers is in this audience.", regulars, StringComparison.Ordinal);
        Assert.Contains("Nothing published ahead: publish the next session first, then announce it.", nothing, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"send\"", nothing, StringComparison.Ordinal);
        Assert.Contains("This event does not exist (any more).", unknown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_list_shows_each_announcement_with_recipients_registrations_after_it_and_a_scheduled_one_to_cancel(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        await FollowersAsync(app, session.EventId, ("Ann Follower", "ann@example.com", true), ("Bo Follower", "bo@example.com", true));
        using (var scope = app.Factory.Services.CreateScope())
        {
            var announcements = scope.ServiceProvider.GetRequiredService<AnnouncementService>();
            var sent = await announcements.CreateAsync(session.EventId, new AnnouncementInput { SessionId = session.Id, Audience = "followers", Message = "Come along!" });
            Assert.True(sent.Succeeded, sent.Detail);
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<AnnouncementSender>().SendDueAsync()); // the loop's work (switched off here)
            var scheduled = await announcements.CreateAsync(session.EventId, new AnnouncementInput { SessionId = session.Id, Audience = "regulars", SendAt = DateTimeOffset.UtcNow.AddDays(2) });
            Assert.True(scheduled.Succeeded, scheduled.Detail);
            var queued = await announcements.CreateAsync(session.EventId, new AnnouncementInput { SessionId = session.Id, Audience = "past_attendees" });
            Assert.True(queued.Succeeded, queued.Detail); // accepted, not yet taken by the sender
        }
        (await RsvpAsync(app.Client(), session.Id, "Ann Follower", "ann@example.com")).EnsureSuccessStatusCode();
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce", cookies, "en");

        var rows = Rows(html);
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains("Scheduled", StringComparison.Ordinal) && r.Contains("Cancel", StringComparison.Ordinal));
        // 2 recipients, 1 registered after it; "came" is not a 0 before the session starts but "–", known after it.
        Assert.Contains(rows, r => Regex.IsMatch(r, @"All followers.*\b2\s+1\s+–", RegexOptions.Singleline));
        Assert.Single(Regex.Matches(html, "data-testid=\"ann-came-later\" title=\"Known after the session\"|title=\"Known after the session\" data-testid=\"ann-came-later\""));
        // Accepted a moment ago: "sending", no figures yet, nothing to cancel.
        Assert.Contains(rows, r => Regex.IsMatch(r, @"Sending\s+–\s+–\s+–", RegexOptions.Singleline) && !r.Contains("Cancel", StringComparison.Ordinal));
        Assert.Single(Regex.Matches(html, "data-testid=\"ann-cancel\""));
        Assert.Single(Regex.Matches(html, "data-testid=\"ann-sending\""));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cancelled_row_keeps_when_it_was_scheduled_for_and_came_says_how_many_came_without_registering(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        await FollowersAsync(app, session.EventId, ("Ann Follower", "ann@example.com", true), ("Bo Follower", "bo@example.com", true), ("Cy Follower", "cy@example.com", true));
        var scheduledFor = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(9).AddMinutes(30), TimeSpan.Zero);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var announcements = scope.ServiceProvider.GetRequiredService<AnnouncementService>();
            var sent = await announcements.CreateAsync(session.EventId, new AnnouncementInput { SessionId = session.Id, Audience = "followers", Message = "Come along!" });
            Assert.True(sent.Succeeded, sent.Detail);
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<AnnouncementSender>().SendDueAsync());
            var scheduled = await announcements.CreateAsync(session.EventId, new AnnouncementInput { SessionId = session.Id, Audience = "regulars", SendAt = scheduledFor });
            Assert.True(scheduled.Succeeded, scheduled.Detail);
            Assert.True((await announcements.CancelAsync(scheduled.Value!.Id)).Succeeded);
        }
        // After the send: Ann registers and comes, Bo comes without registering (at the door), Cy does neither.
        (await RsvpAsync(app.Client(), session.Id, "Ann Follower", "ann@example.com")).EnsureSuccessStatusCode();
        string zone;
        await using (var db = app.Factory.CreateDbContext())
        {
            zone = await db.Events.Where(e => e.Id == session.EventId).Select(e => e.TimeZone).SingleAsync();
            foreach (var person in await db.Attendees.Where(a => a.Email == "ann@example.com" || a.Email == "bo@example.com").ToListAsync())
            {
                db.CheckIns.Add(new CheckIn { SessionId = session.Id, AttendeeId = person.Id, At = DateTime.UtcNow, Method = CheckInMethod.Manual });
            }
            await db.SaveChangesAsync();
        }
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce", cookies, "en");

        var rows = Rows(html);
        Assert.Equal(2, rows.Count);
        var local = TimeZoneInfo.ConvertTimeFromUtc(scheduledFor.UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(zone));
        var when = local.ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en"));
        Assert.Contains(rows, r => Regex.IsMatch(r, $@"Cancelled\s+was scheduled for {Regex.Escape(when)}"));
        // 3 recipients, 1 registered after it, 2 came — 1 of them without registering.
        Assert.Contains(rows, r => Regex.IsMatch(r, @"All followers.*\b3\s+1\s+2\s+1 without registering\b", RegexOptions.Singleline));
        Assert.Equal("1 without registering", Figure(html, "ann-came-unregistered"));

        var japanese = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce", cookies, "ja-JP,ja;q=0.9");
        Assert.Equal("うち参加登録なし 1人", Figure(japanese, "ann-came-unregistered"));
        Assert.Contains("に送信予定でした", Figure(japanese, "ann-was-scheduled"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_one_follower_the_counts_say_one_person_not_one_people()
    {
        await using var app = await StartAsync("Sqlite", settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        await FollowersAsync(app, session.EventId, ("Ann Follower", "ann@example.com", true));
        IReadOnlyDictionary<int, string> marks;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CreateAsync(session.EventId, new AnnouncementInput { SessionId = session.Id, Audience = "followers" });
            Assert.True(sent.Succeeded, sent.Detail);
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AnnouncementSender>().SendDueAsync());
            marks = await scope.ServiceProvider.GetRequiredService<Meetup.Web.Features.Retention.Dashboard.ISessionMarks>().ReadAsync(session.EventId);
        }
        var cookies = await BackOfficePage.SignInAsync(app);

        var again = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce", cookies, "en");
        var regulars = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce?audience=regulars", cookies, "en");

        Assert.Equal("Announced to All followers: 1 person", marks[session.Id]);
        var why = Figure(again, "audience-why"); // Ann already received it: nobody left
        Assert.Contains("1 follows the group", why, StringComparison.Ordinal);
        Assert.Contains("− 1 already received an announcement of this session", why, StringComparison.Ordinal);
        Assert.Contains("The one follower is not in this audience.", regulars, StringComparison.Ordinal);
        // And a count of 1 reads "1 person".
        await FollowersAsync(app, session.EventId, ("Bo Follower", "bo@example.com", true));
        var one = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce", cookies, "en");
        Assert.Equal("1", Figure(one, "recipient-count"));
        Assert.Equal("person, one email in their language", Figure(one, "recipient-unit"));
        Assert.DoesNotContain("None of the 1 followers", regulars, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_sessions_editor_and_the_event_page_link_to_the_announce_page()
    {
        await using var app = await StartAsync("Sqlite", settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        var draft = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(21), publish: false, eventId: session.EventId);
        var cookies = await BackOfficePage.SignInAsync(app);

        var editor = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}", cookies, "en");
        var draftEditor = await BackOfficePage.GetAsync(app, $"/admin/sessions/{draft.Id}", cookies, "en");
        var eventPage = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}", cookies, "en");

        Assert.Contains($"href=\"/admin/events/{session.EventId}/announce?session={session.Id}\"", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("/announce", draftEditor, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/events/{session.EventId}/announce\"", eventPage, StringComparison.Ordinal);
    }

    /// <summary>People who asked to follow the event; the confirmed ones active (as the emailed link would make them).</summary>
    internal static async Task FollowersAsync(TestApp app, int eventId, params (string Name, string Email, bool Confirmed)[] people)
    {
        var client = app.Client();
        foreach (var (name, email, _) in people)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync($"/api/events/{eventId}/subscriptions", new { email, name })).StatusCode);
        }
        await using var db = app.Factory.CreateDbContext();
        var confirmed = people.Where(p => p.Confirmed).Select(p => p.Email).ToList();
        foreach (var subscription in await db.Subscriptions.Where(s => s.EventId == eventId && confirmed.Contains(s.Attendee!.Email!)).ToListAsync())
        {
            subscription.Status = SubscriptionStatus.Active;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The session the form holds (the select shows its label).</summary>
    internal static int SelectedSession(string html)
    {
        var match = Regex.Match(html, "data-selected-session=\"(\\d+)\"");
        Assert.True(match.Success, "No data-selected-session.");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The announcement list's rows as text, tags stripped.</summary>
    private static List<string> Rows(string html)
    {
        var list = Regex.Match(html, "data-testid=\"announcements\".*?<tbody[^>]*>(.*?)</tbody>", RegexOptions.Singleline);
        Assert.True(list.Success, "No announcements table.");
        return [.. Regex.Matches(list.Groups[1].Value, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value))];
    }

    private static string CheckedAudience(string html)
    {
        var match = Regex.Match(html, "data-checked-audience=\"([a-z_]+)\"");
        Assert.True(match.Success, "No data-checked-audience.");
        return match.Groups[1].Value;
    }

    /// <summary>The text of the element with that data-testid, tags stripped.</summary>
    private static string Figure(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</(p|ul|div|td)>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element data-testid=\"{testId}\".");
        return Text(match.Groups[1].Value);
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")).Trim();
}
