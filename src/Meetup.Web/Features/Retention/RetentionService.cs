using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// The retention report of one event (spec/retention.md), for the API and the dashboard. Reads
/// everything in five queries whatever the size of the history — the event, its sessions, the
/// check-in pairs and the confirmed-RSVP pairs (each one streaming scan), the people who checked
/// in — then computes in memory with <see cref="RetentionCalculator"/>.
/// </summary>
/// <remarks>
/// Drafts are left out altogether: they were never held, and the spec's exclusion reasons
/// (cancelled, upcoming, noAttendanceRecorded) do not describe them. Published and cancelled
/// sessions are passed to the calculator, which decides what counts. "Now" comes from the
/// injected <see cref="TimeProvider"/>; thresholds from the event.
/// </remarks>
public sealed class RetentionService(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    /// <param name="from">First local date (event time zone, inclusive) of the session rows shown and summed; null = no bound.</param>
    /// <param name="to">Last local date (inclusive); null = no bound.</param>
    /// <returns>The report, or null when there is no event with that id.</returns>
    public async Task<RetentionReport?> GetReportAsync(int eventId, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
        => (await GetAsync(eventId, from, to, ct))?.Report;

    /// <summary>The report with the event's time zone, for callers that show local times.</summary>
    public Task<EventRetention?> GetAsync(int eventId, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
        => GetAsync(eventId, from, to, now: null, ct);

    /// <summary>The report as it stood at <paramref name="now"/> (the dashboard compares with an earlier period this way).</summary>
    /// <param name="now">The instant that decides which sessions have started; null = the clock's now.</param>
    public async Task<EventRetention?> GetAsync(int eventId, DateOnly? from, DateOnly? to, DateTimeOffset? now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.TimeZone, e.RegularMinSessions, e.RegularMinRatio, e.AtRiskMissedSessions })
            .FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            return null;
        }

        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == eventId && s.Status != SessionStatus.Draft)
            .Select(s => new RetentionSession(s.Id, s.StartsAt, s.Title, s.Format, s.Languages, s.Status))
            .ToListAsync(ct);
        var checkIns = await PairReader.ReadAsync(db,
            db.CheckIns.Where(c => c.Session!.EventId == eventId).Select(c => new SessionAttendee(c.SessionId, c.AttendeeId)), ct);
        var confirmed = await PairReader.ReadAsync(db,
            db.Rsvps.Where(r => r.Session!.EventId == eventId && r.Status == RsvpStatus.Confirmed)
                .Select(r => new SessionAttendee(r.SessionId, r.AttendeeId)), ct);
        var people = await PeopleAsync(db, checkIns, ct);

        var timeZone = TimeZones.Find(settings.TimeZone);
        var report = RetentionCalculator.Compute(new RetentionInput
        {
            TimeZone = timeZone,
            Now = (now ?? time.GetUtcNow()).UtcDateTime,
            Thresholds = new RetentionThresholds
            {
                // Clamped into the calculator's domain: a bad setting must not break the report.
                RegularMinSessions = Math.Max(1, settings.RegularMinSessions),
                RegularMinRatio = double.IsNaN(settings.RegularMinRatio) ? RetentionThresholds.Default.RegularMinRatio
                    : Math.Clamp(settings.RegularMinRatio, 0, 1),
                AtRiskMissedSessions = Math.Max(1, settings.AtRiskMissedSessions),
            },
            From = from,
            To = to,
            Sessions = sessions,
            People = people,
            CheckIns = checkIns,
            ConfirmedRsvps = confirmed,
        });
        return new EventRetention(timeZone, report);
    }

    /// <summary>Names and emails of everyone who checked in, in one query (the ids as one array parameter).</summary>
    private static async Task<List<RetentionPerson>> PeopleAsync(MeetupDb db, List<SessionAttendee> checkIns, CancellationToken ct)
    {
        var ids = new HashSet<int>();
        foreach (var pair in checkIns)
        {
            ids.Add(pair.AttendeeId);
        }
        var idArray = ids.ToArray();
        return await db.Attendees.AsNoTracking()
            .Where(a => EF.Parameter(idArray).Contains(a.Id))
            .Select(a => new RetentionPerson(a.Id, a.DisplayName, a.Email))
            .ToListAsync(ct);
    }
}

/// <summary>A retention report and the time zone its local dates and slots are in.</summary>
public sealed record EventRetention(TimeZoneInfo TimeZone, RetentionReport Report);
