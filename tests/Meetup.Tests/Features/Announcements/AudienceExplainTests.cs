using System.Net;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Sessions;
using Meetup.Web.Features.Announcements;
using Meetup.Web.Features.Announcements.Organizer;
using Meetup.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Announcements;

/// <summary>
/// One announcement email per person per session, whichever audience: a second announcement of the same session
/// leaves out who got the first; the dry run says how the followers come down to its number (in the audience, then
/// registered, already announced to, undeliverable); "Send later" starts at a time that can be sent.
/// </summary>
public class AudienceExplainTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_second_announcement_of_a_session_leaves_out_who_got_the_first_and_the_preview_says_why_by_reason(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        var other = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(14), eventId: session.EventId);
        (await RsvpAsync(app.Client(), session.Id, "Reg", "reg@example.com")).EnsureSuccessStatusCode();
        await AnnouncementApiTests.FollowersAsync(app, session.EventId,
            ("Ann", "ann@example.com", null, SubscriptionStatus.Active, false),
            ("Ben", "ben@example.com", null, SubscriptionStatus.Active, false),
            ("Reg", "reg@example.com", null, SubscriptionStatus.Active, false),
            ("Account", "acct@connpass.invalid", null, SubscriptionStatus.Active, false),
            ("Quit", "quit@example.com", null, SubscriptionStatus.Unsubscribed, false));
        var first = await AnnounceAsync(app, session.EventId, session.Id);
        Assert.Equal(["ann@example.com", "ben@example.com"], await RecipientsAsync(app, first));

        await AnnouncementApiTests.FollowersAsync(app, session.EventId, ("Cy", "cy@example.com", null, SubscriptionStatus.Active, false));
        AudiencePreview preview;
        AudiencePreview otherSession;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AnnouncementService>();
            preview = (await service.PreviewAsync(session.EventId, session.Id, AnnouncementAudience.Followers)).Value!;
            otherSession = (await service.PreviewAsync(session.EventId, other.Id, AnnouncementAudience.Followers)).Value!;
        }

        Assert.Equal((1, 5, 5, 1, 2, 1), (preview.Count, preview.Followers, preview.InAudience, preview.Registered, preview.Announced, preview.Undeliverable));
        Assert.Equal("cy@example.com", Assert.Single(preview.Sample).Email);
        Assert.Equal((4, 0, 0), (otherSession.Count, otherSession.Announced, otherSession.Registered)); // another session: the first announcement does not count
        var second = await AnnounceAsync(app, session.EventId, session.Id);
        Assert.Equal(["cy@example.com"], await RecipientsAsync(app, second));
    }

    [Fact]
    public async Task The_page_counts_the_followers_down_to_the_recipients_and_cannot_send_to_nobody()
    {
        await using var app = await StartAsync("Sqlite", settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        (await RsvpAsync(app.Client(), session.Id, "Reg", "reg@example.com")).EnsureSuccessStatusCode();
        await AnnouncementApiTests.FollowersAsync(app, session.EventId,
            ("Ann", "ann@example.com", null, SubscriptionStatus.Active, false),
            ("Reg", "reg@example.com", null, SubscriptionStatus.Active, false));
        var cookies = await BackOfficePage.SignInAsync(app);

        var some = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce", cookies, "en");
        await AnnounceAsync(app, session.EventId, session.Id);
        var none = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce", cookies, "en");
        var atRisk = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce?audience=at_risk", cookies, "ja-JP,ja;q=0.9");

        Assert.Equal("2 follow the group − 1 already registered for this session", Text(some, "audience-why"));
        Assert.DoesNotContain(" disabled", Tag(some, "send"), StringComparison.Ordinal);
        Assert.Equal("0", Text(none, "recipient-count"));
        Assert.Equal("Everyone in this audience is left out:", Text(none, "nobody"));
        Assert.Equal("2 follow the group − 1 already registered for this session − 1 already received an announcement of this session", Text(none, "audience-why"));
        Assert.Contains(" disabled", Tag(none, "send"), StringComparison.Ordinal);
        Assert.Contains("離脱しそうな常連はだれもこのグループをフォローしていません。", atRisk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_at_risk_invitation_to_a_session_still_ahead_says_the_result_comes_after_it_not_zero_percent()
    {
        await using var app = await StartAsync("Sqlite", settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        await AnnouncementApiTests.FollowersAsync(app, session.EventId, ("Ann", "ann@example.com", null, SubscriptionStatus.Active, false));
        await using (var db = app.Factory.CreateDbContext())
        {
            var ann = await db.Attendees.SingleAsync(a => a.Email == "ann@example.com");
            var sent = DateTime.UtcNow.AddHours(-1);
            db.Announcements.Add(new Announcement
            {
                EventId = session.EventId,
                SessionId = session.Id,
                Audience = AnnouncementAudience.AtRisk,
                CreatedAt = sent,
                SendAt = sent,
                SentAt = sent,
                CompletedAt = sent,
                Recipients = [new AnnouncementRecipient { AttendeeId = ann.Id }],
            });
            await db.SaveChangesAsync();
        }
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/events/{session.EventId}/announce", cookies, "en");

        var row = Regex.Match(html, "data-testid=\"win-back-\\d+\"[^>]*>(.*?)</li>", RegexOptions.Singleline);
        Assert.True(row.Success, "No win-back row.");
        Assert.Contains("Sent to 1: we will know after the session", row.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("came", row.Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_later_starts_when_rsvp_opens_else_tomorrow_at_noon_else_before_the_session()
    {
        var now = new DateTime(2026, 12, 7, 21, 44, 0, DateTimeKind.Utc); // 06:44 on the 8th in Tokyo
        SessionResource Session(DateTime startsAt, DateTime? opens = null) => new()
        {
            Id = 1,
            EventId = 1,
            Title = "t",
            Description = "",
            Status = "published",
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(2),
            TimeZone = "Asia/Tokyo",
            Format = "in_person",
            Capacity = 10,
            Languages = ["en"],
            RsvpOpensAt = opens,
            Sequence = 0,
            ConfirmedCount = 0,
            WaitlistCount = 0,
            PublicUrl = "",
            CalendarUrl = "",
        };

        var opens = now.AddDays(3);
        Assert.Equal(opens, AnnounceForm.DefaultSendAt(now, Session(now.AddDays(10), opens), "Asia/Tokyo"));
        // Tomorrow in Tokyo is the 9th: noon there is 03:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 9, 3, 0, 0, DateTimeKind.Utc), AnnounceForm.DefaultSendAt(now, Session(now.AddDays(10), now.AddMinutes(-5)), "Asia/Tokyo"));
        Assert.Equal(new DateTime(2026, 12, 7, 22, 0, 0, DateTimeKind.Utc), AnnounceForm.DefaultSendAt(now, Session(now.AddHours(5)), "Asia/Tokyo"));
        Assert.Equal(now.AddMinutes(10), AnnounceForm.DefaultSendAt(now, Session(now.AddMinutes(15)), "Asia/Tokyo"));
    }

    /// <summary>An announcement to all followers, sent (whether the request or the sender writes it).</summary>
    private static async Task<int> AnnounceAsync(TestApp app, int eventId, int sessionId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AnnouncementService>()
            .CreateAsync(eventId, new AnnouncementInput { SessionId = sessionId, Audience = "followers" });
        Assert.True(created.Succeeded, created.Detail);
        await scope.ServiceProvider.GetRequiredService<AnnouncementSender>().SendDueAsync();
        return created.Value!.Id;
    }

    private static async Task<List<string>> RecipientsAsync(TestApp app, int announcementId)
    {
        await using var db = app.Factory.CreateDbContext();
        return [.. (await db.AnnouncementRecipients.Where(r => r.AnnouncementId == announcementId).Select(r => r.Attendee!.Email!).ToListAsync()).Order(StringComparer.Ordinal)];
    }

    /// <summary>The text of the element with that data-testid, tags stripped and spaces collapsed.</summary>
    private static string Text(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</(p|ul|div)>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element data-testid=\"{testId}\".");
        return Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", " ")), "\\s+", " ").Trim();
    }

    /// <summary>The opening tag of the element with that data-testid.</summary>
    private static string Tag(string html, string testId)
    {
        var match = Regex.Match(html, $"<[a-z]+[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>");
        Assert.True(match.Success, $"No element data-testid=\"{testId}\".");
        return match.Value;
    }
}
