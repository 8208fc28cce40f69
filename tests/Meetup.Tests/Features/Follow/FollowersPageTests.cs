using System.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Follow;

/// <summary>The organizer's followers page: counts per status, the list newest first (searchable), and how many followed at each past session.</summary>
public class FollowersPageTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_followers_page_counts_each_status_lists_newest_first_and_shows_followers_at_each_past_session(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, time: new FakeTimeProvider(Now));
        using var admin = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(admin);
        int held;
        await using (var db = app.Factory.CreateDbContext())
        {
            var session = new Session { EventId = ev.Id, Title = "November talk", StartsAt = Now.AddDays(-10), EndsAt = Now.AddDays(-10).AddHours(2), Capacity = 10, Status = SessionStatus.Published, CreatedAt = Now.AddDays(-40) };
            db.Sessions.Add(session);
            Follower(db, ev.Id, "Ann Early", "ann@example.com", SubscriptionStatus.Active, Now.AddDays(-30));
            Follower(db, ev.Id, "Bo Later", "bo@example.com", SubscriptionStatus.Active, Now.AddDays(-5));
            Follower(db, ev.Id, "Cy Waiting", "cy@example.com", SubscriptionStatus.Pending, Now.AddDays(-1));
            Follower(db, ev.Id, "Di Gone", "di@example.com", SubscriptionStatus.Unsubscribed, Now.AddDays(-2));
            await db.SaveChangesAsync();
            held = session.Id;
        }
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"/admin/events/{ev.Id}/followers", cookies, "en"));

        Assert.Contains("data-count=\"active\">2<", html, StringComparison.Ordinal);
        Assert.Contains("data-count=\"pending\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-count=\"unsubscribed\">1<", html, StringComparison.Ordinal);
        var order = new[] { "cy@example.com", "di@example.com", "bo@example.com", "ann@example.com" }.Select(e => html.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("data-status=\"pending\"", html, StringComparison.Ordinal);
        Assert.Contains("Not confirmed yet", html, StringComparison.Ordinal);
        Assert.Contains($"data-session=\"{held}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-followers=\"1\">1<", html, StringComparison.Ordinal); // only Ann followed when it started

        var eventPage = await BackOfficePage.GetAsync(app, $"/admin/events/{ev.Id}", cookies, "en");
        Assert.Contains($"href=\"/admin/events/{ev.Id}/followers\"", eventPage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_row_says_what_its_date_is_and_the_status_filter_lists_only_that_status_with_the_counts(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, time: new FakeTimeProvider(Now));
        using var admin = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(admin); // Asia/Tokyo
        await using (var db = app.Factory.CreateDbContext())
        {
            Follower(db, ev.Id, "Ann Early", "ann@example.com", SubscriptionStatus.Active, new DateTime(2026, 10, 3, 1, 0, 0, DateTimeKind.Utc));
            Follower(db, ev.Id, "Cy Waiting", "cy@example.com", SubscriptionStatus.Pending, new DateTime(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc));
            Follower(db, ev.Id, "Di Gone", "di@example.com", SubscriptionStatus.Unsubscribed, new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        }
        var cookies = await BackOfficePage.SignInAsync(app);
        var page = $"/admin/events/{ev.Id}/followers";

        var all = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, page, cookies, "en"));
        Assert.Contains("Following since 3 Oct 2026", all, StringComparison.Ordinal);
        Assert.Contains("Asked on 20 Nov 2026", all, StringComparison.Ordinal);
        Assert.Contains("Unsubscribed on 25 Nov 2026", all, StringComparison.Ordinal);
        Assert.DoesNotContain(">Since<", all, StringComparison.Ordinal);
        Assert.Contains("All (3)", all, StringComparison.Ordinal);
        Assert.Contains("Active (1)", all, StringComparison.Ordinal);
        Assert.Contains("Not confirmed yet (1)", all, StringComparison.Ordinal);
        Assert.Contains("Unsubscribed (1)", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}?status=pending\"", all, StringComparison.Ordinal);

        var pending = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"{page}?status=pending", cookies, "en"));
        Assert.Contains("cy@example.com", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("di@example.com", pending, StringComparison.Ordinal);
        Assert.Contains("data-count=\"active\">1<", pending, StringComparison.Ordinal); // the counts stay whole
        Assert.Matches("aria-current=\"true\"[^>]*data-filter=\"pending\"|data-filter=\"pending\"[^>]*aria-current=\"true\"", pending);

        var japanese = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"{page}?status=unsubscribed", cookies, "ja"));
        Assert.Contains("di@example.com", japanese, StringComparison.Ordinal);
        Assert.DoesNotContain("cy@example.com", japanese, StringComparison.Ordinal);
        Assert.Contains("2026年11月25日に配信停止", japanese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_without_followers_says_how_to_get_some_in_the_organizers_language()
    {
        await using var app = await TestApp.StartAsync("Sqlite", time: new FakeTimeProvider(Now));
        using var admin = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(admin);
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = WebUtility.HtmlDecode(await BackOfficePage.GetAsync(app, $"/admin/events/{ev.Id}/followers", cookies, "ja"));

        Assert.Contains("data-testid=\"followers-empty\"", html, StringComparison.Ordinal);
        Assert.Contains("このグループにはまだフォロワーがいません。", html, StringComparison.Ordinal);
        Assert.Contains("data-count=\"active\">0<", html, StringComparison.Ordinal);
    }

    private static void Follower(Meetup.Data.MeetupDb db, int eventId, string name, string email, SubscriptionStatus status, DateTime since)
        => db.Subscriptions.Add(new Subscription
        {
            EventId = eventId,
            Attendee = new Attendee { Email = email, DisplayName = name, CreatedAt = since },
            Status = status,
            CreatedAt = since,
            Since = since,
        });
}
