namespace Meetup.Web.Features.Retention;

/// <summary>
/// Maps database ids to dense indices 0..Count−1, in the order they were added, so that per-person
/// and per-session figures live in flat arrays instead of dictionaries.
/// </summary>
/// <remarks>
/// Ids of one event are usually a compact range, so a lookup is one array read. The ids known
/// up front choose that range; ids outside it (or all ids, when they are too sparse for a table)
/// fall back to a dictionary.
/// </remarks>
internal sealed class DenseIdMap
{
    // A table costs 4 bytes per id in the range: worth it up to this many slots per known id
    // (an event's people are spread over the whole attendee table: 20,000 of them over 1.2 M ids
    // still get a 5 MB table, several times faster than a dictionary), or for any range of at
    // most MinTableSize (256 KB), whatever the id count.
    private const int MaxSlotsPerId = 64;
    private const int MinTableSize = 1 << 16;

    private readonly int _tableStart;
    private readonly int[] _table; // id − _tableStart → index + 1; 0 = not mapped
    private readonly Dictionary<int, int> _outsideTable = [];
    private readonly List<int> _ids;

    public DenseIdMap(ReadOnlySpan<int> knownIds)
    {
        _ids = new List<int>(knownIds.Length);
        _table = [];
        if (!knownIds.IsEmpty)
        {
            var (min, max) = MinMax(knownIds);
            var range = (long)max - min + 1;
            if (range <= Math.Max(MinTableSize, (long)knownIds.Length * MaxSlotsPerId))
            {
                _tableStart = min;
                _table = new int[range];
            }
        }

        foreach (var id in knownIds)
        {
            if (TryGetIndex(id, out _))
            {
                throw new ArgumentException($"Id {id} is given twice.", nameof(knownIds));
            }
            Add(id);
        }
    }

    public int Count => _ids.Count;

    /// <summary>The id of a dense index.</summary>
    public int IdAt(int index) => _ids[index];

    public bool TryGetIndex(int id, out int index)
    {
        var slot = (uint)(id - _tableStart);
        if (slot < (uint)_table.Length)
        {
            index = _table[slot] - 1;
            return index >= 0;
        }
        return _outsideTable.TryGetValue(id, out index);
    }

    public int GetOrAdd(int id) => TryGetIndex(id, out var index) ? index : Add(id);

    private int Add(int id)
    {
        var index = _ids.Count;
        _ids.Add(id);
        var slot = (uint)(id - _tableStart);
        if (slot < (uint)_table.Length)
        {
            _table[slot] = index + 1;
        }
        else
        {
            _outsideTable.Add(id, index);
        }
        return index;
    }

    private static (int Min, int Max) MinMax(ReadOnlySpan<int> ids)
    {
        int min = int.MaxValue, max = int.MinValue;
        foreach (var id in ids)
        {
            min = Math.Min(min, id);
            max = Math.Max(max, id);
        }
        return (min, max);
    }
}
