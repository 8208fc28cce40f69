using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using Microsoft.EntityFrameworkCore;
using static Meetup.Tests.Features.Follow.FollowApiTests;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Follow;

/// <summary>My data lists what a person follows; erasure (theirs or the organizer's) deletes it and stops its links.</summary>
public class FollowPrivacyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task My_data_lists_the_follows_and_erasure_deletes_them_with_their_links(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var client = app.Client();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7), eventId: ev.Id);
        var manageToken = (await JsonAsync(await RsvpAsync(client, session.Id, "Aiko", "aiko@example.com"))).GetProperty("manageToken").GetString()!;
        var (confirm, unsubscribe) = await FollowerAsync(app, client, ev.Id, "aiko@example.com");
        var (onlyFollows, _) = await FollowerAsync(app, client, ev.Id, "bo@example.com");

        var data = await JsonAsync(await client.GetAsync($"/api/rsvps/{manageToken}/my-data"));
        var follow = Assert.Single(data.GetProperty("subscriptions").EnumerateArray());
        Assert.Equal((ev.Id, ev.Name, "active"),
            (follow.GetProperty("eventId").GetInt32(), follow.GetProperty("event").GetString(), follow.GetProperty("status").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/rsvps/{manageToken}/erase", null)).StatusCode);
        var bo = Assert.Single(await SubscribersAsync(admin, ev.Id));
        Assert.Equal("bo@example.com", bo.Email);
        (await admin.PostAsync($"/api/attendees/{bo.AttendeeId}/erase", null)).EnsureSuccessStatusCode();

        Assert.Empty(await SubscribersAsync(admin, ev.Id));
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Empty(await db.Subscriptions.ToListAsync());
            Assert.Empty(await db.SubscriptionLinks.ToListAsync());
        }
        foreach (var token in new[] { confirm, unsubscribe, onlyFollows })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/subscriptions/{token}/confirm", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/follow/{token}")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_merge_moves_the_follows_and_never_undoes_an_unsubscribe(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var other = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var client = app.Client();
        await FollowerAsync(app, client, ev.Id, "kai@example.com");
        var (_, unsubscribe) = await FollowerAsync(app, client, ev.Id, "kai@work.example");
        await FollowerAsync(app, client, other.Id, "kai@work.example");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{unsubscribe}/unsubscribe", null)).StatusCode);
        var keep = Assert.Single(await SubscribersAsync(admin, ev.Id), s => s.Email == "kai@example.com").AttendeeId;
        var merge = Assert.Single(await SubscribersAsync(admin, other.Id)).AttendeeId;

        (await admin.PostAsJsonAsync($"/api/attendees/{merge}/merge", new { intoAttendeeId = keep })).EnsureSuccessStatusCode();

        var follow = Assert.Single(await SubscribersAsync(admin, ev.Id));
        Assert.Equal((keep, "unsubscribed"), (follow.AttendeeId, follow.Status));
        var moved = Assert.Single(await SubscribersAsync(admin, other.Id));
        Assert.Equal((keep, "active"), (moved.AttendeeId, moved.Status));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{unsubscribe}/unsubscribe", null)).StatusCode);
    }
}
