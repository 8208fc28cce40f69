using Meetup.Data;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Feedback.Organizer;

/// <summary>The session feedback page's data: the session it is about and its answers summed up (the API's summary).</summary>
public sealed record SessionFeedbackView(
    int SessionId, int EventId, string EventName, string Title, DateTime StartsAt, string TimeZone, FeedbackSummary Summary)
{
    /// <summary>Responses of the people checked in; null when nobody was checked in.</summary>
    public double? ResponseRate => Summary.CheckedIn == 0 ? null : (double)Summary.Responses / Summary.CheckedIn;
}

public sealed class SessionFeedbackReader(IDbContextFactory<MeetupDb> dbFactory, FeedbackService feedback)
{
    /// <returns>Null when there is no session with that id.</returns>
    public async Task<SessionFeedbackView?> ReadAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.EventId, EventName = s.Event!.Name, s.Title, s.StartsAt, s.Event.TimeZone })
            .FirstOrDefaultAsync(ct);
        if (session is null || (await feedback.SummaryAsync(sessionId, ct)).Value is not { } summary)
        {
            return null;
        }
        return new SessionFeedbackView(sessionId, session.EventId, session.EventName, session.Title, session.StartsAt, session.TimeZone, summary);
    }
}
