using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Meetup.Tests.Data;

public class MigrationTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Each_provider_has_migrations_matching_the_model(string provider)
    {
        // Needs no server: compares the provider's migration snapshot with the current model.
        var options = new DbContextOptionsBuilder<MeetupDb>();
        options.UseMeetupDatabase(DatabaseProviderOptions.Parse(provider),
            provider == "Sqlite" ? "Data Source=unused.db" : "Host=localhost;Database=unused");
        using var db = new MeetupDb(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag behind the model: add a migration.");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrations_create_a_working_schema_on_a_fresh_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();

        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var ev = new Event { Name = "Study group", Slug = "study-group", DefaultLanguages = ["ja", "zh"] };
        var session = new Session
        {
            Event = ev,
            Title = "#1",
            StartsAt = new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc),
            Capacity = 10,
            Format = SessionFormat.Hybrid,
            Languages = ["zh"],
        };
        var person = new Attendee { Email = "a@example.com", DisplayName = "A" };
        db.AddRange(ev, session, person, new CheckIn { Session = session, Attendee = person, Method = CheckInMethod.WalkIn, At = session.StartsAt });
        await db.SaveChangesAsync();

        await using var read = database.CreateContext();
        var stored = await read.Sessions.AsNoTracking().Include(s => s.Event).SingleAsync();
        Assert.Equal(SessionFormat.Hybrid, stored.Format);
        Assert.Equal(DateTimeKind.Utc, stored.StartsAt.Kind);
        Assert.Equal(session.StartsAt, stored.StartsAt);
        Assert.Equal(["ja", "zh"], stored.Event!.DefaultLanguages);
        Assert.Equal(CheckInMethod.WalkIn, (await read.CheckIns.SingleAsync()).Method);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_second_check_in_for_the_same_person_and_session_is_refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var ev = new Event { Name = "E", Slug = "e" };
        var session = new Session { Event = ev, Title = "S", Capacity = 5 };
        var person = new Attendee { Email = "p@example.com" };
        db.AddRange(ev, session, person);
        db.CheckIns.Add(new CheckIn { Session = session, Attendee = person, Method = CheckInMethod.Qr });
        db.CheckIns.Add(new CheckIn { Session = session, Attendee = person, Method = CheckInMethod.Manual });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_attendees_cannot_share_a_normalized_email(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        db.Attendees.Add(new Attendee { Email = EmailAddress.Normalize(" Gao@Example.com ") });
        db.Attendees.Add(new Attendee { Email = EmailAddress.Normalize("ｇａｏ＠ｅｘａｍｐｌｅ．ｃｏｍ") });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Manage_links_held_before_links_got_their_own_table_keep_working(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var hash = new string('a', 64);
        int rsvpId;
        await using (var db = database.CreateContext())
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("DistinctPeople");
            var ev = new Event { Name = "Study group", Slug = "study-group" };
            var session = new Session
            {
                Event = ev,
                Title = "#1",
                StartsAt = new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc),
                EndsAt = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc),
                Capacity = 10,
            };
            db.AddRange(ev, session);
            await db.SaveChangesAsync();
            var attendeeId = await InsertPersonAsync(db, "a@example.com", null);
            // Raw SQL, as the table stood then: the Rsvp entity has gained columns since (CancelledAt).
            var created = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Rsvps\" (\"SessionId\", \"AttendeeId\", \"Status\", \"CreatedAt\", \"UpdatedAt\", \"ManageTokenHash\") VALUES ({session.Id}, {attendeeId}, 'confirmed', {created}, {created}, {hash})");
            rsvpId = await db.Database.SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM \"Rsvps\"").SingleAsync();
        }

        await database.MigrateAsync();

        await using var read = database.CreateContext();
        var link = await read.RsvpManageTokens.SingleAsync();
        Assert.Equal((rsvpId, hash), (link.RsvpId, link.Hash));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task People_stored_before_search_names_existed_get_theirs_from_the_migrator_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("RsvpManageTokens");
            await InsertPersonAsync(db, "taro@example.com", "Ｔａｒｏ Yamada");
            await InsertPersonAsync(db, "gaku@example.com", "ｶﾞｸ");
            await InsertPersonAsync(db, "nameless@example.com", null);
        }

        await using (var db = database.CreateContext())
        {
            await DatabaseMigrator.MigrateAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        }

        await using var read = database.CreateContext();
        Assert.Equal(
            [("gaku@example.com", "ガク"), ("nameless@example.com", null), ("taro@example.com", "taro yamada")],
            (await read.Attendees.OrderBy(a => a.Email).Select(a => new { a.Email, a.SearchName }).ToListAsync()).Select(a => (a.Email, a.SearchName)));
        Assert.Equal(0, await SearchNameFill.RunAsync(read)); // nothing left to fill
    }

    /// <summary>A person as a schema before <c>AttendeeSearchName</c> holds them (the model now has a column more).</summary>
    private static async Task<int> InsertPersonAsync(MeetupDb db, string email, string? name)
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"Attendees\" (\"Email\", \"DisplayName\", \"CreatedAt\") VALUES ({email}, {name}, {at})");
        return await db.Database.SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM \"Attendees\" WHERE \"Email\" = {email}").SingleAsync();
    }
}
