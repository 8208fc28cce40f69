using System.Text;
using CsvHelper;

namespace Meetup.Web.Features.Import.Screen;

/// <summary>The header and the first few records of a CSV file, raw: what the mapping screen shows beside each column.</summary>
public sealed record CsvSample(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static CsvSample Empty { get; } = new([], []);

    /// <summary>Reads at most <paramref name="maxRows"/> records; an unreadable file gives what was read before the problem (the full check reports it).</summary>
    public static CsvSample Read(TextReader text, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<IReadOnlyList<string>>();
        IReadOnlyList<string> headers = [];
        try
        {
            using var csv = CsvReader.Create(text, CsvReaderOptions.Default with { Separator = ',', HasHeader = true }, leaveOpen: true);
            headers = [.. csv.Headers];
            while (rows.Count < maxRows && csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = csv.GetString(i) ?? "";
                }
                rows.Add(cells);
            }
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvFormatException)
        {
            // The parser's full check names the line and the problem.
        }
        return new CsvSample(headers, rows);
    }

    /// <summary>The first non-empty value of <paramref name="header"/> among the sample rows, or null.</summary>
    public string? ExampleOf(string? header)
    {
        var column = header is null ? -1 : IndexOf(header);
        if (column < 0)
        {
            return null;
        }
        foreach (var row in Rows)
        {
            if (column < row.Count && !string.IsNullOrWhiteSpace(row[column]))
            {
                return row[column].Trim();
            }
        }
        return null;
    }

    private int IndexOf(string header)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (Headers[i] == header)
            {
                return i;
            }
        }
        return -1;
    }
}
