using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Meetup.Web.Features.Import;

/// <summary>
/// An Excel workbook (<c>.xlsx</c>, as Doorkeeper's participant list downloads) as the CSV text of
/// its first sheet, so that every later step (columns, values, checks) reads it like any other file.
/// Read with MiniExcel, row by row. Dates become <c>yyyy-MM-dd HH:mm:ss</c>, numbers invariant text.
/// </summary>
public static class WorkbookText
{
    /// <summary>Whether the bytes start like a ZIP archive, which an .xlsx workbook is (a CSV file never does).</summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>The first sheet as CSV; null when the bytes are not a workbook that can be read.</summary>
    public static string? ToCsv(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var sheet = MiniExcel.GetSheetNames(stream).FirstOrDefault();
            if (sheet is null)
            {
                return null;
            }
            stream.Position = 0;
            var csv = new StringBuilder();
            var width = -1; // the header's: a row whose last cells are empty still has them all
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
            {
                var cells = 0;
                foreach (var cell in row.Values)
                {
                    if (cells++ > 0)
                    {
                        csv.Append(',');
                    }
                    AppendCell(csv, Text(cell));
                }
                width = width < 0 ? cells : width;
                csv.Append(',', Math.Max(0, width - Math.Max(cells, 1)));
                csv.Append("\r\n");
            }
            return csv.ToString();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException
            or FormatException or NotSupportedException or ArgumentException or KeyNotFoundException or InvalidCastException)
        {
            return null; // not a workbook, or a broken one
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void AppendCell(StringBuilder csv, string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            csv.Append(text);
            return;
        }
        csv.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
