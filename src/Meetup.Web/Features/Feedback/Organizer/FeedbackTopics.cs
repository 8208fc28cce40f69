using Meetup.Data;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Feedback.Organizer;

/// <summary>What the last sessions' feedback asked the next session to cover, for the editor of the next one.</summary>
public sealed class FeedbackTopics(IDbContextFactory<MeetupDb> dbFactory)
{
    /// <summary>How many of the latest sessions with a topic asked for are read.</summary>
    public const int Sessions = 3;

    /// <summary>At most this many suggestions are offered.</summary>
    public const int MaxShown = 12;

    /// <summary>
    /// The topics asked for about the event's last <see cref="Sessions"/> sessions (starting before
    /// <paramref name="before"/> when given) that have any: one per topic folded case- and width-insensitively
    /// (<see cref="TopicFolding"/>), the newest session asking first, then the most asked. Only answers of people
    /// checked in count (as in the summary); an erased person's topic is blank, so it is gone.
    /// </summary>
    public async Task<IReadOnlyList<TopicSuggestion>> SuggestAsync(int eventId, DateTime? before = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asked = db.Feedback.AsNoTracking()
            .Where(f => f.Session!.EventId == eventId && f.NextTopic != null
                && db.CheckIns.Any(c => c.SessionId == f.SessionId && c.AttendeeId == f.AttendeeId));
        if (before is { } b)
        {
            asked = asked.Where(f => f.Session!.StartsAt < b);
        }
        var sessions = await asked.Select(f => new { f.SessionId, f.Session!.StartsAt }).Distinct()
            .OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.SessionId).Take(Sessions)
            .Select(s => s.SessionId).ToListAsync(ct);
        if (sessions.Count == 0)
        {
            return [];
        }
        var rows = await asked.Where(f => sessions.Contains(f.SessionId))
            .Select(f => new { f.SessionId, f.NextTopic, f.UpdatedAt, f.Id })
            .ToListAsync(ct);
        var topics = TopicFolding.Fold(rows
            .OrderBy(r => sessions.IndexOf(r.SessionId)).ThenByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Select(r => (r.NextTopic!, sessions.IndexOf(r.SessionId))));
        return [.. topics.Take(MaxShown)];
    }
}
