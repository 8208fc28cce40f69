using System.Text;
using Microsoft.AspNetCore.Components.Forms;

namespace Meetup.Web.Features.Import;

/// <summary>
/// An import file as bytes, with the encoding it is read in (<see cref="FileEncodings"/>): the
/// screen keeps it in the circuit between its steps (capped at <see cref="MaxBytes"/>), the API
/// reads its request body into one. An <c>.xlsx</c> workbook is read as the CSV of its first sheet.
/// </summary>
public sealed class UploadedFile
{
    /// <summary>20 MB: about 300,000 rows of the canonical format, far beyond a study group's history.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    private readonly byte[] _bytes;

    // A workbook's first sheet as CSV (null for a text file, or a workbook that cannot be read).
    private readonly string? _sheet;

    /// <param name="encodingId">One of <see cref="FileEncodings"/>; null detects it from the bytes.</param>
    public UploadedFile(string name, byte[] bytes, string? encodingId = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (encodingId is not null && !FileEncodings.IsKnown(encodingId))
        {
            throw new ArgumentException($"'{encodingId}' is not an encoding the import reads.", nameof(encodingId));
        }
        Name = name;
        _bytes = bytes;
        EncodingId = encodingId ?? FileEncodings.Detect(bytes);
        if (EncodingId == FileEncodings.Workbook)
        {
            _sheet = WorkbookText.ToCsv(bytes);
        }
    }

    /// <summary>The file is an Excel workbook (read from its first sheet), not text.</summary>
    public bool IsWorkbook => EncodingId == FileEncodings.Workbook;

    /// <summary>A workbook whose first sheet cannot be read (a broken or password-protected file).</summary>
    public bool IsUnreadableWorkbook => IsWorkbook && _sheet is null;

    public string Name { get; }
    public long Size => _bytes.LongLength;

    /// <summary>The encoding the text is read in: detected, or as the organizer chose.</summary>
    public string EncodingId { get; }

    /// <summary>Whether <see cref="EncodingId"/> was the organizer's choice rather than detected.</summary>
    public bool EncodingChosen { get; private init; }

    /// <summary>The same bytes read in another encoding.</summary>
    public UploadedFile ReadAs(string encodingId) => new(Name, _bytes, encodingId) { EncodingChosen = true };

    /// <summary>A fresh reader over the text: invalid bytes are an error, not '?'; a UTF-8 or UTF-16 byte order mark is not text.</summary>
    public TextReader OpenText()
        => IsWorkbook ? new StringReader(_sheet ?? "") : new StreamReader(new MemoryStream(_bytes, writable: false), FileEncodings.Strict(EncodingId),
            detectEncodingFromByteOrderMarks: FileEncodings.UsesByteOrderMark(EncodingId));

    /// <summary>The line (1 = the header) of the first bytes the encoding cannot read, or null when it reads them all.</summary>
    public int? FirstUnreadableLine()
    {
        if (IsWorkbook)
        {
            return _sheet is null ? 1 : null;
        }
        var encoding = FileEncodings.Strict(EncodingId);
        ReadOnlySpan<byte> rest = _bytes;
        if (EncodingId == FileEncodings.Utf16)
        {
            return CanRead(encoding, rest) ? null : 1; // no byte-wise line ends to count by
        }
        if (EncodingId == FileEncodings.Utf8 && rest.StartsWith(Encoding.UTF8.Preamble))
        {
            rest = rest[Encoding.UTF8.Preamble.Length..];
        }
        // In every encoding offered but UTF-16, byte 0x0A is only ever a line end (never part of a character).
        for (var line = 1; ; line++)
        {
            var end = rest.IndexOf((byte)'\n');
            if (!CanRead(encoding, end < 0 ? rest : rest[..end]))
            {
                return line;
            }
            if (end < 0)
            {
                return null;
            }
            rest = rest[(end + 1)..];
        }
    }

    private static bool CanRead(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            encoding.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Reads an upload into memory (at most <see cref="MaxBytes"/>).</summary>
    public static async Task<UploadedFile> ReadAsync(IBrowserFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxBytes, ct))
        {
            await stream.CopyToAsync(buffer, ct);
        }
        return new UploadedFile(file.Name, buffer.ToArray());
    }
}
