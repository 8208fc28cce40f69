namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>A speaker on the agenda of a session (one row per talk).</summary>
public sealed record SessionSpeaker(int SessionId, int SpeakerId, string SpeakerName, string TalkTitle);

/// <summary>What the sessions a speaker spoke at did for turnout and for newcomers.</summary>
/// <param name="Sessions">Counted sessions (in the range) where they spoke.</param>
/// <param name="NewcomersBrought">First-timers at those sessions.</param>
/// <param name="NewcomersReturnRate">Share of those first-timers who came to the next session; null while none has a next session yet.</param>
/// <param name="NewcomersPending">First-timers of a session whose next one has not happened (left out of the rate).</param>
public sealed record SpeakerImpactRow(
    int SpeakerId,
    string Name,
    int Sessions,
    double MeanAttendance,
    int NewcomersBrought,
    double? NewcomersReturnRate,
    int NewcomersPending,
    IReadOnlyList<string> Topics);

/// <summary>
/// Per speaker, from the report's session rows and the agenda: pure, one pass. A session with two
/// talks by the same speaker counts once for them; a session with two speakers counts for both.
/// </summary>
public static class SpeakerImpact
{
    private const int MaxTopics = 3;

    public static IReadOnlyList<SpeakerImpactRow> Compute(IReadOnlyList<RetentionSessionRow> sessions, IReadOnlyList<SessionSpeaker> speakers)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(speakers);
        var rows = new Dictionary<int, RetentionSessionRow>(sessions.Count);
        foreach (var row in sessions)
        {
            rows[row.SessionId] = row;
        }

        var bySpeaker = new Dictionary<int, Accumulator>();
        foreach (var talk in speakers)
        {
            if (!rows.TryGetValue(talk.SessionId, out var row))
            {
                continue; // not counted, or outside the range
            }
            if (!bySpeaker.TryGetValue(talk.SpeakerId, out var acc))
            {
                acc = new Accumulator(talk.SpeakerId, talk.SpeakerName);
                bySpeaker.Add(talk.SpeakerId, acc);
            }
            acc.Add(row, talk.TalkTitle);
        }

        return [.. bySpeaker.Values.Select(a => a.ToRow())
            .OrderByDescending(r => r.NewcomersBrought)
            .ThenByDescending(r => r.Sessions)
            .ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ThenBy(r => r.SpeakerId)];
    }

    private sealed class Accumulator(int speakerId, string name)
    {
        private readonly HashSet<int> _sessions = [];
        private readonly List<string> _topics = [];
        private long _attendance;
        private int _newcomers;
        private int _newcomersWithNext;
        private int _newcomersBack;

        public void Add(RetentionSessionRow row, string topic)
        {
            if (!string.IsNullOrWhiteSpace(topic) && _topics.Count < MaxTopics && !_topics.Contains(topic))
            {
                _topics.Add(topic);
            }
            if (!_sessions.Add(row.SessionId))
            {
                return;
            }
            _attendance += row.Attended;
            _newcomers += row.New;
            if (row.FirstTimerReturnRate is { } rate)
            {
                _newcomersWithNext += row.New;
                // The rate is back / new of this row: the count is recovered exactly.
                _newcomersBack += (int)Math.Round(rate * row.New);
            }
        }

        public SpeakerImpactRow ToRow() => new(
            speakerId,
            name,
            _sessions.Count,
            (double)_attendance / _sessions.Count,
            _newcomers,
            _newcomersWithNext == 0 ? null : (double)_newcomersBack / _newcomersWithNext,
            _newcomers - _newcomersWithNext,
            _topics);
    }
}
