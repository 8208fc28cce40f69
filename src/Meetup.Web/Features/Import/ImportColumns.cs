using CsvHelper;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Import;

/// <summary>The column index of each canonical field in one file, the name to report it by, and what its values mean.</summary>
internal sealed class ImportColumns
{
    private readonly int[] _index;
    private readonly string[] _names;
    private readonly ValueMapping?[] _values;

    /// <summary>Slots after the canonical fields: the contact e-mail beside an account, and the check-in time.</summary>
    public const int ContactEmail = 9, CheckInTime = 10;

    private ImportColumns(int[] index, string[] names, ValueMapping?[] values, DateTime? sessionStart, string? sessionTitle, string? accountSite)
    {
        SessionTitle = sessionTitle;
        _index = index;
        _names = names;
        _values = values;
        SessionStart = sessionStart;
        AccountSite = accountSite;
    }

    /// <summary>Every row's start (UTC) when the file has no start column.</summary>
    public DateTime? SessionStart { get; }

    /// <summary>Every row's session title when the file has no title column.</summary>
    public string? SessionTitle { get; }

    /// <summary>When people are known by an account: the site, and the <c>email</c> field reads the account column.</summary>
    public string? AccountSite { get; }

    /// <summary>The 0-based column of a field (by its position in <see cref="ImportFields.All"/>), −1 when absent.</summary>
    public int IndexOf(int field) => _index[field];

    /// <summary>The source column name of a field, as errors name it.</summary>
    public string NameOf(int field) => _names[field];

    /// <summary>The translation of a field's values into canonical ones, or null when none is needed.</summary>
    public ValueMapping? ValuesOf(int field) => _values[field];

    /// <summary>Null, with an error per missing required column (line 1, the header), when the file cannot be read.</summary>
    public static ImportColumns? Resolve(CsvReader csv, ColumnMapping mapping, ImportErrors errors)
    {
        var fields = ImportFields.All;
        var index = new int[CheckInTime + 1];
        var names = new string[CheckInTime + 1];
        var values = new ValueMapping?[CheckInTime + 1];
        var complete = true;
        for (var f = 0; f < fields.Count; f++)
        {
            // People known by an account: the email field reads the account column (and is reported by its name).
            var source = fields[f] == ImportFields.Email && mapping.Accounts is { } accounts ? accounts.Column : mapping.SourceOf(fields[f]);
            names[f] = source ?? fields[f];
            values[f] = mapping.ValuesOf(fields[f]);
            // Exact name first, then ignoring case and surrounding spaces (CsvHelper's rule).
            if (source is null || !csv.TryGetFieldIndex(source, out index[f]))
            {
                index[f] = -1;
                var given = fields[f] == ImportFields.SessionStart && mapping.SessionStart is not null;
                if (ImportFields.Required.Contains(fields[f]) && !given)
                {
                    complete = false;
                    errors.Add(ImportError.Of(1, names[f], source is null
                        ? ImportText.Of("No column is chosen for the required field '{0}'.", fields[f])
                        : ImportText.Of("The required column '{0}' is missing from the header.", source)));
                }
            }
        }
        // Optional columns: a missing one is simply not read.
        var contact = mapping.Accounts is null ? null : mapping.SourceOf(ImportFields.Email);
        names[ContactEmail] = contact ?? ImportFields.Email;
        index[ContactEmail] = contact is not null && csv.TryGetFieldIndex(contact, out var c) ? c : -1;
        names[CheckInTime] = mapping.CheckInTimes ?? "checked_in_at";
        index[CheckInTime] = mapping.CheckInTimes is { } times && csv.TryGetFieldIndex(times, out var t) ? t : -1;
        return complete ? new ImportColumns(index, names, values, mapping.SessionStart, mapping.SessionTitle, mapping.Accounts?.Site) : null;
    }
}

/// <summary>The cells of the current record by canonical field: trimmed, with spreadsheet escapes undone and values translated.</summary>
internal sealed class RowCells(CsvReader csv, ImportColumns columns)
{
    // Withdrawn users met so far per session start: each is numbered within its session.
    private readonly Dictionary<DateTime, int> _withdrawn = [];

    /// <summary>The next number (1, 2, …) of a withdrawn user in the session starting at <paramref name="start"/>.</summary>
    public int NextWithdrawn(DateTime start)
    {
        var next = _withdrawn.GetValueOrDefault(start) + 1;
        _withdrawn[start] = next;
        return next;
    }

    public string Get(int field)
    {
        var index = columns.IndexOf(field);
        if (index < 0)
        {
            return "";
        }
        var cell = SpreadsheetText.Unescape(csv.GetString(index) ?? "").Trim();
        return columns.ValuesOf(field) is { } values ? values.Translate(cell) : cell;
    }

    public string ColumnName(int field) => columns.NameOf(field);

    public DateTime? SessionStart => columns.SessionStart;

    public string? SessionTitle => columns.SessionTitle;

    public string? AccountSite => columns.AccountSite;

    /// <summary>Whether every cell of the current record is empty or white space (a spreadsheet's trailing ",,,,," row).</summary>
    public static bool IsBlank(CsvReader csv)
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
