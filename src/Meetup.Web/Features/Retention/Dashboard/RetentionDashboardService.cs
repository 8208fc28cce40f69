using System.Diagnostics;
using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// Reads what the retention dashboard shows: ONE retention report (<see cref="RetentionService"/>)
/// plus two small reads bounded by the number of sessions (their starts, and the speakers on their
/// agendas), never a query per row. The previous period's report, for the KPI changes, is a second
/// call the page makes after its first render.
/// </summary>
public sealed class RetentionDashboardService(
    IDbContextFactory<MeetupDb> dbFactory, RetentionService retention, TimeProvider time, ILogger<RetentionDashboardService> logger)
{
    public async Task<IReadOnlyList<EventChoice>> EventsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.AsNoTracking().OrderBy(e => e.Name).Select(e => new EventChoice(e.Id, e.Name)).ToListAsync(ct);
    }

    /// <returns>Null when there is no event with that id.</returns>
    public async Task<DashboardData?> LoadAsync(int eventId, DashboardRange range, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var result = await retention.GetAsync(eventId, range.From, range.To, ct);
        if (result is null)
        {
            return null;
        }
        var reportMs = watch.ElapsedMilliseconds;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var header = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Name, e.TimeZone, e.RegularMinSessions, e.RegularMinRatio, e.AtRiskMissedSessions }).FirstOrDefaultAsync(ct);
        if (header is null)
        {
            return null; // deleted in between
        }
        var starts = await CountedStartsAsync(db, eventId, result.Report, ct);
        var speakers = await db.AgendaItems.AsNoTracking()
            .Where(a => a.Session!.EventId == eventId && a.Session.Status == SessionStatus.Published)
            // The two-selector form is a join; projecting inside the collection selector would need APPLY (not on SQLite).
            .SelectMany(a => a.Speakers, (a, s) => new SessionSpeaker(a.SessionId, s.Id, s.Name,
                // Topics are the talks; a speaker's review or Q&A slot is not one.
                a.Kind == AgendaItemKind.Talk || a.Kind == AgendaItemKind.Lightning ? a.Title : ""))
            .ToListAsync(ct);

        var thresholds = new RetentionThresholds
        {
            RegularMinSessions = header.RegularMinSessions,
            RegularMinRatio = header.RegularMinRatio,
            AtRiskMissedSessions = header.AtRiskMissedSessions,
        };
        var data = new DashboardData(eventId, header.Name, header.TimeZone, result.TimeZone, Today(result.TimeZone), range,
            result.Report, starts, SpeakerImpact.Compute(result.Report.Sessions, speakers), thresholds);
        logger.LogInformation("Retention dashboard of event {EventId}: report in {ReportMs} ms, all in {TotalMs} ms ({Sessions} sessions, {People} people)",
            eventId, reportMs, watch.ElapsedMilliseconds, data.TotalCounted, result.Report.Attendees.Count);
        return data;
    }

    /// <summary>
    /// The report for <paramref name="period"/> as it stood when that period ended: its rates and
    /// people, and who were regulars or at risk then.
    /// </summary>
    public async Task<RetentionReport?> PreviousAsync(int eventId, PreviousPeriod period, TimeZoneInfo timeZone, CancellationToken ct = default)
        => (await retention.GetAsync(eventId, period.From, period.To, period.AsOf(timeZone), ct))?.Report;

    /// <summary>Today's date in the event's time zone.</summary>
    public DateOnly Today(TimeZoneInfo timeZone)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), timeZone).DateTime);

    /// <summary>
    /// The counted sessions of the whole history, in the report's order: the event's held and
    /// cancelled sessions minus those the report excluded (what the report counts, by definition).
    /// </summary>
    private static async Task<List<DateTime>> CountedStartsAsync(MeetupDb db, int eventId, RetentionReport report, CancellationToken ct)
    {
        var excluded = report.ExcludedSessions.Select(s => s.SessionId).ToHashSet();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == eventId && s.Status != SessionStatus.Draft)
            .Select(s => new { s.Id, s.StartsAt })
            .ToListAsync(ct);
        return [.. sessions.Where(s => !excluded.Contains(s.Id))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => DateTime.SpecifyKind(s.StartsAt, DateTimeKind.Utc))];
    }
}
