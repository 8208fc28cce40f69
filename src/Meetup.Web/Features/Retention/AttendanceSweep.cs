namespace Meetup.Web.Features.Retention;

/// <summary>
/// One walk through the counted sessions in order, keeping per person the first and last counted
/// session attended, the count and the streak. Every set formula of the spec then reduces to a
/// comparison with the person's state before the session: A(i) ∩ A(i−1) is "last = i−1",
/// N(i) is "first was 0", and so on. Cost: O(check-ins + RSVPs + sessions²), no sets built.
/// </summary>
/// <remarks>
/// Session numbers are 1-based as in the spec; per-session arrays have slots 0..n+1 so that
/// i−1 and i+1 need no bounds checks (slot 0 and n+1 stay 0). For people, 0 means "never".
/// </remarks>
internal sealed class AttendanceSweep
{
    private readonly bool[] _seenInRange;
    private readonly int[] _rsvpSeenAt;

    private AttendanceSweep(int sessionCount, int personCount)
    {
        SessionCount = sessionCount;
        Attended = new int[sessionCount + 2];
        New = new int[sessionCount + 2];
        Returning = new int[sessionCount + 2];
        NewcomersBack = new int[sessionCount + 2];
        Confirmed = new int[sessionCount + 2];
        ConfirmedAttended = new int[sessionCount + 2];
        CohortHits = new int[sessionCount + 1][];
        CohortHits[0] = [];
        for (var i = 1; i <= sessionCount; i++)
        {
            CohortHits[i] = new int[sessionCount - i + 1];
        }

        First = new int[personCount];
        Last = new int[personCount];
        Count = new int[personCount];
        Streak = new int[personCount];
        _seenInRange = new bool[personCount];
        _rsvpSeenAt = new int[personCount];
    }

    /// <summary>n, the number of counted sessions.</summary>
    public int SessionCount { get; }

    /// <summary>|A(i)|.</summary>
    public int[] Attended { get; }

    /// <summary>|N(i)|.</summary>
    public int[] New { get; }

    /// <summary>|A(i) ∩ A(i−1)|.</summary>
    public int[] Returning { get; }

    /// <summary>|N(i−1) ∩ A(i)|: how many of the previous session's newcomers came again at i.</summary>
    public int[] NewcomersBack { get; }

    /// <summary>People with a confirmed RSVP for session i.</summary>
    public int[] Confirmed { get; }

    /// <summary>Of those, the ones checked in at i.</summary>
    public int[] ConfirmedAttended { get; }

    /// <summary>[f][k] = |N(f) ∩ A(f+k)|, k = 0..n−f.</summary>
    public int[][] CohortHits { get; }

    /// <summary>|A(i) ∪ … | over the sessions in the date range.</summary>
    public int UniqueInRange { get; private set; }

    /// <summary>Per person: first counted session attended (0 = none).</summary>
    public int[] First { get; }

    /// <summary>Per person: last counted session attended (0 = none).</summary>
    public int[] Last { get; }

    /// <summary>Per person: counted sessions attended.</summary>
    public int[] Count { get; }

    /// <summary>Per person: consecutive counted sessions attended, ending at <see cref="Last"/>.</summary>
    public int[] Streak { get; }

    /// <param name="checkIns">Check-ins by candidate session (duplicates allowed).</param>
    /// <param name="confirmedRsvps">Confirmed RSVPs by candidate session (duplicates allowed).</param>
    /// <param name="bucketOf">[i] = the candidate session that is counted session i (1-based).</param>
    /// <param name="inRange">[i] = whether counted session i is within the date range (1-based).</param>
    public static AttendanceSweep Run(
        int personCount,
        SessionBuckets checkIns,
        SessionBuckets confirmedRsvps,
        int[] bucketOf,
        bool[] inRange)
    {
        var sessionCount = bucketOf.Length - 1;
        var sweep = new AttendanceSweep(sessionCount, personCount);
        for (var i = 1; i <= sessionCount; i++)
        {
            sweep.VisitCheckIns(i, checkIns[bucketOf[i]], inRange[i]);
            // After the check-ins: "last = i" now means "attended i".
            sweep.VisitConfirmedRsvps(i, confirmedRsvps[bucketOf[i]]);
        }
        return sweep;
    }

    private void VisitCheckIns(int i, ReadOnlySpan<int> people, bool inRange)
    {
        int attended = 0, isNew = 0, returning = 0, newcomersBack = 0, uniqueInRange = 0;
        var first = First;
        var last = Last;
        foreach (var p in people)
        {
            var previous = last[p];
            if (previous == i)
            {
                continue; // the same person checked in twice
            }

            attended++;
            if (first[p] == 0)
            {
                first[p] = i;
                isNew++;
            }

            if (previous != 0 && previous == i - 1)
            {
                returning++;
                Streak[p]++;
                if (first[p] == i - 1)
                {
                    newcomersBack++;
                }
            }
            else
            {
                Streak[p] = 1;
            }

            CohortHits[first[p]][i - first[p]]++;
            if (inRange && !_seenInRange[p])
            {
                _seenInRange[p] = true;
                uniqueInRange++;
            }
            last[p] = i;
            Count[p]++;
        }

        Attended[i] = attended;
        New[i] = isNew;
        Returning[i] = returning;
        NewcomersBack[i] = newcomersBack;
        UniqueInRange += uniqueInRange;
    }

    private void VisitConfirmedRsvps(int i, ReadOnlySpan<int> people)
    {
        int confirmed = 0, attended = 0;
        foreach (var p in people)
        {
            if (_rsvpSeenAt[p] == i)
            {
                continue; // duplicate pair
            }
            _rsvpSeenAt[p] = i;
            confirmed++;
            if (Last[p] == i)
            {
                attended++;
            }
        }
        Confirmed[i] = confirmed;
        ConfirmedAttended[i] = attended;
    }
}
