using CsvHelper;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Import;

/// <summary>The column index of each canonical field in one file, and the name to report it by.</summary>
internal sealed class ImportColumns
{
    private readonly int[] _index;
    private readonly string[] _names;

    private ImportColumns(int[] index, string[] names)
    {
        _index = index;
        _names = names;
    }

    /// <summary>The 0-based column of a field (by its position in <see cref="ImportFields.All"/>), −1 when absent.</summary>
    public int IndexOf(int field) => _index[field];

    /// <summary>The source column name of a field, as errors name it.</summary>
    public string NameOf(int field) => _names[field];

    /// <summary>Null, with an error per missing required column (line 1, the header), when the file cannot be read.</summary>
    public static ImportColumns? Resolve(CsvReader csv, ColumnMapping mapping, List<ImportError> errors)
    {
        var fields = ImportFields.All;
        var index = new int[fields.Count];
        var names = new string[fields.Count];
        var complete = true;
        for (var f = 0; f < fields.Count; f++)
        {
            var source = mapping.SourceOf(fields[f]);
            names[f] = source ?? fields[f];
            // Exact name first, then ignoring case and surrounding spaces (CsvHelper's rule).
            if (source is null || !csv.TryGetFieldIndex(source, out index[f]))
            {
                index[f] = -1;
                if (ImportFields.Required.Contains(fields[f]))
                {
                    complete = false;
                    errors.Add(new ImportError(1, names[f], source is null
                        ? $"No column is chosen for the required field '{fields[f]}'."
                        : $"The required column '{source}' is missing from the header."));
                }
            }
        }
        return complete ? new ImportColumns(index, names) : null;
    }
}

/// <summary>The cells of the current record by canonical field: trimmed, with spreadsheet escapes undone.</summary>
internal sealed class RowCells(CsvReader csv, ImportColumns columns)
{
    public string Get(int field)
    {
        var index = columns.IndexOf(field);
        return index < 0 ? "" : SpreadsheetText.Unescape(csv.GetString(index) ?? "").Trim();
    }

    public string ColumnName(int field) => columns.NameOf(field);

    public bool AllEmpty()
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (!csv.IsEmpty(i) && !string.IsNullOrWhiteSpace(csv.GetString(i)))
            {
                return false;
            }
        }
        return true;
    }
}
