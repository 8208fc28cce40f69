using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Demo;

public class DemoSeederTests
{
    private static readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Seeding_twice_loads_the_community_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();

        await using (var db = database.CreateContext())
        {
            Assert.True(await DemoSeeder.SeedAsync(db, Now, NullLogger.Instance));
        }
        var first = await CountsAsync(database);
        await using (var db = database.CreateContext())
        {
            Assert.False(await DemoSeeder.SeedAsync(db, Now, NullLogger.Instance));
        }

        Assert.Equal(first, await CountsAsync(database));
    }

    [Fact]
    public async Task The_latest_sessions_have_survey_answers_from_people_who_were_there_and_understanding_goes_with_coming_back()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        await DemoSeeder.SeedAsync(db, Now, NullLogger.Instance);

        var answers = await db.Feedback.AsNoTracking().ToListAsync();
        Assert.InRange(answers.Count, 200, 2000);
        Assert.All(answers, a => Assert.True(db.CheckIns.Any(c => c.SessionId == a.SessionId && c.AttendeeId == a.AttendeeId)));
        Assert.Contains(answers, a => a.NextTopic is not null);
        Assert.Contains(answers, a => a.Comment is not null && a.Language == "zh");

        // The story the dashboard tells: those who understood came back more often than those who did not.
        var held = await db.Sessions.AsNoTracking().Where(s => s.CheckIns.Any()).OrderBy(s => s.StartsAt).Select(s => s.Id).ToListAsync();
        var next = held.Zip(held.Skip(1)).ToDictionary(p => p.First, p => p.Second);
        var checkIns = (await db.CheckIns.AsNoTracking().Select(c => new { c.SessionId, c.AttendeeId }).ToListAsync()).ToHashSet();
        double Rate(Func<Meetup.Data.Entities.Feedback, bool> which)
        {
            var group = answers.Where(a => next.ContainsKey(a.SessionId) && which(a)).ToList();
            return group.Count(a => checkIns.Contains(new { SessionId = next[a.SessionId], a.AttendeeId })) / (double)group.Count;
        }
        Assert.True(Rate(a => a.Understanding >= 4) > Rate(a => a.Understanding <= 2) + 0.15);
    }

    [Fact]
    public async Task The_demo_is_a_living_bilingual_community_with_one_open_session()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        await DemoSeeder.SeedAsync(db, Now, NullLogger.Instance);
        var now = Now.GetUtcNow().UtcDateTime;

        var ev = await db.Events.SingleAsync();
        Assert.Equal("Asia/Tokyo", ev.TimeZone);
        Assert.Equal(["ja", "zh"], ev.DefaultLanguages.Order());

        var sessions = await db.Sessions.AsNoTracking().Include(s => s.CheckIns).Include(s => s.Rsvps).ToListAsync();
        var held = sessions.Where(s => s.Status == SessionStatus.Published && s.StartsAt < now).ToList();
        Assert.InRange(held.Count, 20, 35);
        Assert.Equal(2018, held.Min(s => s.StartsAt).Year);
        Assert.Contains(held, s => s.Format == SessionFormat.Online);
        Assert.Contains(held, s => s.Format == SessionFormat.Hybrid);
        Assert.DoesNotContain(held, s => s.StartsAt.Year == 2020 && s.StartsAt.Month is >= 4 and <= 8);

        var upcoming = Assert.Single(sessions, s => s.StartsAt > now);
        Assert.Equal(SessionStatus.Published, upcoming.Status);
        Assert.True(upcoming.RsvpOpensAt is null || upcoming.RsvpOpensAt <= now);
        Assert.True(upcoming.RsvpClosesAt is null || upcoming.RsvpClosesAt > now);
        Assert.True(upcoming.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed) < upcoming.Capacity);

        Assert.InRange(await db.Attendees.CountAsync(), 120, 200);
        Assert.Contains(held.SelectMany(s => s.CheckIns), c => c.Method == CheckInMethod.WalkIn);
        var noShows = held.Sum(s => s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed && s.CheckIns.All(c => c.AttendeeId != r.AttendeeId)));
        Assert.True(noShows > 0, "Some confirmed people did not come.");
        Assert.True(await db.AgendaItems.AnyAsync(a => a.Speakers.Count > 0), "Guest speakers appear on agendas.");

        // A core of regulars: people who came to at least two thirds of the held sessions.
        var perPerson = held.SelectMany(s => s.CheckIns).GroupBy(c => c.AttendeeId).Select(g => g.Count()).ToList();
        Assert.InRange(perPerson.Count(n => n >= held.Count * 2 / 3), 8, 20);
        Assert.True(perPerson.Count(n => n == 1) > perPerson.Count / 3, "Many people came once.");
    }

    [Fact]
    public async Task People_who_came_lately_follow_the_group_and_one_at_risk_invitation_went_out_before_a_held_session()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        await DemoSeeder.SeedAsync(db, Now, NullLogger.Instance);

        var follows = await db.Subscriptions.AsNoTracking().ToListAsync();
        var active = follows.Where(f => f.Status == SubscriptionStatus.Active).ToList();
        Assert.InRange(active.Count, 20, 120);
        Assert.Contains(follows, f => f.Status == SubscriptionStatus.Unsubscribed && f.UnsubscribedAt is not null);
        Assert.Contains(follows, f => f.Status == SubscriptionStatus.Pending && f.ConfirmedAt is null);
        Assert.All(active, f => Assert.True(f.ConfirmedAt <= Now.GetUtcNow().UtcDateTime && f.Since == f.ConfirmedAt));
        // Confirmed over several sessions, not all at once: the dashboard's "new followers" has a story.
        var starts = await db.Sessions.AsNoTracking().Where(s => s.CheckIns.Any()).OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToListAsync();
        Assert.True(active.Select(f => starts.Count(s => s < f.ConfirmedAt)).Distinct().Count() >= 4);

        var invitation = await db.Announcements.AsNoTracking().Include(a => a.Recipients).Include(a => a.Session).SingleAsync();
        Assert.Equal(AnnouncementAudience.AtRisk, invitation.Audience);
        Assert.True(invitation.SentAt < invitation.Session!.StartsAt && invitation.Session.StartsAt < Now.GetUtcNow().UtcDateTime);
        Assert.NotEmpty(invitation.Recipients);
        var followedThen = active.Where(f => f.ConfirmedAt < invitation.SentAt).Select(f => f.AttendeeId).ToHashSet();
        Assert.All(invitation.Recipients, r => Assert.Contains(r.AttendeeId, followedThen));
        // Like the app's own sends, it left out whoever was registered for the session when it went out: a recipient who
        // came with an RSVP registered after it (the list's "registered after it", not a riddle beside "came").
        var rsvps = await db.Rsvps.AsNoTracking().Where(x => x.SessionId == invitation.SessionId).ToListAsync();
        Assert.All(invitation.Recipients, r => Assert.DoesNotContain(rsvps, x => x.AttendeeId == r.AttendeeId && x.CreatedAt < invitation.SentAt
            && !(x.Status == RsvpStatus.Cancelled && x.UpdatedAt < invitation.SentAt)));
    }

    private static async Task<(int, int, int, int, int)> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.Events.CountAsync(), await db.Sessions.CountAsync(), await db.Attendees.CountAsync(),
            await db.Rsvps.CountAsync(), await db.CheckIns.CountAsync());
    }
}
