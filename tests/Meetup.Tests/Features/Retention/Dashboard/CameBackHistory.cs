using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Retention.Dashboard;

/// <summary>
/// A hand-made history on a real database for the per-session lists and the person page:
/// five weekly sessions in 2018 and one in 2027 (upcoming on 2026-11-26).
/// <code>
///   #1 Ann Ben Cy         counted 1
///   #2 Ann Cy Dee         counted 2 (Dee's first); Ann and Dee answered the survey
///   #3 Ben                cancelled: not counted, so #2's next is #4
///   #4 Ann Ben Eve        counted 3 (Eve's first)
///   #5 Ann Dee            counted 4, the last: nobody's "next" is known
///   #6 —                  upcoming
/// </code>
/// </summary>
internal sealed class CameBackHistory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public required int EventId { get; init; }
    public required IReadOnlyList<int> SessionIds { get; init; }
    public required IReadOnlyDictionary<string, int> People { get; init; }

    public static async Task<CameBackHistory> SeedAsync(TestDatabase database)
    {
        string[][] came = [["Ann", "Ben", "Cy"], ["Ann", "Cy", "Dee"], ["Ben"], ["Ann", "Ben", "Eve"], ["Ann", "Dee"], []];
        await using var db = database.CreateContext();
        var created = Now.UtcDateTime;
        var e = new Event { Name = "Came back", Slug = "came-back", CreatedAt = created, UpdatedAt = created };
        var people = new[] { "Ann", "Ben", "Cy", "Dee", "Eve" }
            .ToDictionary(n => n, n => new Attendee { Email = $"{n.ToLowerInvariant()}@example.com", DisplayName = n, CreatedAt = created });
        var sessions = new List<Session>();
        for (var s = 0; s < came.Length; s++)
        {
            var start = s == 5 ? new DateTime(2027, 1, 6, 10, 0, 0, DateTimeKind.Utc) : new DateTime(2018, 9, 5, 10, 30, 0, DateTimeKind.Utc).AddDays(7 * s);
            var session = new Session
            {
                Title = $"#{s + 1}",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                CreatedAt = created,
                UpdatedAt = created,
                Status = s == 2 ? SessionStatus.Cancelled : SessionStatus.Published,
            };
            foreach (var name in came[s])
            {
                session.CheckIns.Add(new CheckIn { Attendee = people[name], At = start, Method = CheckInMethod.Manual });
            }
            sessions.Add(session);
            e.Sessions.Add(session);
        }
        db.Events.Add(e);
        await db.SaveChangesAsync();

        db.Feedback.AddRange(
            Answer(sessions[1], people["Ann"], 5, 4, FeedbackComeNext.Yes, "Loved the live demo"),
            Answer(sessions[1], people["Dee"], 2, 1, FeedbackComeNext.No, null));
        await db.SaveChangesAsync();
        return new CameBackHistory
        {
            EventId = e.Id,
            SessionIds = [.. sessions.Select(s => s.Id)],
            People = people.ToDictionary(p => p.Key, p => p.Value.Id),
        };
    }

    private static Meetup.Data.Entities.Feedback Answer(Session session, Attendee person, int overall, int understanding, FeedbackComeNext comeNext, string? comment)
        => new()
        {
            SessionId = session.Id,
            AttendeeId = person.Id,
            Overall = overall,
            Understanding = understanding,
            Pace = FeedbackPace.JustRight,
            Length = FeedbackLength.JustRight,
            ComeNext = comeNext,
            Comment = comment,
            Language = "en",
            CreatedAt = session.EndsAt,
            UpdatedAt = session.EndsAt,
        };

    public static RetentionService Retention(TestDatabase database) => new(Factory(database), new FakeTimeProvider(Now));

    public static SessionAttendanceService Attendance(TestDatabase database)
        => new(Factory(database), Retention(database), new FakeTimeProvider(Now));

    public static PersonRetentionService Person(TestDatabase database)
        => new(Retention(database), new FakeTimeProvider(Now));

    public static async Task<TestDatabase> MigratedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        return database;
    }

    private static IDbContextFactory<MeetupDb> Factory(TestDatabase database) => new OptionsFactory(database.Options());

    private sealed class OptionsFactory(DbContextOptions<MeetupDb> options) : IDbContextFactory<MeetupDb>
    {
        public MeetupDb CreateDbContext() => new(options);
    }
}
