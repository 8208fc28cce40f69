using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Home;

public sealed record HomeEvent(int Id, string Name, string Slug, string Description, IReadOnlyList<string> Languages, int HeldSessions, int People);

public sealed record HomeSession(
    int Id, string EventName, string EventSlug, string TimeZone, string Title, DateTime StartsAt, DateTime EndsAt,
    SessionFormat Format, string? VenueName, IReadOnlyList<string> Languages, int Capacity, int Confirmed, int Waitlisted,
    int Attended, SessionStatus Status);

public sealed record HomePage(IReadOnlyList<HomeEvent> Events, IReadOnlyList<HomeSession> Upcoming, IReadOnlyList<HomeSession> Past);

/// <summary>What the public home page shows: the communities, their next sessions, then recent ones.</summary>
public sealed class HomeQueries(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    private const int PastShown = 12;

    public async Task<HomePage> LoadAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var visible = db.Sessions.AsNoTracking().Where(s => s.Status != SessionStatus.Draft);
        var upcoming = await Project(visible.Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt)).ToListAsync(ct);
        var past = await Project(visible.Where(s => s.EndsAt <= now).OrderByDescending(s => s.StartsAt).Take(PastShown)).ToListAsync(ct);

        var events = await db.Events.AsNoTracking().OrderBy(e => e.Name)
            .Select(e => new HomeEvent(e.Id, e.Name, e.Slug, e.Description, e.DefaultLanguages,
                e.Sessions.Count(s => s.Status == SessionStatus.Published && s.StartsAt <= now),
                db.CheckIns.Where(c => c.Session!.EventId == e.Id).Select(c => c.AttendeeId).Distinct().Count()))
            .ToListAsync(ct);

        return new HomePage(events, upcoming, past);
    }

    /// <summary>The card and past-list projection; the public event page lists sessions the same way.</summary>
    internal static IQueryable<HomeSession> Project(IQueryable<Session> sessions) => sessions.Select(s => new HomeSession(
        s.Id, s.Event!.Name, s.Event.Slug, s.Event.TimeZone, s.Title, s.StartsAt, s.EndsAt, s.Format, s.VenueName, s.Languages,
        s.Capacity,
        s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
        s.Rsvps.Count(r => r.Status == RsvpStatus.Waitlisted),
        s.CheckIns.Count,
        s.Status));
}
