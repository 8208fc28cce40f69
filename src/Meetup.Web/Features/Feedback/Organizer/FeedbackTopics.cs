using Meetup.Data;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Feedback.Organizer;

/// <summary>What the last sessions' feedback asked the next session to cover, for the editor of the next one.</summary>
public sealed class FeedbackTopics(IDbContextFactory<MeetupDb> dbFactory)
{
    /// <summary>How many of the latest sessions with a topic asked for are read.</summary>
    public const int Sessions = 3;

    /// <summary>
    /// The topics asked for about the event's last <see cref="Sessions"/> sessions (starting before
    /// <paramref name="before"/> when given) that have any: one per topic folded case- and width-insensitively, the
    /// newest session asking first, then the most asked. An erased person's topic is blank, so it is gone.
    /// </summary>
    public Task<IReadOnlyList<TopicSuggestion>> SuggestAsync(int eventId, DateTime? before = null, CancellationToken ct = default)
    {
        _ = (dbFactory, eventId, before, ct); // not written yet: the tests come first
        return Task.FromResult<IReadOnlyList<TopicSuggestion>>([]);
    }
}
