using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Events;

/// <summary>Reads of events for the API and the back office. One context per call.</summary>
public sealed class EventQueries(IDbContextFactory<MeetupDb> dbFactory, PublicUrls urls, TimeProvider time)
{
    public async Task<IReadOnlyList<EventResource>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = await db.Events.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        return [.. events.Select(e => e.ToResource(urls))];
    }

    public async Task<IReadOnlyList<EventSummary>> SummariesAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = await db.Events.AsNoTracking().OrderBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, e.Slug, e.TimeZone, e.DefaultLanguages })
            .ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                s.EventId,
                s.Title,
                s.StartsAt,
                s.Status,
                Attendance = s.CheckIns.Count,
            })
            .ToListAsync(ct);
        var unique = await db.CheckIns.AsNoTracking()
            .GroupBy(c => c.Session!.EventId)
            .Select(g => new { EventId = g.Key, People = g.Select(c => c.AttendeeId).Distinct().Count() })
            .ToDictionaryAsync(x => x.EventId, x => x.People, ct);

        var byEvent = sessions.ToLookup(s => s.EventId);
        return [.. events.Select(e =>
        {
            var mine = byEvent[e.Id];
            var held = mine.Where(s => s.Status == SessionStatus.Published && s.StartsAt <= now).OrderBy(s => s.StartsAt).ToList();
            var upcoming = mine.Where(s => s.Status == SessionStatus.Published && s.StartsAt > now).OrderBy(s => s.StartsAt).ToList();
            var last = held.LastOrDefault();
            var next = upcoming.FirstOrDefault();
            return new EventSummary(e.Id, e.Name, e.Slug, e.TimeZone, e.DefaultLanguages,
                held.Count, upcoming.Count, mine.Count(s => s.Status == SessionStatus.Draft),
                unique.GetValueOrDefault(e.Id),
                last?.StartsAt, last?.Attendance, next?.StartsAt, next?.Title);
        })];
    }
}
