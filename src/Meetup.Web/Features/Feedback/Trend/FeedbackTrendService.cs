using Meetup.Data;
using Meetup.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Feedback.Trend;

/// <summary>The five answers across an event's sessions next to attendance and return rate (the retention report's).</summary>
public sealed class FeedbackTrendService(IDbContextFactory<MeetupDb> dbFactory, RetentionService retention)
{
    /// <returns>Null when there is no event with that id.</returns>
    public Task<FeedbackTrend?> GetAsync(int eventId, CancellationToken ct = default)
    {
        _ = (dbFactory, retention, eventId, ct); // not written yet: the tests come first
        return Task.FromResult<FeedbackTrend?>(null);
    }
}
