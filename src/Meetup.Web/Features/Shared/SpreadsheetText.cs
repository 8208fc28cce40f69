using CsvHelper;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// CSV files we write are opened in spreadsheets, which run a cell that starts with = + - @ as a
/// formula (CSV injection): an attendee named "=HYPERLINK(…)" must stay text. CsvHelper puts an
/// apostrophe in front of such cells; reading our own files back removes it again.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>Writer options for every CSV download: RFC 4180, a BOM (so Excel reads UTF-8 Japanese and Chinese), formulas neutralized.</summary>
    public static CsvWriterOptions WriterOptions { get; } = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    /// <summary>Undoes the escape of <see cref="WriterOptions"/>: <c>'=x</c> reads as <c>=x</c>.</summary>
    public static string Unescape(string cell)
        => cell.Length >= 2 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
