using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Attendees;

/// <summary>A person and every session they RSVP'd to or checked in at, across events.</summary>
public sealed record AttendeeHistory(
    int Id, string? Name, string? Email, DateTime? ErasedAt, IReadOnlyList<string> Aliases, IReadOnlyList<AttendeeSessionRow> Sessions)
{
    public int Attended => Sessions.Count(s => s.CheckedIn);

    public int Events => Sessions.Select(s => s.EventId).Distinct().Count();
}

/// <summary>One session in a person's history: their RSVP (if any) and whether they came.</summary>
public sealed record AttendeeSessionRow(
    int SessionId,
    int EventId,
    string EventName,
    string TimeZone,
    DateTime StartsAt,
    string Title,
    SessionStatus Status,
    RsvpStatus? Rsvp,
    bool CheckedIn,
    CheckInMethod? CheckInMethod);

/// <summary>Reads a person's history for the back office: two queries, projections only.</summary>
public sealed class AttendeeHistoryQueries(IDbContextFactory<MeetupDb> dbFactory)
{
    /// <returns>Null when there is no such person.</returns>
    public async Task<AttendeeHistory?> GetAsync(int attendeeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Attendees.AsNoTracking().Where(a => a.Id == attendeeId)
            .Select(a => new { a.Id, a.DisplayName, a.Email, a.ErasedAt, Aliases = a.Aliases.OrderBy(x => x.Email).Select(x => x.Email).ToList() })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Rsvps.Any(r => r.AttendeeId == attendeeId) || s.CheckIns.Any(c => c.AttendeeId == attendeeId))
            .OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
            .Select(s => new AttendeeSessionRow(
                s.Id,
                s.EventId,
                s.Event!.Name,
                s.Event.TimeZone,
                s.StartsAt,
                s.Title,
                s.Status,
                s.Rsvps.Where(r => r.AttendeeId == attendeeId).Select(r => (RsvpStatus?)r.Status).FirstOrDefault(),
                s.CheckIns.Any(c => c.AttendeeId == attendeeId),
                s.CheckIns.Where(c => c.AttendeeId == attendeeId).Select(c => (CheckInMethod?)c.Method).FirstOrDefault()))
            .ToListAsync(ct);
        return new AttendeeHistory(person.Id, person.DisplayName, person.Email, person.ErasedAt, person.Aliases, sessions);
    }
}
