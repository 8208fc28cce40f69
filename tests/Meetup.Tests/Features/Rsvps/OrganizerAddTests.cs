using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Rsvps.Admin;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// An organizer adds someone by hand (the RSVP list's "Add"): the RSVP window does not apply, but a cancelled
/// session still refuses, seats and the waitlist work as for anyone, and someone already registered is a conflict
/// (nothing re-sent) rather than the public form's "you are already in".
/// </summary>
public class OrganizerAddTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_organizer_adds_someone_before_the_window_opens_after_it_closed_and_after_the_start(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        var admin = await app.ApiClientAsync();
        var start = time.GetUtcNow().AddDays(10);
        var notYet = await PublishedSessionAsync(admin, 5, start, opensAt: time.GetUtcNow().AddDays(2));
        var closed = await PublishedSessionAsync(admin, 5, start, closesAt: time.GetUtcNow().AddDays(1));
        var started = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddHours(1));
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        foreach (var id in new[] { notYet.Id, closed.Id, started.Id })
        {
            var email = $"gao{id}@example.com";
            var added = await AddAsync(app, id, "Gao Lin", email.ToUpperInvariant());
            Assert.True(added.Succeeded, added.Detail);
            Assert.Equal(("confirmed", true), (added.Value!.Status, added.Value.Created));
            Assert.Equal(added.Value.ManageToken, await EmailedTokenAsync(app, id, email));
        }
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(3, await db.Rsvps.CountAsync(r => r.Status == RsvpStatus.Confirmed));
        // The reminder (due a day before the start) only where that is still ahead.
        var reminders = await db.OutboxMessages.Where(o => o.Kind == NotificationKind.Reminder).Select(o => o.SessionId).ToListAsync();
        Assert.Equal(new int?[] { notYet.Id, closed.Id }, reminders.Order());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_organizer_add_to_a_full_session_joins_the_waitlist_and_a_free_seat_goes_to_those_waiting_first(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, DateTimeOffset.UtcNow.AddDays(21));
        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com");

        var waiting = await AddAsync(app, session.Id, "B", "b@example.com");
        Assert.Equal(("waitlisted", (int?)1), (waiting.Value!.Status, waiting.Value.WaitlistPosition));

        // Seats appear without the session editor's promotion (as when an earlier unit failed after saving them).
        await using (var db = app.Factory.CreateDbContext())
        {
            await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Capacity, 3));
        }
        var third = await AddAsync(app, session.Id, "C", "c@example.com");

        Assert.Equal(("confirmed", (int?)null), (third.Value!.Status, third.Value.WaitlistPosition));
        await using var check = app.Factory.CreateDbContext();
        var b = await check.Rsvps.SingleAsync(r => r.Attendee!.Email == "b@example.com");
        Assert.Equal((RsvpStatus.Confirmed, (int?)null), (b.Status, b.WaitlistPosition));
        Assert.Equal(1, await check.OutboxMessages.CountAsync(o => o.RsvpId == b.Id && o.Kind == NotificationKind.RsvpPromoted));
        Assert.Equal(3, await check.Rsvps.CountAsync(r => r.Status == RsvpStatus.Confirmed));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_organizer_adding_someone_already_registered_gets_409_and_nothing_is_sent_but_a_cancelled_rsvp_is_renewed(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, DateTimeOffset.UtcNow.AddDays(21));
        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com");
        await RsvpAsync(app.Client(), session.Id, "B", "b@example.com");
        var gone = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "C", "c@example.com"));
        (await app.Client().PostAsync($"/api/rsvps/{gone.ManageToken}/cancel", null)).EnsureSuccessStatusCode();
        int messages, links;
        await using (var db = app.Factory.CreateDbContext())
        {
            (messages, links) = (await db.OutboxMessages.CountAsync(), await db.RsvpManageTokens.CountAsync());
        }

        var confirmed = await AddAsync(app, session.Id, "Someone", " A@example.com ");
        var waitlisted = await AddAsync(app, session.Id, "Someone", "b@example.com");

        Assert.Equal((OperationStatus.Conflict, "a@example.com is already registered for this session."), (confirmed.Status, confirmed.Detail));
        Assert.Equal((OperationStatus.Conflict, "b@example.com is already registered for this session."), (waitlisted.Status, waitlisted.Detail));
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal((messages, links), (await db.OutboxMessages.CountAsync(), await db.RsvpManageTokens.CountAsync()));
        }

        var renewed = await AddAsync(app, session.Id, "C", "c@example.com");
        Assert.Equal(("waitlisted", (int?)2, true), (renewed.Value!.Status, renewed.Value.WaitlistPosition, renewed.Value.Created));
        Assert.Null(renewed.Value.ManageToken); // a known person's link goes to their inbox only
        await using var after = app.Factory.CreateDbContext();
        Assert.Equal(1, await after.Rsvps.CountAsync(r => r.Attendee!.Email == "c@example.com"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_organizer_cannot_add_to_a_cancelled_or_missing_session_and_bad_input_is_named_first(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(21));
        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/cancel", new { reason = "Room closed" })).EnsureSuccessStatusCode();

        var cancelled = await AddAsync(app, session.Id, "A", "a@example.com");
        var badInput = await AddAsync(app, session.Id, "A", "not-an-email");
        var missing = await AddAsync(app, 9999, "A", "a@example.com");

        Assert.Equal((OperationStatus.Conflict, "This session has been cancelled."), (cancelled.Status, cancelled.Detail));
        Assert.Equal(OperationStatus.Invalid, badInput.Status);
        Assert.Equal("email", Assert.Single(badInput.Errors.Fields));
        Assert.Equal(OperationStatus.NotFound, missing.Status);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Attendees);
        Assert.Empty(db.Rsvps);
    }

    private static async Task<OperationResult<RsvpOutcome>> AddAsync(TestApp app, int sessionId, string name, string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RsvpAdminService>().AddAsync(sessionId, new RsvpInput { Name = name, Email = email });
    }
}
