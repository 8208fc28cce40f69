using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Rsvps.Registering;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>Capacity is never exceeded and waitlist positions stay 1..k, whatever arrives at once.</summary>
public class RsvpConcurrencyTests
{
    private static readonly DateTimeOffset InThreeWeeks = DateTimeOffset.UtcNow.AddDays(21);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_hundred_simultaneous_rsvps_for_twenty_seats_confirm_exactly_twenty_and_queue_the_rest_without_gaps(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 20, InThreeWeeks);
        var client = app.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => RsvpAsync(client, session.Id, $"P{i}", $"p{i}@example.com")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var outcomes = await Task.WhenAll(responses.Select(OutcomeAsync));
        Assert.Equal(20, outcomes.Count(o => o.Status == "confirmed"));
        Assert.Equal(Enumerable.Range(1, 180), outcomes.Where(o => o.Status == "waitlisted").Select(o => o.WaitlistPosition!.Value).Order());
        await AssertSeatsAsync(app, session.Id, confirmed: 20, waitlisted: 180);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Simultaneous_cancellations_promote_the_waitlist_strictly_in_order(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 10, InThreeWeeks);
        var client = app.Client();
        var outcomes = new List<RsvpKit.Outcome>();
        for (var i = 0; i < 40; i++)
        {
            outcomes.Add(await OutcomeAsync(await RsvpAsync(client, session.Id, $"P{i}", $"p{i}@example.com")));
        }
        var seated = outcomes.Where(o => o.Status == "confirmed").ToList();
        var waiting = outcomes.Where(o => o.Status == "waitlisted").OrderBy(o => o.WaitlistPosition).ToList();

        // Every seat-holder cancels at once, and so do the waitlisted at positions 11..15.
        var leaving = seated.Concat(waiting.Skip(10).Take(5)).ToList();
        var cancels = await Task.WhenAll(leaving.Select(o => client.PostAsync($"/api/rsvps/{o.ManageToken}/cancel", null)));

        Assert.All(cancels, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var now = await Task.WhenAll(waiting.Select(o => client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{o.ManageToken}")));
        // The ten who waited longest have the seats, whatever the order the cancellations were processed in.
        Assert.All(now.Take(10), d => Assert.Equal("confirmed", d!.Status));
        var stillWaiting = now.Skip(10).Where(d => d!.Status == "waitlisted").ToList();
        Assert.Equal(15, stillWaiting.Count);
        Assert.Equal(Enumerable.Range(1, 15), stillWaiting.Select(d => d!.WaitlistPosition!.Value));
        await AssertSeatsAsync(app, session.Id, confirmed: 10, waitlisted: 15);
    }

    [Fact]
    public async Task Two_app_instances_on_one_postgresql_never_overbook()
    {
        if (TestDatabase.PostgresServer is null)
        {
            return; // needs PostgreSQL (test.sh always provides it)
        }
        await using var app = await StartAsync("Postgres");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 15, InThreeWeeks);
        await using var second = new MeetupAppFactory(app.Factory.Database, NoLimits);
        var clients = new[] { app.Client(), second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => RsvpAsync(clients[i % 2], session.Id, $"P{i}", $"p{i}@example.com")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await AssertSeatsAsync(app, session.Id, confirmed: 15, waitlisted: 135);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_email_sent_many_times_at_once_makes_one_rsvp(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        var client = app.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RsvpAsync(client, session.Id, "Twin", "twin@example.com")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(1, await db.Rsvps.CountAsync());
        Assert.Equal(1, await db.Attendees.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task New_people_rsvping_to_two_sessions_at_once_become_one_person_each(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var first = await PublishedSessionAsync(admin, 10, InThreeWeeks);
        var second = await PublishedSessionAsync(admin, 10, InThreeWeeks);
        var client = app.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            RsvpAsync(client, first.Id, $"P{i}", $"p{i}@example.com"),
            RsvpAsync(client, second.Id, $"P{i}", $"p{i}@example.com"),
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(20, await db.Attendees.CountAsync());
        await AssertSeatsAsync(app, first.Id, confirmed: 10, waitlisted: 10);
        await AssertSeatsAsync(app, second.Id, confirmed: 10, waitlisted: 10);
    }

    internal static async Task AssertSeatsAsync(TestApp app, int sessionId, int confirmed, int waitlisted)
    {
        await using var db = app.Factory.CreateDbContext();
        var rows = await db.Rsvps.Where(r => r.SessionId == sessionId).ToListAsync();
        Assert.Equal(confirmed, rows.Count(r => r.Status == RsvpStatus.Confirmed));
        Assert.All(rows.Where(r => r.Status != RsvpStatus.Waitlisted), r => Assert.Null(r.WaitlistPosition));
        Assert.Equal(Enumerable.Range(1, waitlisted), rows.Where(r => r.Status == RsvpStatus.Waitlisted).Select(r => r.WaitlistPosition!.Value).Order());
        var codes = rows.Select(r => r.CheckInCode).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
