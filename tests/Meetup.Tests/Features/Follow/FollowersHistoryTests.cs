using System.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Sessions;
using Meetup.Web.Features.Follow;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Follow.FollowApiTests;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Follow;

/// <summary>
/// "Followers at each past session's start" counts exactly: on a generated history of requests, confirmations and
/// unsubscribes (through the real endpoints, on the clock), against a naive replay of that history.
/// </summary>
public class FollowersHistoryTests
{
    private enum Step { Request, Confirm, Unsubscribe }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Followers_at_each_session_start_match_a_replay_of_the_history_including_people_who_left_later(string provider)
    {
        var start = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(admin);
        var client = app.Client();

        var random = new Random(13);
        var steps = new List<(DateTimeOffset At, string Email, Step Step)>();
        for (var i = 0; i < 14; i++)
        {
            var email = $"p{i}@example.com";
            var at = start.AddHours(1 + random.Next(24 * 50));
            steps.Add((at, email, Step.Request));
            if (random.Next(4) == 0)
            {
                continue; // never confirms
            }
            at = at.AddHours(1 + random.Next(24 * 5));
            steps.Add((at, email, Step.Confirm));
            if (random.Next(2) == 0)
            {
                steps.Add((at.AddHours(1 + random.Next(24 * 30)), email, Step.Unsubscribe));
            }
        }
        var starts = Enumerable.Range(0, 8).Select(k => start.AddDays(5 + (k * 8)).AddHours(10)).ToList();
        await using (var db = app.Factory.CreateDbContext())
        {
            foreach (var (at, k) in starts.Select((at, k) => (at, k)))
            {
                db.Sessions.Add(new Session
                {
                    EventId = ev.Id,
                    Title = $"Session {k}",
                    StartsAt = at.UtcDateTime,
                    EndsAt = at.UtcDateTime.AddHours(2),
                    Capacity = 10,
                    Status = SessionStatus.Published,
                    CreatedAt = start.UtcDateTime,
                });
            }
            await db.SaveChangesAsync();
        }

        foreach (var (at, email, step) in steps.OrderBy(s => s.At))
        {
            time.SetUtcNow(at);
            if (step == Step.Request)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await FollowAsync(client, ev.Id, new { email })).StatusCode);
                continue;
            }
            string token;
            await using (var db = app.Factory.CreateDbContext())
            {
                var subscription = await db.Subscriptions.SingleAsync(s => s.EventId == ev.Id && s.Attendee!.Email == email);
                token = SubscriptionLinks.Issue(db, subscription, step == Step.Confirm ? SubscriptionLinkPurpose.Confirm : SubscriptionLinkPurpose.Unsubscribe, at.UtcDateTime);
                await db.SaveChangesAsync();
            }
            var verb = step == Step.Confirm ? "confirm" : "unsubscribe";
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{token}/{verb}", null)).StatusCode);
        }
        time.SetUtcNow(start.AddDays(120));

        FollowersView view;
        using (var scope = app.Factory.Services.CreateScope())
        {
            view = (await scope.ServiceProvider.GetRequiredService<FollowersQueries>().GetAsync(ev.Id, null))!;
        }

        // The naive reference: replay each person's steps up to the session's start; the list starts at the first
        // session anyone followed.
        var replay = starts.Select(s => steps.GroupBy(x => x.Email).Count(person =>
        {
            var state = Step.Request;
            foreach (var x in person.Where(x => x.At <= s).OrderBy(x => x.At))
            {
                state = x.Step;
            }
            return state == Step.Confirm;
        })).ToList();
        var before = replay.TakeWhile(n => n == 0).Count();
        var expected = replay.Skip(before).ToList();
        Assert.Equal(expected, view.History.OrderBy(h => h.StartsAt).Select(h => h.Active).ToList());
        // Not trivial: at some session someone counted who has unsubscribed since.
        var stillFollowing = starts.Select(s => steps.Where(x => x.Step == Step.Confirm && x.At <= s)
            .Count(c => !steps.Any(u => u.Email == c.Email && u.Step == Step.Unsubscribe))).Skip(before).ToList();
        Assert.NotEqual(stillFollowing, expected);
        Assert.Equal(steps.Count(s => s.Step == Step.Unsubscribe), view.Unsubscribed);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_history_starts_at_the_first_session_anyone_followed_and_keeps_later_zeros(string provider)
    {
        var start = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var ev = await SessionApiTests.CreateEventAsync(admin);
        var client = app.Client();
        // Sessions on days 1 and 2 (nobody follows yet), 4 (one follower) and 6 (they left on day 5).
        await using (var db = app.Factory.CreateDbContext())
        {
            foreach (var day in new[] { 1, 2, 4, 6 })
            {
                db.Sessions.Add(new Session
                {
                    EventId = ev.Id,
                    Title = $"Day {day}",
                    StartsAt = start.AddDays(day).UtcDateTime,
                    EndsAt = start.AddDays(day).AddHours(2).UtcDateTime,
                    Capacity = 10,
                    Status = SessionStatus.Published,
                    CreatedAt = start.UtcDateTime,
                });
            }
            await db.SaveChangesAsync();
        }
        time.SetUtcNow(start.AddDays(3));
        Assert.Equal(HttpStatusCode.Accepted, (await FollowAsync(client, ev.Id, new { email = "aiko@example.com" })).StatusCode);
        foreach (var (day, purpose, verb) in new[] { (3, SubscriptionLinkPurpose.Confirm, "confirm"), (5, SubscriptionLinkPurpose.Unsubscribe, "unsubscribe") })
        {
            time.SetUtcNow(start.AddDays(day).AddHours(1));
            string token;
            await using (var db = app.Factory.CreateDbContext())
            {
                token = SubscriptionLinks.Issue(db, await db.Subscriptions.SingleAsync(), purpose, time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync();
            }
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{token}/{verb}", null)).StatusCode);
        }
        time.SetUtcNow(start.AddDays(10));

        using var scope = app.Factory.Services.CreateScope();
        var view = (await scope.ServiceProvider.GetRequiredService<FollowersQueries>().GetAsync(ev.Id, null))!;

        Assert.Equal(["Day 4:1", "Day 6:0"], view.History.OrderBy(h => h.StartsAt).Select(h => $"{h.Title}:{h.Active}"));
    }
}
