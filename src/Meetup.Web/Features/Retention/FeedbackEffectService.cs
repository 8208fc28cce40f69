using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Reading;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// <c>GET /api/events/{id}/feedback-effect</c>: the event's history as the retention report reads it (five queries)
/// and its survey answers (one more), then <see cref="FeedbackEffectCalculator"/> in memory.
/// </summary>
public sealed class FeedbackEffectService(IDbContextFactory<MeetupDb> dbFactory, RetentionService retention, TimeProvider time)
{
    /// <returns>The rows, or null when there is no event with that id.</returns>
    public async Task<IReadOnlyList<FeedbackEffectRow>?> GetAsync(int eventId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var answers = Task.Run(() => ReadAnswersAsync(eventId, ct), ct);
        var history = await retention.ReadAsync(eventId, ct);
        var read = await answers;
        if (history is null)
        {
            return null;
        }
        // Any range: only the report's excluded sessions (which count, and in what order) are used.
        var report = history.Compute(null, null, time.GetUtcNow()).Report;
        return FeedbackEffectCalculator.Compute(history, report, read, from, to);
    }

    /// <summary>Every answer about the event's held, upcoming and cancelled sessions (no drafts), in one query of three ints a row.</summary>
    public async Task<List<FeedbackAnswerCode>> ReadAnswersAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Feedback
            .Where(f => f.Session!.EventId == eventId && f.Session.Status != SessionStatus.Draft)
            // Packed as FeedbackEffectCalculator.Pack does: a CASE per choice, so no text is read per row.
            .Select(f => new FeedbackAnswerCode(f.SessionId, f.AttendeeId,
                (f.Overall >= 1 && f.Overall <= 5 ? f.Overall : 0)
                + 8 * (f.Understanding >= 1 && f.Understanding <= 5 ? f.Understanding : 0)
                + 64 * (f.Pace == FeedbackPace.TooSlow ? 0 : f.Pace == FeedbackPace.JustRight ? 1 : f.Pace == FeedbackPace.TooFast ? 2 : 3)
                + 256 * (f.Length == FeedbackLength.TooShort ? 0 : f.Length == FeedbackLength.JustRight ? 1 : f.Length == FeedbackLength.TooLong ? 2 : 3)
                + 1024 * (f.ComeNext == FeedbackComeNext.Yes ? 0 : f.ComeNext == FeedbackComeNext.Maybe ? 1 : f.ComeNext == FeedbackComeNext.No ? 2 : 3)));
        return await IntPairReader.ReadTriplesAsync(db, query, static (session, attendee, answers) => new FeedbackAnswerCode(session, attendee, answers), ct);
    }
}
