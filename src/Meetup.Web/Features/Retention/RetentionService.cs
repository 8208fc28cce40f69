using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// The retention report of one event (docs/retention.md), for the API and the dashboard. Reads
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
    public async Task<EventRetention?> GetAsync(int eventId, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
        => (await ReadAsync(eventId, ct))?.Compute(from, to, time.GetUtcNow());

    /// <summary>
    /// Reads what the event's reports are computed from, once: reports for several ranges or instants
    /// (the dashboard's period and the one before it) then cost only their computation.
    /// </summary>
    /// <returns>Null when there is no event with that id.</returns>
    public async Task<RetentionHistory?> ReadAsync(int eventId, CancellationToken ct = default)
    {
        string eventName;
        RetentionThresholds thresholds;
        TimeZoneInfo timeZone;
        List<RetentionSession> sessions;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var settings = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
                .Select(e => new { e.Name, e.TimeZone, e.RegularMinSessions, e.RegularMinRatio, e.AtRiskMissedSessions })
                .FirstOrDefaultAsync(ct);
            if (settings is null)
            {
                return null;
            }
            eventName = settings.Name;
            timeZone = TimeZones.Find(settings.TimeZone);
            thresholds = new RetentionThresholds
            {
                // Clamped into the calculator's domain: a bad setting must not break the report.
                RegularMinSessions = Math.Max(1, settings.RegularMinSessions),
                RegularMinRatio = double.IsNaN(settings.RegularMinRatio) ? RetentionThresholds.Default.RegularMinRatio
                    : Math.Clamp(settings.RegularMinRatio, 0, 1),
                AtRiskMissedSessions = Math.Max(1, settings.AtRiskMissedSessions),
            };
            // With each session the instants its people cancelled it (few: cancelled rows only, found by the
            // (SessionId, Status) index), in the same query; the 24-hour window is applied here, not in SQL.
            var rows = await db.Sessions.AsNoTracking()
                .Where(s => s.EventId == eventId && s.Status != SessionStatus.Draft)
                .Select(s => new
                {
                    Session = new RetentionSession(s.Id, s.StartsAt, s.Title, s.Format, s.Languages, s.Status),
                    CancelledAt = s.Rsvps.Where(r => r.Status == RsvpStatus.Cancelled && r.CancelledAt != null)
                        .Select(r => r.CancelledAt!.Value).ToList(),
                })
                .AsSingleQuery()
                .ToListAsync(ct);
            sessions = [.. rows.Select(r => r.CancelledAt.Count == 0 ? r.Session
                : r.Session with { LateCancellations = LateCancellation.Count(r.Session.StartsAt, r.CancelledAt) })];
        }

        // The two pair scans are most of the time and independent: each on its own connection, side by side
        // (SQLite in WAL lets readers run together). The people need the check-ins' attendee ids, so follow them.
        var checkInsAndPeople = OwnThread(() => CheckInsAndPeopleAsync(eventId, ct), ct);
        var confirmed = OwnThread(() => ConfirmedRsvpsAsync(eventId, ct), ct);
        await Task.WhenAll(checkInsAndPeople, confirmed);
        var (checkIns, people) = await checkInsAndPeople;
        return new RetentionHistory(eventName, timeZone, thresholds, sessions, people, checkIns, await confirmed);
    }

    /// <summary>
    /// Runs a scan on a thread of its own. SQLite reads synchronously (its async methods complete before they
    /// return), so on the thread pool two scans would take both threads of a 2-core server for their whole
    /// length; the circuit that starts meanwhile (the dashboard starts reading during prerendering) would then
    /// wait until the pool adds threads, about one per half second.
    /// </summary>
    private static Task<T> OwnThread<T>(Func<Task<T>> scan, CancellationToken ct)
        => Task.Factory.StartNew(scan, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task<(List<SessionAttendee>, List<RetentionPerson>)> CheckInsAndPeopleAsync(int eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var checkIns = await PairReader.ReadAsync(db,
            db.CheckIns.Where(c => c.Session!.EventId == eventId).Select(c => new SessionAttendee(c.SessionId, c.AttendeeId)), ct);
        return (checkIns, await PeopleAsync(db, checkIns, ct));
    }

    private async Task<List<SessionAttendee>> ConfirmedRsvpsAsync(int eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PairReader.ReadAsync(db,
            db.Rsvps.Where(r => r.Session!.EventId == eventId && r.Status == RsvpStatus.Confirmed)
                .Select(r => new SessionAttendee(r.SessionId, r.AttendeeId)), ct);
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

/// <summary>
/// Everything one event's retention reports are computed from, as read at one moment: its name and settings,
/// sessions (drafts left out), people and pairs. Read-only once built, so reports may be computed
/// from it side by side.
/// </summary>
public sealed class RetentionHistory(
    string eventName,
    TimeZoneInfo timeZone,
    RetentionThresholds thresholds,
    IReadOnlyList<RetentionSession> sessions,
    IReadOnlyList<RetentionPerson> people,
    IReadOnlyList<SessionAttendee> checkIns,
    IReadOnlyList<SessionAttendee> confirmedRsvps)
{
    /// <summary>The event's name, from the same read of its row as its zone and thresholds.</summary>
    public string EventName => eventName;

    public TimeZoneInfo TimeZone => timeZone;

    /// <summary>The event's definitions of regular and at risk, as the reports apply them.</summary>
    public RetentionThresholds Thresholds => thresholds;

    /// <summary>The event's held, upcoming and cancelled sessions (no drafts), in no particular order.</summary>
    public IReadOnlyList<RetentionSession> Sessions => sessions;

    /// <summary>One (session, attendee) pair per check-in, as read: who came, for the lists person by person.</summary>
    public IReadOnlyList<SessionAttendee> CheckIns => checkIns;

    /// <summary>The report for [<paramref name="from"/>, <paramref name="to"/>] as it stood at <paramref name="now"/> (which sessions had started).</summary>
    public EventRetention Compute(DateOnly? from, DateOnly? to, DateTimeOffset now)
        => new(timeZone, RetentionCalculator.Compute(new RetentionInput
        {
            TimeZone = timeZone,
            Now = now.UtcDateTime,
            Thresholds = thresholds,
            From = from,
            To = to,
            Sessions = sessions,
            People = people,
            CheckIns = checkIns,
            ConfirmedRsvps = confirmedRsvps,
        }));
}

/// <summary>A retention report and the time zone its local dates and slots are in.</summary>
public sealed record EventRetention(TimeZoneInfo TimeZone, RetentionReport Report);
