using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.EntityFrameworkCore;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// An organizer's edit or cancellation of a session and the emails it owes its attendees are one unit: when writing
/// the emails fails (here a database trigger refuses them, standing in for a crash), the session is not changed
/// either, and the organizer can simply try again.
/// </summary>
public class SessionChangeAtomicityTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Moving_a_session_is_saved_together_with_the_change_notices_or_not_at_all(string provider)
    {
        await using var app = await StartAsync(provider, settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(5));
        (await RsvpAsync(app.Client(), session.Id, "A", "a@example.com")).EnsureSuccessStatusCode();
        var moved = session.StartsAt.AddDays(2);

        await using (var db = app.Factory.CreateDbContext())
        {
            await RefuseOutboxRowsAsync(db, "session_changed");
        }
        var failed = await admin.PutAsJsonAsync($"/api/sessions/{session.Id}", RsvpApiTests.Edit(session, 5, moved));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        await using (var db = app.Factory.CreateDbContext())
        {
            var unchanged = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session.Id);
            Assert.Equal(session.StartsAt, unchanged.StartsAt);
            Assert.Equal(session.Sequence, unchanged.Sequence);
            Assert.Equal(session.StartsAt.AddHours(-24), (await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.Reminder)).DueAt);
            await AllowOutboxRowsAsync(db);
        }

        (await admin.PutAsJsonAsync($"/api/sessions/{session.Id}", RsvpApiTests.Edit(session, 5, moved))).EnsureSuccessStatusCode();
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(moved, (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session.Id)).StartsAt);
            Assert.Equal("a@example.com", (await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.SessionChanged)).Recipient);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cancelling_a_session_is_saved_together_with_the_cancellation_notices_or_not_at_all(string provider)
    {
        await using var app = await StartAsync(provider, settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(5));
        (await RsvpAsync(app.Client(), session.Id, "A", "a@example.com")).EnsureSuccessStatusCode();

        await using (var db = app.Factory.CreateDbContext())
        {
            await RefuseOutboxRowsAsync(db, "session_cancelled");
        }
        var failed = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/cancel", new { reason = "The room is closed." });
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(SessionStatus.Published, (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session.Id)).Status);
            Assert.True(await db.OutboxMessages.AnyAsync(o => o.Kind == NotificationKind.Reminder && o.SentAt == null));
            await AllowOutboxRowsAsync(db);
        }

        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/cancel", new { reason = "The room is closed." })).EnsureSuccessStatusCode();
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(SessionStatus.Cancelled, (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session.Id)).Status);
            Assert.Equal("a@example.com", (await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.SessionCancelled)).Recipient);
        }
    }

    /// <summary>A trigger that makes every insert of an outbox row of this kind fail, as a crash at that moment would.</summary>
    private static async Task RefuseOutboxRowsAsync(Meetup.Data.MeetupDb db, string kind)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_outbox BEFORE INSERT ON "OutboxMessages" WHEN NEW."Kind" = 'KIND'
                BEGIN SELECT RAISE(ABORT, 'outbox refused by the test'); END;
                """.Replace("KIND", kind, StringComparison.Ordinal));
            return;
        }
        await db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW."Kind" = 'KIND' THEN RAISE EXCEPTION 'outbox refused by the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_outbox BEFORE INSERT ON "OutboxMessages" FOR EACH ROW EXECUTE FUNCTION refuse_outbox();
            """.Replace("KIND", kind, StringComparison.Ordinal));
    }

    private static async Task AllowOutboxRowsAsync(Meetup.Data.MeetupDb db)
        => await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? "DROP TRIGGER refuse_outbox;"
            : "DROP TRIGGER refuse_outbox ON \"OutboxMessages\"; DROP FUNCTION refuse_outbox();");
}
