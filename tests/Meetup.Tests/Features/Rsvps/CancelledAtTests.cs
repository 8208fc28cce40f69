using Meetup.Testing;
using Meetup.Web.Features.Rsvps.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// Rsvp.CancelledAt is when the person themselves cancelled (what "late cancellation" measures): set by their cancel,
/// cleared when they RSVP again, never set by an organizer's cancel or by erasure.
/// </summary>
public class CancelledAtTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_persons_cancel_sets_the_instant_and_a_new_rsvp_clears_it(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await StartAsync(provider, time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(3));
        var client = app.Client();
        var kenji = await OutcomeAsync(await RsvpAsync(client, session.Id, "Kenji", "kenji@example.com"));
        Assert.Null(await CancelledAtAsync(app, "kenji@example.com"));

        time.Advance(TimeSpan.FromHours(5));
        (await client.PostAsync($"/api/rsvps/{kenji.ManageToken}/cancel", null)).EnsureSuccessStatusCode();
        var cancelledAt = time.GetUtcNow().UtcDateTime;
        Assert.Equal(cancelledAt, await CancelledAtAsync(app, "kenji@example.com"));

        // A second cancel (a double click) keeps the first instant.
        time.Advance(TimeSpan.FromHours(1));
        (await client.PostAsync($"/api/rsvps/{kenji.ManageToken}/cancel", null)).EnsureSuccessStatusCode();
        Assert.Equal(cancelledAt, await CancelledAtAsync(app, "kenji@example.com"));

        (await RsvpAsync(client, session.Id, "Kenji", "kenji@example.com")).EnsureSuccessStatusCode();
        Assert.Equal("confirmed", await StatusAsync(app, "kenji@example.com"));
        Assert.Null(await CancelledAtAsync(app, "kenji@example.com"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_organizers_cancel_and_an_erasure_leave_it_empty(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await StartAsync(provider, time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(3));
        var client = app.Client();
        await RsvpAsync(client, session.Id, "Kenji", "kenji@example.com");
        var gao = await OutcomeAsync(await RsvpAsync(client, session.Id, "Gao Lin", "gao@example.com"));
        time.Advance(TimeSpan.FromHours(60));

        int kenjisRsvp;
        await using (var db = app.Factory.CreateDbContext())
        {
            kenjisRsvp = await db.Rsvps.Where(r => r.Attendee!.Email == "kenji@example.com").Select(r => r.Id).SingleAsync();
        }
        using (var scope = app.Factory.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<RsvpAdminService>().CancelAsync(session.Id, kenjisRsvp)).Succeeded);
        }
        (await client.PostAsync($"/api/rsvps/{gao.ManageToken}/erase", null)).EnsureSuccessStatusCode();

        await using (var db = app.Factory.CreateDbContext())
        {
            var rows = await db.Rsvps.Where(r => r.SessionId == session.Id).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.Equal(Meetup.Data.Entities.RsvpStatus.Cancelled, r.Status));
            Assert.All(rows, r => Assert.Null(r.CancelledAt));
        }
    }

    private static async Task<DateTime?> CancelledAtAsync(TestApp app, string email)
    {
        await using var db = app.Factory.CreateDbContext();
        return await db.Rsvps.Where(r => r.Attendee!.Email == email).Select(r => r.CancelledAt).SingleAsync();
    }

    private static async Task<string> StatusAsync(TestApp app, string email)
    {
        await using var db = app.Factory.CreateDbContext();
        return (await db.Rsvps.Where(r => r.Attendee!.Email == email).Select(r => r.Status).SingleAsync()).ToString().ToLowerInvariant();
    }
}
