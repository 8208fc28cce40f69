using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Sessions;
using Meetup.Web.Features.Announcements;
using Meetup.Web.Features.Retention.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Announcements;

/// <summary>
/// The dashboard's at-risk card asks whom an invitation to the next session can still reach: the followers among the
/// people asked about, minus who already received an announcement of that session or registered for it — the same
/// people the announce page would count, so its button never leads to an audience of 0.
/// </summary>
public class InvitationReachTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_next_session_s_invitation_reaches_followers_not_yet_invited_nor_registered(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var next = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        var later = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(14), eventId: next.EventId);
        (await RsvpAsync(app.Client(), next.Id, "Reg", "reg@example.com")).EnsureSuccessStatusCode();
        await AnnouncementApiTests.FollowersAsync(app, next.EventId,
            ("Ann", "ann@example.com", null, SubscriptionStatus.Active, false),
            ("Reg", "reg@example.com", null, SubscriptionStatus.Active, false),
            ("Ben", "ben@example.com", null, SubscriptionStatus.Active, false),
            ("Lat", "lat@example.com", null, SubscriptionStatus.Active, false),
            ("Quit", "quit@example.com", null, SubscriptionStatus.Unsubscribed, false));
        await using (var db = app.Factory.CreateDbContext())
        {
            db.Attendees.Add(new Attendee { Email = "nofollow@example.com", DisplayName = "No", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var ids = await IdsAsync(app);
        // Ann got an announcement of the next session; Lat only of the later one (which does not count here).
        await AnnounceToAsync(app, next.EventId, next.Id, ids["ann@example.com"]);
        await AnnounceToAsync(app, next.EventId, later.Id, ids["lat@example.com"]);
        int[] asked = [.. ids.Values];

        InvitationReach? reach;
        using (var scope = app.Factory.Services.CreateScope())
        {
            reach = await scope.ServiceProvider.GetRequiredService<IInvitationReach>().ReadAsync(next.EventId, asked);
        }

        Assert.NotNull(reach);
        Assert.Equal(next.Id, reach.SessionId);
        Assert.Equal("invited", reach.Of(ids["ann@example.com"]));
        Assert.Equal("registered", reach.Of(ids["reg@example.com"]));
        Assert.Equal("follows", reach.Of(ids["ben@example.com"]));
        Assert.Equal("follows", reach.Of(ids["lat@example.com"]));
        Assert.Equal("not_following", reach.Of(ids["quit@example.com"]));
        Assert.Equal("not_following", reach.Of(ids["nofollow@example.com"]));
        Assert.Equal(new[] { ids["ben@example.com"], ids["lat@example.com"] }.Order(), reach.Reachable.Order());

        // The announce page's at-risk count for the same people is what is reachable: asking only about those two.
        using (var scope = app.Factory.Services.CreateScope())
        {
            var selector = scope.ServiceProvider.GetRequiredService<AudienceSelector>();
            var followers = await selector.FollowersAsync(next.EventId, next.Id);
            Assert.Equal(reach.Reachable.Order(), AudienceSelector.Narrow(followers, asked.ToHashSet()).Recipients.Select(r => r.AttendeeId).Order());
        }

        // Once Ben and Lat are invited too, nobody is left.
        await AnnounceToAsync(app, next.EventId, next.Id, ids["ben@example.com"], ids["lat@example.com"]);
        using (var scope = app.Factory.Services.CreateScope())
        {
            reach = await scope.ServiceProvider.GetRequiredService<IInvitationReach>().ReadAsync(next.EventId, asked);
        }
        Assert.Empty(reach!.Reachable);
        Assert.Equal(3, reach.Invited.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_reach_and_the_announce_page_pick_the_same_next_session_not_a_draft_nor_one_under_way_the_first_of_a_tie(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var tie = DateTimeOffset.UtcNow.AddDays(5);
        var first = await PublishedSessionAsync(admin, 10, tie);
        var second = await PublishedSessionAsync(admin, 10, tie, eventId: first.EventId);
        await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(1), publish: false, eventId: first.EventId); // a draft sooner
        var underWay = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(2), eventId: first.EventId);
        await using (var db = app.Factory.CreateDbContext())
        {
            var started = await db.Sessions.SingleAsync(s => s.Id == underWay.Id);
            started.StartsAt = DateTime.UtcNow.AddMinutes(-10); // began ten minutes ago, ends later
            await db.SaveChangesAsync();
        }
        await AnnouncementApiTests.FollowersAsync(app, first.EventId, ("Ann", "ann@example.com", null, SubscriptionStatus.Active, false));
        var cookies = await BackOfficePage.SignInAsync(app);

        InvitationReach? reach;
        using (var scope = app.Factory.Services.CreateScope())
        {
            reach = await scope.ServiceProvider.GetRequiredService<IInvitationReach>().ReadAsync(first.EventId, [.. (await IdsAsync(app)).Values]);
        }
        var page = await BackOfficePage.GetAsync(app, $"/admin/events/{first.EventId}/announce", cookies, "en");

        Assert.True(first.Id < second.Id);
        Assert.Equal(first.Id, reach?.SessionId);
        Assert.Equal(first.Id, AnnouncePageTests.SelectedSession(page));
    }

    [Fact]
    public async Task Without_a_published_session_ahead_there_is_nothing_to_invite_to()
    {
        await using var app = await StartAsync("Sqlite", settings: SenderOff);
        using var admin = await app.ApiClientAsync();
        var draft = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7), publish: false);
        await AnnouncementApiTests.FollowersAsync(app, draft.EventId, ("Ann", "ann@example.com", null, SubscriptionStatus.Active, false));
        var ids = await IdsAsync(app);

        using var scope = app.Factory.Services.CreateScope();
        var reach = await scope.ServiceProvider.GetRequiredService<IInvitationReach>().ReadAsync(draft.EventId, [.. ids.Values]);

        Assert.Null(reach);
    }

    private static async Task<Dictionary<string, int>> IdsAsync(TestApp app)
    {
        await using var db = app.Factory.CreateDbContext();
        return await db.Attendees.Where(a => a.Email != null).ToDictionaryAsync(a => a.Email!, a => a.Id);
    }

    /// <summary>A sent announcement of the session that reached these people.</summary>
    private static async Task AnnounceToAsync(TestApp app, int eventId, int sessionId, params int[] people)
    {
        await using var db = app.Factory.CreateDbContext();
        var now = DateTime.UtcNow;
        db.Announcements.Add(new Announcement
        {
            EventId = eventId,
            SessionId = sessionId,
            Audience = AnnouncementAudience.AtRisk,
            CreatedAt = now,
            SendAt = now,
            SentAt = now,
            CompletedAt = now,
            Recipients = [.. people.Select(id => new AnnouncementRecipient { AttendeeId = id })],
        });
        await db.SaveChangesAsync();
    }
}
