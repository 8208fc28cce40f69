using System.Text;

namespace Meetup.Web.Features.Import.Screen;

/// <summary>The uploaded file, kept as bytes in the circuit between the steps of the screen (it is capped at <see cref="MaxBytes"/>).</summary>
public sealed class UploadedFile(string name, byte[] bytes)
{
    /// <summary>20 MB: about 300,000 rows of the canonical format, far beyond a study group's history.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public string Name { get; } = name;
    public long Size => bytes.LongLength;

    /// <summary>A fresh reader over the text: UTF-8 (invalid bytes are an error, not '?'), with or without a byte order mark.</summary>
    public TextReader OpenText()
        => new StreamReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
}
