using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Feedback.Trend;

/// <summary>
/// The five answers across an event's counted sessions next to attendance and return rate, both taken from the
/// retention report (docs/retention.md) so the figures match the dashboard's. Answers count as in the session summary:
/// only those of people checked in.
/// </summary>
public sealed class FeedbackTrendService(IDbContextFactory<MeetupDb> dbFactory, RetentionService retention, TimeProvider time)
{
    /// <returns>Null when there is no event with that id.</returns>
    public async Task<FeedbackTrend?> GetAsync(int eventId, CancellationToken ct = default)
    {
        var history = await retention.ReadAsync(eventId, ct);
        if (history is null)
        {
            return null;
        }
        var report = history.Compute(null, null, time.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answers = await db.Feedback.AsNoTracking()
            .Where(f => f.Session!.EventId == eventId && db.CheckIns.Any(c => c.SessionId == f.SessionId && c.AttendeeId == f.AttendeeId))
            .GroupBy(f => f.SessionId)
            .Select(g => new SessionAnswers(
                g.Key, g.Count(), g.Sum(f => f.Overall), g.Sum(f => f.Understanding),
                g.Count(f => f.Pace == FeedbackPace.TooFast), g.Count(f => f.Pace == FeedbackPace.TooSlow),
                g.Count(f => f.Length == FeedbackLength.TooLong), g.Count(f => f.ComeNext == FeedbackComeNext.Yes)))
            .ToDictionaryAsync(a => a.SessionId, ct);
        return new FeedbackTrend(history.EventName, report.TimeZone, [.. report.Report.Sessions.Select(s =>
        {
            var a = answers.GetValueOrDefault(s.SessionId) ?? new SessionAnswers(s.SessionId, 0, 0, 0, 0, 0, 0, 0);
            return new FeedbackTrendRow(s.SessionId, s.StartsAt, s.Title, s.Attended, s.ReturnRate, a.Responses,
                Mean(a.OverallSum, a.Responses), Mean(a.UnderstandingSum, a.Responses),
                Share(a.TooFast, a.Responses), Share(a.TooSlow, a.Responses), Share(a.TooLong, a.Responses), Share(a.Yes, a.Responses));
        })]);
    }

    /// <summary>Two decimals, as the session summary's means.</summary>
    private static double? Mean(int sum, int count) => count == 0 ? null : Math.Round((double)sum / count, 2, MidpointRounding.AwayFromZero);

    private static double? Share(int part, int count) => count == 0 ? null : (double)part / count;

    private sealed record SessionAnswers(int SessionId, int Responses, int OverallSum, int UnderstandingSum, int TooFast, int TooSlow, int TooLong, int Yes);
}
