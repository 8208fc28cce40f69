using Meetup.Data;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Feedback.Organizer;

/// <summary>
/// The session feedback page's data: the session, its answers summed up (the API's summary), how many gave each
/// score 1–5 (<c>[0]</c> is 1) and the topics folded with their counts.
/// </summary>
public sealed record SessionFeedbackView(
    int SessionId, int EventId, string EventName, string Title, DateTime StartsAt, string TimeZone, FeedbackSummary Summary,
    IReadOnlyList<int> Overall, IReadOnlyList<int> Understanding, IReadOnlyList<TopicSuggestion> Topics, SurveyState State)
{
    /// <summary>Responses of the people checked in; null when nobody was checked in.</summary>
    public double? ResponseRate => Summary.CheckedIn == 0 ? null : (double)Summary.Responses / Summary.CheckedIn;
}

/// <summary>Where the session's survey stands: what an empty page should say.</summary>
public enum SurveyState { NotYetOpen, Open, Closed, Cancelled }

public sealed class SessionFeedbackReader(IDbContextFactory<MeetupDb> dbFactory, FeedbackService feedback, TimeProvider time)
{
    /// <returns>Null when there is no session with that id.</returns>
    public async Task<SessionFeedbackView?> ReadAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.EventId, EventName = s.Event!.Name, s.Title, s.StartsAt, s.EndsAt, s.Status, s.Event.TimeZone })
            .FirstOrDefaultAsync(ct);
        if (session is null || (await feedback.SummaryAsync(sessionId, ct)).Value is not { } summary)
        {
            return null;
        }
        // The same answers as the summary's: those of people checked in.
        var scores = await db.Feedback.AsNoTracking()
            .Where(f => f.SessionId == sessionId && db.CheckIns.Any(c => c.SessionId == sessionId && c.AttendeeId == f.AttendeeId))
            .Select(f => new { f.Overall, f.Understanding }).ToListAsync(ct);
        var topics = TopicFolding.Fold(summary.NextTopics.Reverse().Select(t => (t, 0))); // newest spelling shown
        return new SessionFeedbackView(sessionId, session.EventId, session.EventName, session.Title, session.StartsAt, session.TimeZone, summary,
            Counts(scores.Select(s => s.Overall)), Counts(scores.Select(s => s.Understanding)), topics,
            State(session.Status, session.StartsAt, session.EndsAt, time.GetUtcNow().UtcDateTime));
    }

    private static SurveyState State(Data.Entities.SessionStatus status, DateTime startsAt, DateTime endsAt, DateTime now)
        => status == Data.Entities.SessionStatus.Cancelled ? SurveyState.Cancelled
            : now < startsAt ? SurveyState.NotYetOpen
            : now > FeedbackRules.EditableUntil(endsAt) ? SurveyState.Closed
            : SurveyState.Open;

    private static int[] Counts(IEnumerable<int> scores)
    {
        var counts = new int[5];
        foreach (var score in scores.Where(s => s is >= 1 and <= 5))
        {
            counts[score - 1]++;
        }
        return counts;
    }
}
