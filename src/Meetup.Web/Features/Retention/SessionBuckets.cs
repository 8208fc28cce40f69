using System.Runtime.InteropServices;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// The (session, attendee) pairs of a stream, grouped by session: for each session the dense
/// person indices of its pairs, in stream order, duplicates kept (the sweep skips them).
/// One pass over the stream, which the database layer may only be able to read once; no
/// allocation per pair.
/// </summary>
internal sealed class SessionBuckets
{
    private const int FirstCapacity = 16;

    private readonly int[][] _people;
    private readonly int[] _counts;
    private readonly int _firstCapacity;

    private SessionBuckets(int sessionCount, int expectedPairs)
    {
        _people = new int[sessionCount][];
        Array.Fill(_people, []);
        _counts = new int[sessionCount];
        // Sized for an even spread (plus a quarter) when the pair count is known: most buckets never grow.
        _firstCapacity = sessionCount == 0 ? 0 : (int)Math.Max(FirstCapacity, expectedPairs / sessionCount * 5L / 4);
    }

    public ReadOnlySpan<int> this[int session] => _people[session].AsSpan(0, _counts[session]);

    public bool IsEmpty(int session) => _counts[session] == 0;

    /// <summary>
    /// Pairs whose session is not in <paramref name="sessions"/> (cancelled, upcoming, another event's)
    /// are dropped; people not yet in <paramref name="people"/> are added to it.
    /// </summary>
    public static SessionBuckets Collect(IEnumerable<SessionAttendee> pairs, DenseIdMap sessions, DenseIdMap people)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var buckets = new SessionBuckets(sessions.Count, pairs.TryGetNonEnumeratedCount(out var count) ? count : 0);
        // Arrays and lists are read as spans: no enumerator interface call per pair.
        switch (pairs)
        {
            case SessionAttendee[] array:
                buckets.AddAll(array, sessions, people);
                break;
            case List<SessionAttendee> list:
                buckets.AddAll(CollectionsMarshal.AsSpan(list), sessions, people);
                break;
            default:
                foreach (var pair in pairs)
                {
                    buckets.Add(pair, sessions, people);
                }
                break;
        }
        return buckets;
    }

    private void AddAll(ReadOnlySpan<SessionAttendee> pairs, DenseIdMap sessions, DenseIdMap people)
    {
        foreach (var pair in pairs)
        {
            Add(pair, sessions, people);
        }
    }

    private void Add(SessionAttendee pair, DenseIdMap sessions, DenseIdMap people)
    {
        if (!sessions.TryGetIndex(pair.SessionId, out var session))
        {
            return;
        }

        var person = people.GetOrAdd(pair.AttendeeId);
        ref var bucket = ref _people[session];
        var count = _counts[session];
        if (count == bucket.Length)
        {
            Array.Resize(ref bucket, count == 0 ? _firstCapacity : count * 2);
        }
        bucket[count] = person;
        _counts[session] = count + 1;
    }
}
