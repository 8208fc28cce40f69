using System.Text;

namespace Meetup.Web.Features.Import;

/// <summary>
/// The text encodings an import reads, on the screen and in the API. Tools write what their users'
/// Excel opens: connpass and Japanese Excel give Shift_JIS as Windows writes it (Windows-31J,
/// <see cref="Windows31J"/>), Chinese tools GB18030, older Western spreadsheets Windows-1252. A
/// file is read as UTF-16 when it starts with its byte order mark, as UTF-8 when its bytes are
/// UTF-8, else as Shift_JIS; on the screen the organizer can choose another. An <c>.xlsx</c>
/// workbook is no text at all: <see cref="Workbook"/> names it (<see cref="WorkbookText"/> reads it).
/// </summary>
public static class FileEncodings
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string ShiftJis = "shift_jis";
    public const string Gb18030 = "gb18030";
    public const string Windows1252 = "windows-1252";

    /// <summary>Not an encoding: the file is an Excel workbook, read from its first sheet.</summary>
    public const string Workbook = "xlsx";

    static FileEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>What the organizer can choose (UTF-16 is only ever detected, by its byte order mark).</summary>
    public static IReadOnlyList<string> Choices { get; } = [Utf8, ShiftJis, Gb18030, Windows1252];

    public static bool IsKnown(string id) => id is Utf8 or Utf16 or ShiftJis or Gb18030 or Windows1252;

    /// <summary>The encoding the bytes are most likely in (<see cref="Workbook"/> for an .xlsx file).</summary>
    public static string Detect(ReadOnlySpan<byte> bytes)
    {
        if (WorkbookText.IsWorkbook(bytes))
        {
            return Workbook;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16;
        }
        // A UTF-8 byte order mark is valid UTF-8 too. Japanese tools are the ones that still write a legacy encoding.
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Utf8 : ShiftJis;
    }

    /// <summary>A decoder that refuses bytes it cannot read instead of writing '?' into someone's name.</summary>
    public static Encoding Strict(string id) => id switch
    {
        Utf8 => new UTF8Encoding(false, throwOnInvalidBytes: true),
        Utf16 => new UnicodeEncoding(false, false, throwOnInvalidBytes: true),
        ShiftJis => Windows31J.Strict,
        Gb18030 => Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        Windows1252 => Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        _ => throw new ArgumentException($"'{id}' is not an encoding the import reads.", nameof(id)),
    };

    /// <summary>Whether a byte order mark decides the encoding (UTF-8 and UTF-16 files carry one; legacy ones never do).</summary>
    public static bool UsesByteOrderMark(string id) => id is Utf8 or Utf16;
}
