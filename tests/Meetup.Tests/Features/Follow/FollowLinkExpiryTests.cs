using System.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Follow;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Follow;

/// <summary>A confirmation link works for <see cref="FollowService.ConfirmLinkLifetime"/>; after that its page says so and offers to ask again.</summary>
public class FollowLinkExpiryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_confirmation_link_older_than_its_lifetime_no_longer_confirms_and_its_page_offers_to_ask_again(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(provider, time: time);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var (fresh, stale) = (await PendingLinkAsync(app, ev.Id, "fresh@example.com", time), await PendingLinkAsync(app, ev.Id, "stale@example.com", time));
        time.Advance(FollowService.ConfirmLinkLifetime - TimeSpan.FromMinutes(1));
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{fresh}/confirm", null)).StatusCode);

        time.Advance(TimeSpan.FromMinutes(2));
        var late = await client.PostAsync($"/api/subscriptions/{stale}/confirm", null);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await (await client.GetAsync($"/follow/{stale}")).Content.ReadAsStringAsync());
        Assert.Contains("data-outcome=\"expired\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/events/{ev.Slug}#follow\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Yes, tell me about new sessions", page, StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext();
        var statuses = await db.Subscriptions.OrderBy(s => s.Attendee!.Email).Select(s => s.Status).ToListAsync();
        Assert.Equal([SubscriptionStatus.Active, SubscriptionStatus.Pending], statuses); // fresh@, stale@
    }

    private static async Task<string> PendingLinkAsync(TestApp app, int eventId, string email, TimeProvider time)
    {
        await using var db = app.Factory.CreateDbContext();
        var now = time.GetUtcNow().UtcDateTime;
        var subscription = new Subscription
        {
            EventId = eventId,
            Attendee = new Attendee { Email = email, DisplayName = email, CreatedAt = now },
            Status = SubscriptionStatus.Pending,
            CreatedAt = now,
            Since = now,
        };
        db.Subscriptions.Add(subscription);
        var token = SubscriptionLinks.Issue(db, subscription, SubscriptionLinkPurpose.Confirm, now);
        await db.SaveChangesAsync();
        return token;
    }
}
