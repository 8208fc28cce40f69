using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using FeedbackRow = Meetup.Data.Entities.Feedback;

namespace Meetup.Tests.Features.Retention;

/// <summary>The feedback-effect service on real databases: how often it asks, whatever the size of the history.</summary>
public class FeedbackEffectServiceTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_feedback_effect_takes_six_queries_however_many_sessions_and_answers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var eventId = await SeedAsync(database, sessions: 25, people: 30);
        var commands = new CommandLog();
        var options = new DbContextOptionsBuilder<MeetupDb>(database.Options()).AddInterceptors(commands).Options;
        var time = new FakeTimeProvider(Now);
        var service = new FeedbackEffectService(new Factory(options), new RetentionService(new Factory(options), time), time);

        var rows = await service.GetAsync(eventId, null, null);

        // 24 sessions with a next one, 30 answers each: every answer counted once per question.
        Assert.Equal(24 * 30, rows!.Where(r => r.Question == FeedbackQuestions.Pace).Sum(r => r.Responses));
        // The retention read (event, sessions, check-in pairs, confirmed-RSVP pairs, people) and the answers.
        Assert.Equal(6, commands.Count);
    }

    /// <summary>Weekly sessions; everyone comes to each and answers its survey.</summary>
    private static async Task<int> SeedAsync(TestDatabase database, int sessions, int people)
    {
        await using var db = database.CreateContext();
        var e = new Event { Name = "Seeded", Slug = "seeded", CreatedAt = Now, UpdatedAt = Now };
        var attendees = Enumerable.Range(0, people).Select(p => new Attendee { Email = $"p{p}@example.com", DisplayName = $"P{p}", CreatedAt = Now }).ToList();
        for (var s = 0; s < sessions; s++)
        {
            var start = new DateTime(2025, 1, 7, 10, 0, 0, DateTimeKind.Utc).AddDays(7 * s);
            var session = new Session { Title = $"#{s + 1}", StartsAt = start, EndsAt = start.AddHours(2), Status = SessionStatus.Published, CreatedAt = Now, UpdatedAt = Now };
            for (var p = 0; p < people; p++)
            {
                session.CheckIns.Add(new CheckIn { Attendee = attendees[p], At = start, Method = CheckInMethod.Manual });
                db.Feedback.Add(new FeedbackRow
                {
                    Session = session,
                    Attendee = attendees[p],
                    Overall = 1 + (s + p) % 5,
                    Understanding = 1 + p % 5,
                    Pace = (FeedbackPace)(p % 3),
                    Length = (FeedbackLength)(s % 3),
                    ComeNext = (FeedbackComeNext)((s + p) % 3),
                    Language = "ja",
                    CreatedAt = Now,
                    UpdatedAt = Now,
                });
            }
            e.Sessions.Add(session);
        }
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }

    private sealed class Factory(DbContextOptions<MeetupDb> options) : IDbContextFactory<MeetupDb>
    {
        public MeetupDb CreateDbContext() => new(options);
    }
}
