using System.Net;
using System.Net.Http.Json;
using System.Text;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Hosting;

/// <summary>The named cases of "no input yields a 500" and "control characters": each answers 4xx and leaves nothing half-written.</summary>
public class SafeInputTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_rsvp_in_an_unknown_charset_gets_415(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, DateTimeOffset.UtcNow.AddDays(10));
        var content = new StringContent("""{"name":"A","email":"a@example.com"}""", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");

        var response = await app.Client().PostAsync($"/api/sessions/{session.Id}/rsvps", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Rsvps);
    }

    [Theory]
    [InlineData("startsAt", "9999-12-31T23:00Z")]
    [InlineData("startsAt", "1999-12-31T23:00Z")]
    [InlineData("startsAt", "0001-01-01T00:00+14:00")]
    [InlineData("endsAt", "9999-12-31T23:00")]
    [InlineData("rsvpOpensAt", "1970-01-01T00:00Z")]
    [InlineData("rsvpClosesAt", "9999-12-31T23:59-14:00")]
    public async Task Instants_outside_2000_to_ten_years_ahead_get_400_naming_the_field(string field, string value)
    {
        await using var app = await StartAsync("Sqlite");
        var admin = await app.ApiClientAsync();
        var ev = await Features.Sessions.SessionApiTests.CreateEventAsync(admin);
        var body = new Dictionary<string, object?>
        {
            ["title"] = "T",
            ["startsAt"] = "2030-01-10T19:00",
            ["format"] = "online",
            ["onlineUrl"] = "https://meet.example.com/x",
            ["capacity"] = 10,
            ["languages"] = new[] { "ja" },
            [field] = value,
        };

        var response = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/sessions", body);

        await Features.Events.EventApiTests.AssertFieldError(response, field);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Sessions);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_session_stored_at_year_9999_before_the_bounds_can_be_neither_scheduled_next_nor_repeated_and_takes_walk_ins(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(10));
        await using (var db = app.Factory.CreateDbContext())
        {
            // An old database: the API accepted this before instants were bounded.
            await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.StartsAt, new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc))
                .SetProperty(s => s.EndsAt, new DateTime(9999, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
        }

        var next = await admin.PostAsync($"/api/sessions/{session.Id}/schedule-next", null);
        var repeat = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/repeat", new { count = 3 });
        var walkIn = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "walkin@example.com", name = "Walk In" });

        await Features.Events.EventApiTests.AssertFieldError(next, "startsAt");
        await Features.Events.EventApiTests.AssertFieldError(repeat, "count");
        Assert.Equal(HttpStatusCode.Created, walkIn.StatusCode);
        await using var after = app.Factory.CreateDbContext();
        Assert.Single(after.Sessions);
        Assert.Single(after.CheckIns);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_walk_in_whose_thank_you_cannot_be_written_leaves_neither_person_nor_check_in(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(10));
        await using (var db = app.Factory.CreateDbContext())
        {
            await RefuseThankYouRowsAsync(db);
        }

        var walkIn = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "walkin@example.com", name = "Walk In" });

        Assert.Equal(HttpStatusCode.InternalServerError, walkIn.StatusCode); // the store failed: a server error, truly
        await using var after = app.Factory.CreateDbContext();
        Assert.Empty(after.CheckIns);
        Assert.False(await after.Attendees.AnyAsync(a => a.Email == "walkin@example.com"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Emails_with_control_characters_and_titles_with_line_breaks_get_400_naming_the_field(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(10));

        var nul = await RsvpAsync(app.Client(), session.Id, "A", "a\0b@example.com");
        var bel = await RsvpAsync(app.Client(), session.Id, "A", "a\u0007b@example.com");
        var named = await RsvpAsync(app.Client(), session.Id, "A", "evil<victim@example.com>");
        var walkIn = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "w\u0007@example.com" });
        var title = await admin.PutAsJsonAsync($"/api/sessions/{session.Id}/agenda", new[] { new { title = "Talk\r\nInjected", kind = "talk", durationMinutes = 30 } });
        var speaker = await admin.PostAsJsonAsync("/api/speakers", new { name = "Ada\0" });

        foreach (var response in new[] { nul, bel, named, walkIn })
        {
            await Features.Events.EventApiTests.AssertFieldError(response, "email");
        }
        await Features.Events.EventApiTests.AssertFieldError(title, "agenda[0].title");
        await Features.Events.EventApiTests.AssertFieldError(speaker, "name");
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Rsvps);
        Assert.Empty(db.CheckIns);
        Assert.Empty(db.Speakers);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_old_outbox_row_whose_address_cannot_be_parsed_fails_once_with_the_reason(string provider)
    {
        await using var app = await StartAsync(provider, settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        long id;
        await using (var db = app.Factory.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            var row = new OutboxMessage
            {
                Kind = NotificationKind.Reminder,
                DedupeKey = "old-unparseable",
                Recipient = "a\u0007b@example.com",
                CreatedAt = now,
                DueAt = now,
                NextAttemptAt = now,
            };
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }
        var sender = app.Factory.Services.GetRequiredService<OutboxSender>();

        await sender.RunOnceAsync();

        await using var after = app.Factory.CreateDbContext();
        var failed = await after.OutboxMessages.SingleAsync(o => o.Id == id);
        Assert.Null(failed.SentAt);
        Assert.Null(failed.NextAttemptAt); // never tried again
        Assert.NotNull(failed.FailedAt);
        Assert.Contains("cannot be parsed", failed.LastError, StringComparison.Ordinal);
    }

    /// <summary>A trigger that makes the thank-you insert fail, as a crash or a full disk would at that moment.</summary>
    private static async Task RefuseThankYouRowsAsync(Meetup.Data.MeetupDb db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_thanks BEFORE INSERT ON "OutboxMessages" WHEN NEW."Kind" = 'thank_you'
                BEGIN SELECT RAISE(ABORT, 'outbox refused by the test'); END;
                """);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION refuse_thanks() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW."Kind" = 'thank_you' THEN RAISE EXCEPTION 'outbox refused by the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_thanks BEFORE INSERT ON "OutboxMessages" FOR EACH ROW EXECUTE FUNCTION refuse_thanks();
            """);
    }
}
