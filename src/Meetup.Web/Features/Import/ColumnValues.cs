using System.Text;
using CsvHelper;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Import;

/// <summary>A distinct value of a column (as first spelled, trimmed; "" is the empty cell) and how many rows hold it.</summary>
public sealed record ValueCount(string Value, int Count);

/// <summary>
/// What one column of the whole file holds, for the value step of the import screen: its distinct
/// values (compared as <see cref="ImportValues.KeyOf"/>) with their counts, most frequent first.
/// Read in one pass over the file; a column of many different values (names, times) stops listing
/// new ones after a cap but still counts filled and empty cells.
/// </summary>
public sealed class ColumnValues
{
    public static ColumnValues None { get; } = new([], false, 0, 0, false);

    private ColumnValues(IReadOnlyList<ValueCount> distinct, bool tooMany, int filled, int empty, bool allTimestamps)
    {
        Distinct = distinct;
        TooMany = tooMany;
        Filled = filled;
        Empty = empty;
        AllTimestamps = allTimestamps;
    }

    /// <summary>Most frequent first, then in the order of the file; at most the cap.</summary>
    public IReadOnlyList<ValueCount> Distinct { get; }

    /// <summary>The column has more distinct values than the cap: <see cref="Distinct"/> is incomplete.</summary>
    public bool TooMany { get; }

    public int Filled { get; }
    public int Empty { get; }

    /// <summary>Every filled cell looks like a date or date-time (<see cref="ValueAliases.LooksLikeTimestamp"/>), and there is one.</summary>
    public bool AllTimestamps { get; }

    /// <summary>Counts the values of <paramref name="columns"/> (header names, found as the parser finds them); an unreadable file counts what came before the problem (the check reports it).</summary>
    public static IReadOnlyDictionary<string, ColumnValues> Count(TextReader text, IReadOnlyCollection<string> columns, int maxDistinct = 50)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        var tallies = columns.Distinct().ToDictionary(c => c, _ => new Tally(maxDistinct));
        try
        {
            using var csv = CsvReader.Create(text, CsvReaderOptions.Default with { Separator = ',', HasHeader = true }, leaveOpen: true);
            var found = new List<(int Index, Tally Tally)>();
            foreach (var (column, tally) in tallies)
            {
                if (csv.TryGetFieldIndex(column, out var index))
                {
                    found.Add((index, tally));
                }
            }
            while (found.Count > 0 && csv.Read())
            {
                if (RowCells.IsBlank(csv))
                {
                    continue; // the parser skips these rows too
                }
                foreach (var (index, tally) in found)
                {
                    tally.Add(index < csv.FieldCount ? SpreadsheetText.Unescape(csv.GetString(index) ?? "").Trim() : "");
                }
            }
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvFormatException)
        {
            // The parser's full check names the line and the problem.
        }
        return tallies.ToDictionary(t => t.Key, t => t.Value.ToResult());
    }

    private sealed class Tally(int maxDistinct)
    {
        private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
        private readonly List<(string Value, int Count)> _values = [];
        private bool _tooMany;
        private int _filled, _empty;
        private bool _allTimestamps = true;

        public void Add(string cell)
        {
            if (cell.Length == 0)
            {
                _empty++;
            }
            else
            {
                _filled++;
                _allTimestamps = _allTimestamps && ValueAliases.LooksLikeTimestamp(cell);
            }
            var key = ImportValues.KeyOf(cell);
            if (_slots.TryGetValue(key, out var slot))
            {
                _values[slot] = (_values[slot].Value, _values[slot].Count + 1);
            }
            else if (_values.Count < maxDistinct)
            {
                _slots[key] = _values.Count;
                _values.Add((cell, 1));
            }
            else
            {
                _tooMany = true;
            }
        }

        public ColumnValues ToResult() => new(
            [.. _values.OrderByDescending(v => v.Count).Select(v => new ValueCount(v.Value, v.Count))], // a stable sort: ties keep the file's order
            _tooMany, _filled, _empty, _allTimestamps && _filled > 0);
    }
}
