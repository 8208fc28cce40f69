using System.Diagnostics;
using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// Reads what the retention dashboard shows: the event's history read once (<see cref="RetentionService.ReadAsync"/>:
/// its row gives name, zone and thresholds), the report of the chosen range and, when the range has a start, the
/// previous period's report from the same read (for the KPI changes), plus the speakers on its agendas (one small
/// read bounded by the number of sessions, made alongside) and, after them, the survey answers (one scan of three ints
/// a row) for the feedback panel; never a query per row.
/// </summary>
/// <remarks>
/// <see cref="LoadAsync"/> is the one place that decides what the dashboard runs side by side: the whole load off the
/// caller's thread, the speakers beside the history (whose two pair scans run on threads of their own, as for every
/// report), then the previous period's report beside the range's. The page and <see cref="DashboardHandOver"/> only
/// start it and await it.
/// </remarks>
public sealed class RetentionDashboardService(
    IDbContextFactory<MeetupDb> dbFactory, RetentionService retention, FeedbackEffectService feedback, TimeProvider time,
    ILogger<RetentionDashboardService> logger)
{
    public async Task<IReadOnlyList<EventChoice>> EventsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.AsNoTracking().OrderBy(e => e.Name).Select(e => new EventChoice(e.Id, e.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// Starts the load on the thread pool and returns at once: the circuit stays free for the loading state and other
    /// clicks, and the prerender does not wait for it.
    /// </summary>
    /// <returns>Null when there is no event with that id.</returns>
    public Task<DashboardData?> LoadAsync(int eventId, DashboardRange range, CancellationToken ct = default)
        // Not given the token: the load always starts and ends by itself (cancelled inside), so no one waits on a load that never ran.
        => Task.Run(() => ReadAndComputeAsync(eventId, range, ct), CancellationToken.None);

    private async Task<DashboardData?> ReadAndComputeAsync(int eventId, DashboardRange range, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var speakers = Task.Run(() => SpeakersAsync(eventId, ct), ct);
        var follows = Task.Run(() => FollowsConfirmedAsync(eventId, ct), ct);
        var read = retention.ReadAsync(eventId, ct);
        await Task.WhenAll(speakers, follows, read);
        if (await read is not { } history)
        {
            return null;
        }
        var readMs = watch.ElapsedMilliseconds;

        var today = Today(history.TimeZone);
        var period = range.Previous(today);
        // The previous period as it stood when it ended, from the same read, computed alongside the current one.
        var previous = period is { } p ? Task.Run(() => history.Compute(p.From, p.To, p.AsOf(history.TimeZone)).Report, ct) : null;
        var report = history.Compute(range.From, range.To, time.GetUtcNow()).Report;
        // The feedback panel is below the first screen: its scan starts once the history is read (beside it, on two
        // cores, it delayed the first screen) and runs while the page shows the figures. On a thread of its own, as
        // the history's pair scans (RetentionService.OwnThread).
        var feedbackEffect = Task.Factory.StartNew(
            async () => FeedbackEffectCalculator.Compute(history, report, await feedback.ReadAnswersAsync(eventId, ct), range.From, range.To),
            ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        var counted = CountedStarts(history.Sessions, report);
        var data = new DashboardData(eventId, history.EventName, history.TimeZone, today, range, report,
            counted, SpeakerImpact.Compute(report.Sessions, await speakers), history.Thresholds)
        {
            NewFollowers = NewFollowersCount.PerSession(report.Sessions, counted, (await follows).Confirmed),
            ActiveFollowers = (await follows).Active,
            Period = period,
            FeedbackEffect = feedbackEffect,
            Previous = previous is null ? null : await previous,
        };
        logger.LogInformation("Retention dashboard of event {EventId}: read in {ReadMs} ms, all in {TotalMs} ms ({Sessions} sessions, {People} people)",
            eventId, readMs, watch.ElapsedMilliseconds, data.TotalCounted, report.Attendees.Count);
        return data;
    }

    /// <summary>Today's date in the event's time zone.</summary>
    public DateOnly Today(TimeZoneInfo timeZone)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), timeZone).DateTime);

    /// <summary>Who spoke at the event's published sessions: a small read, on its own connection.</summary>
    private async Task<List<SessionSpeaker>> SpeakersAsync(int eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AgendaItems.AsNoTracking()
            .Where(a => a.Session!.EventId == eventId && a.Session.Status == SessionStatus.Published)
            // The two-selector form is a join; projecting inside the collection selector would need APPLY (not on SQLite).
            .SelectMany(a => a.Speakers, (a, s) => new SessionSpeaker(a.SessionId, s.Id, s.Name,
                // Topics are the talks; a speaker's review or Q&A slot is not one.
                a.Kind == AgendaItemKind.Talk || a.Kind == AgendaItemKind.Lightning ? a.Title : ""))
            .ToListAsync(ct);
    }

    /// <summary>
    /// When each follow of the event was confirmed (a follow from before this was recorded: its Since), and who follows
    /// now: one small read.
    /// </summary>
    private async Task<(List<DateTime> Confirmed, HashSet<int> Active)> FollowsConfirmedAsync(int eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Subscriptions.AsNoTracking()
            .Where(s => s.EventId == eventId && (s.ConfirmedAt != null || s.Status == SubscriptionStatus.Active))
            .Select(s => new { At = s.ConfirmedAt ?? s.Since, s.AttendeeId, Active = s.Status == SubscriptionStatus.Active }).ToListAsync(ct);
        return ([.. rows.Select(r => DateTime.SpecifyKind(r.At, DateTimeKind.Utc))], [.. rows.Where(r => r.Active).Select(r => r.AttendeeId)]);
    }

    /// <summary>
    /// The counted sessions of the whole history, in the report's order: the event's held and
    /// cancelled sessions minus those the report excluded (what the report counts, by definition).
    /// </summary>
    private static List<DateTime> CountedStarts(IReadOnlyList<RetentionSession> sessions, RetentionReport report)
    {
        var excluded = report.ExcludedSessions.Select(s => s.SessionId).ToHashSet();
        return [.. sessions.Where(s => !excluded.Contains(s.Id))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => DateTime.SpecifyKind(s.StartsAt, DateTimeKind.Utc))];
    }
}
