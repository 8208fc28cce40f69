using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// One batch of the group commit (<see cref="RsvpBatchWriter"/>), driven directly so that everything
/// below is certainly written together: the same rules as RSVPs written one by one.
/// </summary>
public class RsvpBatchWriterTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_batch_mixing_new_returning_registered_and_twin_people_fills_the_last_seat_then_the_waitlist_and_emails_each_once(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 3, time.GetUtcNow().AddDays(10));
        var client = app.Client();
        await using (var db = app.Factory.CreateDbContext())
        {
            // Checked in once as a walk-in, by email only: no name yet.
            db.Attendees.Add(new Attendee { Email = "walkin@example.com", CreatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        await RsvpAsync(client, session.Id, "Old", "old@example.com");
        var back = await OutcomeAsync(await RsvpAsync(client, session.Id, "Back", "back@example.com"));
        (await client.PostAsync($"/api/rsvps/{back.ManageToken}/cancel", null)).EnsureSuccessStatusCode();
        time.Advance(TimeSpan.FromMinutes(11));
        await RsvpAsync(client, session.Id, "Recent", "recent@example.com");
        time.Advance(TimeSpan.FromMinutes(1));
        var batchTime = time.GetUtcNow().UtcDateTime;

        var (requests, results) = await WriteAsync(app, session.Id,
            ("New One", "new1@example.com"),
            ("Walk In", "walkin@example.com"),
            ("Old Again", "old@example.com"),
            ("Recent Again", "recent@example.com"),
            ("Back Again", "back@example.com"),
            ("Twin", " NEW1@Example.com"),
            ("New Two", "new2@example.com"),
            ("Broken", "not-an-email"));

        Assert.Equal(("confirmed", (int?)null, true), Created(results[0]));
        Assert.Equal(("waitlisted", (int?)1, true), Created(results[1]));
        Assert.Equal(("confirmed", (int?)null, false), Created(results[2]));
        Assert.Equal(("confirmed", (int?)null, false), Created(results[3]));
        Assert.Equal(("waitlisted", (int?)2, true), Created(results[4]));
        Assert.Equal(("confirmed", (int?)null, false), Created(results[5]));
        Assert.Equal(("waitlisted", (int?)3, true), Created(results[6]));
        Assert.Equal(OperationStatus.Invalid, results[7].Status);
        Assert.True(results[7].Errors.Has("email"));
        Assert.All(new[] { 2, 3, 5 }, i => Assert.Null(results[i].Value!.ManageToken));
        // Known people (the walk-in, the one back after a cancel): a new RSVP, but its link only in their email.
        Assert.All(new[] { 1, 4 }, i => Assert.Equal((null, null, null), (results[i].Value!.ManageToken, results[i].Value!.ManageUrl, results[i].Value!.CheckInCode)));
        Assert.All(new[] { 0, 6 }, i => Assert.Equal(requests[i].Token, results[i].Value!.ManageToken));
        await RsvpConcurrencyTests.AssertSeatsAsync(app, session.Id, confirmed: 3, waitlisted: 3);

        await using (var db = app.Factory.CreateDbContext())
        {
            var people = await db.Attendees.ToDictionaryAsync(a => a.Email!);
            Assert.Equal(["back@example.com", "new1@example.com", "new2@example.com", "old@example.com", "recent@example.com", "walkin@example.com"], people.Keys.Order());
            Assert.Equal("Walk In", people["walkin@example.com"].DisplayName);
            Assert.Equal("Back", people["back@example.com"].DisplayName); // never renamed
            Assert.Equal("New One", people["new1@example.com"].DisplayName);

            var rsvps = await db.Rsvps.Where(r => r.SessionId == session.Id).ToDictionaryAsync(r => r.AttendeeId);
            var outbox = app.Factory.Services.GetRequiredService<Outbox>();
            var mail = await db.OutboxMessages.Where(o => o.CreatedAt >= batchTime).ToListAsync();
            foreach (var (i, email) in new[] { (0, "new1@example.com"), (1, "walkin@example.com"), (4, "back@example.com"), (6, "new2@example.com") })
            {
                var person = people[email];
                var rsvp = rsvps[person.Id];
                Assert.Equal([ManageTokens.Hash(requests[i].Token)], await db.RsvpManageTokens.Where(t => t.RsvpId == rsvp.Id).Select(t => t.Hash).ToListAsync());
                Assert.Equal(i is 0 or 6 ? rsvp.CheckInCode : null, results[i].Value!.CheckInCode);
                var status = Assert.Single(mail, o => o.RsvpId == rsvp.Id && o.Kind != NotificationKind.Reminder);
                Assert.Equal(rsvp.Status == RsvpStatus.Confirmed ? NotificationKind.RsvpConfirmed : NotificationKind.RsvpWaitlisted, status.Kind);
                Assert.Equal((email, person.Id, (int?)session.Id), (status.Recipient, status.AttendeeId!.Value, status.SessionId));
                Assert.Equal(requests[i].Token, outbox.Unprotect(status.Secret));
                Assert.Contains($"\"waitlistPosition\":{(rsvp.WaitlistPosition is { } p ? p.ToString(CultureInfo.InvariantCulture) : "null")}", status.Payload, StringComparison.Ordinal);
            }
            var reminder = Assert.Single(mail, o => o.Kind == NotificationKind.Reminder);
            Assert.Equal((rsvps[people["new1@example.com"].Id].Id, "new1@example.com"), (reminder.RsvpId!.Value, reminder.Recipient));
            Assert.Equal(session.StartsAt.AddHours(-24), reminder.DueAt);
            // The link is sent again to whoever got it more than ten minutes ago, not to whoever just did.
            var link = Assert.Single(mail, o => o.Kind == NotificationKind.ManageLink);
            Assert.Equal(rsvps[people["old@example.com"].Id].Id, link.RsvpId);
            // Added to the link they hold, which keeps working.
            var oldLinks = await db.RsvpManageTokens.Where(t => t.RsvpId == link.RsvpId).OrderBy(t => t.Id).Select(t => t.Hash).ToListAsync();
            Assert.Equal(2, oldLinks.Count);
            Assert.Equal(oldLinks[^1], ManageTokens.Hash(outbox.Unprotect(link.Secret)!));
            Assert.Equal(6, mail.Count);
        }

        // The same batch once more: everyone is registered, nothing changes, nothing is emailed twice.
        time.Advance(TimeSpan.FromMinutes(1));
        var (_, again) = await WriteAsync(app, session.Id,
            ("New One", "new1@example.com"), ("Walk In", "walkin@example.com"), ("Old Again", "old@example.com"),
            ("Recent Again", "recent@example.com"), ("Back Again", "back@example.com"), ("New Two", "new2@example.com"));
        Assert.All(again, r => Assert.False(r.Value!.Created));
        Assert.Equal(["confirmed", "waitlisted", "confirmed", "confirmed", "waitlisted", "waitlisted"], again.Select(r => r.Value!.Status));
        await RsvpConcurrencyTests.AssertSeatsAsync(app, session.Id, confirmed: 3, waitlisted: 3);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(6, await db.OutboxMessages.CountAsync(o => o.CreatedAt >= batchTime));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Batches_for_two_sessions_with_the_same_new_people_at_once_make_one_person_each(string provider)
    {
        await using var app = await StartAsync(provider, settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var admin = await app.ApiClientAsync();
        var first = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(10));
        var second = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(10));
        var people = Enumerable.Range(0, 25).Select(i => ($"P{i}", $"p{i}@example.com")).ToArray();

        // On PostgreSQL the two run in parallel (different session rows): one loses the race on the
        // email index and is retried, reading the winner's people.
        var both = await Task.WhenAll(WriteAsync(app, first.Id, people), WriteAsync(app, second.Id, people));

        Assert.All(both.SelectMany(b => b.Results), r => Assert.True(r.Value!.Created));
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(25, await db.Attendees.CountAsync());
        Assert.Equal(50, await db.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.RsvpConfirmed || o.Kind == NotificationKind.RsvpWaitlisted));
        await RsvpConcurrencyTests.AssertSeatsAsync(app, first.Id, confirmed: 10, waitlisted: 15);
        await RsvpConcurrencyTests.AssertSeatsAsync(app, second.Id, confirmed: 10, waitlisted: 15);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_batch_for_a_missing_or_unpublished_session_writes_nothing_and_says_why(string provider)
    {
        await using var app = await StartAsync(provider, settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var draft = await PublishedSessionAsync(await app.ApiClientAsync(), 10, DateTimeOffset.UtcNow.AddDays(10), publish: false);

        var (_, missing) = await WriteAsync(app, draft.Id + 1000, ("A", "a@example.com"));
        var (_, notOpen) = await WriteAsync(app, draft.Id, ("A", "a@example.com"), ("Broken", "not-an-email"));

        Assert.Equal(OperationStatus.NotFound, Assert.Single(missing).Status);
        Assert.Equal(OperationStatus.Conflict, notOpen[0].Status);
        Assert.Equal("This session is not published yet.", notOpen[0].Detail);
        Assert.Equal(OperationStatus.Invalid, notOpen[1].Status); // bad input is reported first, as for one RSVP
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(0, await db.Attendees.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }

    private static async Task<(RsvpRequest[] Requests, OperationResult<RsvpOutcome>[] Results)> WriteAsync(
        TestApp app, int sessionId, params (string Name, string Email)[] people)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var requests = people.Select(p =>
        {
            var token = ManageTokens.New();
            return new RsvpRequest(sessionId, new RsvpInput { Name = p.Name, Email = p.Email }, token, outbox.Protect(token), "https://meetup.test",
                CultureInfo.InvariantCulture, CultureInfo.InvariantCulture);
        }).ToArray();
        var results = await scope.ServiceProvider.GetRequiredService<RsvpBatchWriter>().WriteAsync(sessionId, requests);
        return (requests, results);
    }

    private static (string Status, int? Position, bool Created) Created(OperationResult<RsvpOutcome> result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Fields) + result.Detail);
        var outcome = result.Value!;
        Assert.True(outcome.Created || outcome.ManageToken is null, "No link for an RSVP that was already there."); // which new ones carry it: the caller checks
        return (outcome.Status, outcome.WaitlistPosition, outcome.Created);
    }
}
