using System.Text;
using CsvHelper;

namespace Meetup.Web.Features.Import;

/// <summary>
/// Reads an attendance history file (docs/import-format.md) into rows, or into every problem it
/// has, each with its line and column. Pure: no database, no clock. The API uses it with
/// <see cref="ColumnMapping.Canonical"/>; the import screen with the organizer's mapping, and with
/// a row limit for the preview.
/// </summary>
public static class ImportParser
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
    };

    /// <summary>The header names of a file (empty when it has no header row).</summary>
    public static IReadOnlyList<string> ReadHeaders(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var csv = CsvReader.Create(text, Options, leaveOpen: true);
            return [.. csv.Headers];
        }
        catch (DecoderFallbackException)
        {
            return [];
        }
    }

    /// <param name="text">The file; UTF-8 with or without a byte order mark when read from bytes.</param>
    /// <param name="mapping">Where each canonical field is; <see cref="ColumnMapping.Canonical"/> for the canonical format.</param>
    /// <param name="timeZone">The event's zone, in which local date-times are read.</param>
    /// <param name="maxRows">Stop after this many data rows (a preview); null reads them all.</param>
    public static ImportParseResult Parse(TextReader text, ColumnMapping mapping, TimeZoneInfo timeZone, int? maxRows = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(timeZone);

        var rows = new List<ImportRow>();
        var errors = new ImportErrors();
        IReadOnlyList<string> headers = [];
        var line = 1;
        try
        {
            using var csv = CsvReader.Create(text, Options with
            {
                OnMalformedRecord = m => errors.Add(ImportError.Of((int)m.LineNumber, null, MalformedMessage(m.Reason))),
            }, leaveOpen: true);
            headers = csv.Headers;
            if (headers.Count == 0)
            {
                errors.Add(ImportError.Of(1, null, ImportText.Of("The file is empty: a header row with the column names is required.")));
                return Result(headers, rows, errors);
            }

            var columns = ImportColumns.Resolve(csv, mapping, errors);
            if (columns is null)
            {
                return Result(headers, rows, errors);
            }

            var cells = new RowCells(csv, columns);
            while ((maxRows is null || rows.Count < maxRows) && csv.Read())
            {
                line = (int)csv.LineNumber;
                if (RowCells.IsBlank(csv))
                {
                    continue; // a spreadsheet's trailing ",,,,," rows
                }
                if (ImportRowReader.Read(cells, line, timeZone, errors) is { } row && errors.Count == 0)
                {
                    rows.Add(row); // once a row is bad nothing is written: keep only the count and the first problems
                }
                else if (rows.Count > 0)
                {
                    rows = [];
                }
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(ImportError.Of(line + 1, null, ImportText.Of("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.")));
        }
        catch (CsvFormatException e)
        {
            errors.Add(ImportError.Of(e.LineNumber > 0 ? (int)e.LineNumber : line + 1, null, ImportText.Of("The file is not valid CSV: {0}", e.Message)));
        }
        return Result(headers, rows, errors);
    }

    private static ImportParseResult Result(IReadOnlyList<string> headers, List<ImportRow> rows, ImportErrors errors)
        => new(headers, errors.Count == 0 ? rows : [], errors.Kept, errors.Count);

    private static ImportText MalformedMessage(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => ImportText.Of("A quoted value is never closed (a \" is missing)."),
        CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote =>
            ImportText.Of("A quote is misplaced: quote the whole value and double the quotes inside it (\"\")."),
        _ => ImportText.Of("The row is not valid CSV."),
    };
}
