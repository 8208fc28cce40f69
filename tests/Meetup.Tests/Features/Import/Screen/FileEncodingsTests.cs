using System.Text;
using Meetup.Web.Features.Import;

namespace Meetup.Tests.Features.Import.Screen;

/// <summary>The import screen reads the encodings the tools write: UTF-8 first, else Shift_JIS (connpass), or what the organizer picks.</summary>
public class FileEncodingsTests
{
    private const string Csv = "表示名,出欠\n山田 太郎,出席\n";

    static FileEncodingsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string ReadAll(UploadedFile file)
    {
        using var text = file.OpenText();
        return text.ReadToEnd();
    }

    [Fact]
    public void Utf8_with_or_without_a_byte_order_mark_is_read_as_utf8()
    {
        var plain = new UploadedFile("a.csv", Encoding.UTF8.GetBytes(Csv));
        var withBom = new UploadedFile("a.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)]);

        Assert.Equal((FileEncodings.Utf8, FileEncodings.Utf8), (plain.EncodingId, withBom.EncodingId));
        Assert.Equal(Csv, ReadAll(plain));
        Assert.Equal(Csv, ReadAll(withBom)); // the mark is not part of the first header
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_byte_order_mark_is_read_as_utf16(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var file = new UploadedFile("a.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes(Csv)]);

        Assert.Equal(FileEncodings.Utf16, file.EncodingId);
        Assert.Equal(Csv, ReadAll(file));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_shift_jis()
    {
        var file = new UploadedFile("a.csv", Encoding.GetEncoding(932).GetBytes(Csv));

        Assert.Equal(FileEncodings.ShiftJis, file.EncodingId);
        Assert.Equal(Csv, ReadAll(file));
        Assert.Null(file.FirstUnreadableLine());
    }

    [Fact]
    public void The_organizer_can_read_the_same_bytes_in_another_encoding()
    {
        var bytes = Encoding.GetEncoding(54936).GetBytes("姓名,签到\n陈晨,已签到\n");
        var file = new UploadedFile("a.csv", bytes);

        var chinese = file.ReadAs(FileEncodings.Gb18030);

        Assert.Equal(FileEncodings.Gb18030, chinese.EncodingId);
        Assert.Equal("姓名,签到\n陈晨,已签到\n", ReadAll(chinese));
        Assert.Equal("café\n", ReadAll(new UploadedFile("b.csv", Encoding.Latin1.GetBytes("café\n")).ReadAs(FileEncodings.Windows1252)));
    }

    [Fact]
    public void Bytes_that_the_chosen_encoding_cannot_read_name_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes("name\nok\n").Concat(new byte[] { 0x61, 0xFF, 0x0A }).ToArray();

        var file = new UploadedFile("a.csv", bytes).ReadAs(FileEncodings.Utf8);

        Assert.Equal(3, file.FirstUnreadableLine());
    }

    [Fact]
    public void Each_encoding_has_a_name_the_screen_shows()
    {
        Assert.Equal([FileEncodings.Utf8, FileEncodings.ShiftJis, FileEncodings.Gb18030, FileEncodings.Windows1252], FileEncodings.Choices);
        Assert.True(FileEncodings.IsKnown(FileEncodings.Utf16));
        Assert.False(FileEncodings.IsKnown("ebcdic"));
    }
}
