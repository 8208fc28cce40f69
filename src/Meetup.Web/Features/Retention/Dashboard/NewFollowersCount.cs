namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// "New followers" of each counted session: follows confirmed after the previous counted session's start and up to
/// this one's (the first counted session: all confirmed up to its start).
/// </summary>
public static class NewFollowersCount
{
    /// <param name="rows">The report's sessions.</param>
    /// <param name="countedStarts">UTC starts of all counted sessions of the history, in order.</param>
    /// <param name="confirmed">When each follow was confirmed (UTC).</param>
    public static IReadOnlyDictionary<int, int> PerSession(
        IReadOnlyList<RetentionSessionRow> rows, IReadOnlyList<DateTime> countedStarts, IReadOnlyList<DateTime> confirmed)
    {
        var result = new Dictionary<int, int>(rows.Count);
        foreach (var row in rows.Where(r => r.Index >= 1 && r.Index <= countedStarts.Count))
        {
            var start = countedStarts[row.Index - 1];
            var previous = row.Index >= 2 ? countedStarts[row.Index - 2] : DateTime.MinValue;
            result[row.SessionId] = confirmed.Count(c => c > previous && c <= start);
        }
        return result;
    }
}
