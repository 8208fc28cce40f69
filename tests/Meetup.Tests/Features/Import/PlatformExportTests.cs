using System.Text;
using Meetup.Web.Features.Import;
using Meetup.Web.Features.Import.Screen;
using Meetup.Web.Features.Shared;
using static Meetup.Tests.Features.Import.HistoryApi;

namespace Meetup.Tests.Features.Import;

/// <summary>
/// The exports of connpass, Luma, Meetup.com and Doorkeeper as they download (TestData/platform-exports):
/// read, guessed and parsed as the screen and the API do, without a database.
/// </summary>
public class PlatformExportTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static ImportParseResult Parse(string fixture, string source, string sessionStart)
    {
        var file = new UploadedFile(fixture, PlatformFile(fixture));
        var (mapping, errors) = SourceMapping.Build(source, file, Tokyo, sessionStart, null);
        Assert.True(mapping is not null, string.Join("; ", errors));
        using var text = file.OpenText();
        var parsed = ImportParser.Parse(text, mapping, Tokyo);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return parsed;
    }

    private static IReadOnlyList<string> Headers(UploadedFile file)
    {
        using var text = file.OpenText();
        return ImportParser.ReadHeaders(text);
    }

    [Fact]
    public void Shift_jis_reads_as_windows_reads_it_with_the_nec_selected_and_ibm_extension_codes()
    {
        // 髙 as 0xEEE0 and 﨑 as 0xED95 (NEC-selected; Python's cp932 and EUC-JP round trips write these), which .NET's
        // code page 932 refuses but Windows reads; and the IBM extension codes Excel writes (0xFBFC, 0xFAB1).
        var nec = new UploadedFile("connpass-event-2.csv", PlatformFile("connpass-event-2.csv"));
        var ibm = new UploadedFile("connpass-event-1.csv", PlatformFile("connpass-event-1.csv"));

        foreach (var file in new[] { nec, ibm })
        {
            Assert.Equal(FileEncodings.ShiftJis, file.EncodingId);
            Assert.Null(file.FirstUnreadableLine());
            using var text = file.OpenText();
            var content = text.ReadToEnd();
            Assert.Contains("髙橋 健", content, StringComparison.Ordinal);
            Assert.Contains("山﨑 舞", content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Windows31J_reads_every_code_windows_reads_and_refuses_the_rest()
    {
        var encoding = FileEncodings.Strict(FileEncodings.ShiftJis);

        Assert.Equal("≒Ⅰ㈱∵\uE000ⅰ", encoding.GetString([0x87, 0x90, 0xFA, 0x4A, 0xFA, 0x58, 0xFA, 0x5B, 0xF0, 0x40, 0xEE, 0xEF]));
        Assert.Equal("ｱ亜A", encoding.GetString([0xB1, 0x88, 0x9F, 0x41]));
        Assert.Throws<DecoderFallbackException>(() => encoding.GetString([0x85, 0x40])); // row 0x85 is empty
        Assert.Throws<DecoderFallbackException>(() => encoding.GetString([0x41, 0x88])); // a lead byte with no trail

        // A character split between two blocks of a stream.
        var decoder = encoding.GetDecoder();
        var chars = new char[4];
        Assert.Equal(0, decoder.GetChars([0x88], 0, 1, chars, 0, flush: false));
        Assert.Equal(1, decoder.GetChars([0x9F], 0, 1, chars, 0, flush: true));
        Assert.Equal('亜', chars[0]);
    }

    [Fact]
    public void A_line_that_is_not_shift_jis_is_named()
    {
        var bytes = Encoding.ASCII.GetBytes("a,b\r\nc,d\r\n").Concat(new byte[] { 0x85, 0x40, 0x0D, 0x0A }).ToArray();

        var file = new UploadedFile("bad.csv", bytes);

        Assert.Equal(FileEncodings.ShiftJis, file.EncodingId);
        Assert.Equal(3, file.FirstUnreadableLine());
    }

    [Fact]
    public void A_doorkeeper_workbook_is_read_from_its_first_sheet()
    {
        var file = new UploadedFile("doorkeeper-participants.xlsx", PlatformFile("doorkeeper-participants.xlsx"));

        Assert.True(file.IsWorkbook);
        Assert.False(file.IsUnreadableWorkbook);
        Assert.Null(file.FirstUnreadableLine());
        using var text = file.OpenText();
        var sample = CsvSample.Read(text, 20);
        Assert.Equal(["チケット", "名前", "メールアドレス", "ステータス", "申込日時", "チェックイン日時"], sample.Headers);
        Assert.Equal(4, sample.Rows.Count);
        Assert.Equal("髙橋 健", sample.ExampleOf("名前"));
        Assert.Equal("", sample.Rows[2][5]); // Jun did not check in: an empty cell, even where the sheet has none
    }

    [Fact]
    public void A_broken_workbook_is_unreadable_not_an_exception()
    {
        var file = new UploadedFile("broken.xlsx", [.. "PK\u0003\u0004not a zip"u8]);

        Assert.True(file.IsUnreadableWorkbook);
        Assert.Equal(1, file.FirstUnreadableLine());
    }

    [Fact]
    public void Each_withdrawn_connpass_user_is_a_person_of_their_own_and_the_same_again_on_a_second_read()
    {
        var first = Parse("connpass-event-1.csv", ImportSources.Connpass, "2025-01-22T19:30");
        var again = Parse("connpass-event-1.csv", ImportSources.Connpass, "2025-01-22T19:30");
        var other = Parse("connpass-event-2.csv", ImportSources.Connpass, "2025-02-26T19:30");

        var withdrawn = first.Rows.Where(r => AccountAddress.IsWithdrawn(r.Email)).ToList();
        Assert.Equal(2, withdrawn.Count);
        Assert.NotEqual(withdrawn[0].Email, withdrawn[1].Email);
        Assert.All(withdrawn, r => Assert.Null(r.Name));
        Assert.Equal(first.Rows.Select(r => r.Email), again.Rows.Select(r => r.Email));
        var later = Assert.Single(other.Rows, r => AccountAddress.IsWithdrawn(r.Email));
        Assert.DoesNotContain(later.Email, withdrawn.Select(r => r.Email));
        Assert.StartsWith("(withdrawn user ", AccountAddress.Display(later.Email), StringComparison.Ordinal);
    }

    [Fact]
    public void A_connpass_list_with_an_email_question_matches_people_by_account_and_keeps_the_email()
    {
        var file = new UploadedFile("connpass-event-1.csv", PlatformFile("connpass-event-1.csv"));
        var headers = Headers(file);

        var guessed = ColumnMapping.Guess(headers);
        var missing = MissingColumns.Guess(headers, saved: null);
        var rows = Parse("connpass-event-1.csv", ImportSources.Connpass, "2025-01-22T19:30").Rows;

        Assert.Equal("連絡先メールアドレス（任意）", guessed.SourceOf(ImportFields.Email));
        Assert.Equal(("ユーザー名", "connpass", true), (missing.AccountColumn, missing.Site, missing.ByAccount));
        Assert.Equal(("takahashi_k@connpass.invalid", "takahashi@example.jp"), (rows[0].Email, rows[0].ContactEmail));
        Assert.Equal<(string, string?)>(("yamazaki@connpass.invalid", null), (rows[1].Email, rows[1].ContactEmail));
    }

    [Fact]
    public void A_meetup_export_is_recognised_its_member_title_is_no_session_title_and_its_site_is_meetup()
    {
        var headers = Headers(new UploadedFile("meetup-attendees.csv", PlatformFile("meetup-attendees.csv")));

        var guessed = ColumnMapping.Guess(headers);
        var missing = MissingColumns.Guess(headers, saved: null);

        Assert.Equal(ImportSources.Meetup, ImportSources.Detect(headers));
        Assert.Null(guessed.SourceOf(ImportFields.SessionTitle));
        Assert.Equal(("Name", "RSVP", "Attendance"), (guessed.SourceOf(ImportFields.Name), guessed.SourceOf(ImportFields.Rsvp), guessed.SourceOf(ImportFields.Attended)));
        Assert.Equal(("User ID", "meetup"), (missing.AccountColumn, missing.Site));
        var rows = Parse("meetup-attendees.csv", ImportSources.Meetup, "2025-04-23T19:30").Rows;
        Assert.Equal("user%20111111111@meetup.invalid", rows[0].Email);
        Assert.Equal("user 111111111 (meetup)", AccountAddress.Display(rows[0].Email));
    }

    [Theory]
    [InlineData("meetup.com", "meetup")]
    [InlineData(" https://connpass.com/ ", "connpass")]
    [InlineData("www.meetup.com", "meetup")]
    [InlineData("connpass", "connpass")]
    public void A_site_typed_as_a_domain_stands_for_its_name(string typed, string site)
    {
        Assert.Equal(site, new MissingColumns { Site = typed }.Site);
    }

    [Theory]
    [InlineData("connpass-event-1.csv", "出席日時", "2025-01-22", 19, 30)]
    [InlineData("connpass-event-2.csv", "出席日時", "2025-02-26", 19, 30)]
    [InlineData("luma-guests.csv", "checked_in_at", "2025-03-26", 19, 30)]
    [InlineData("doorkeeper-participants.xlsx", "チェックイン日時", "2025-05-28", 19, 30)]
    public void Check_in_times_suggest_the_start_of_a_session_the_file_does_not_name(string fixture, string column, string date, int hour, int minute)
    {
        var file = new UploadedFile(fixture, PlatformFile(fixture));
        var missing = MissingColumns.Guess(Headers(file), saved: null);
        using var text = file.OpenText();

        var suggestion = CheckInTimes.Suggest(text, column, Tokyo);

        Assert.Equal(column, missing.CheckInColumn);
        Assert.Equal(new SessionSuggestion(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new TimeSpan(hour, minute, 0)), suggestion);
        missing.SuggestStart(suggestion);
        Assert.True(missing.StartSuggested);
    }

    [Fact]
    public void Check_in_times_are_kept_with_the_rows_that_came()
    {
        var connpass = Parse("connpass-event-1.csv", ImportSources.Connpass, "2025-01-22T19:30").Rows;
        var luma = Parse("luma-guests.csv", ImportSources.Luma, "2025-03-26T19:30").Rows;

        Assert.Equal(new DateTime(2025, 1, 22, 10, 18, 0, DateTimeKind.Utc), connpass[0].CheckedInAt);
        Assert.Null(connpass[5].CheckedInAt); // waitlisted, did not come
        Assert.Equal(new DateTime(2025, 3, 26, 10, 31, 0, DateTimeKind.Utc), luma[1].CheckedInAt);
        Assert.Null(luma[2].CheckedInAt);
    }

    [Fact]
    public void A_file_of_many_bad_lines_lists_the_first_thousand_problems_and_counts_them_all()
    {
        var csv = new StringBuilder("session_start,email,attended\n");
        for (var i = 0; i < 2_000; i++)
        {
            csv.Append("x,y,z\n");
        }

        var parsed = ImportParser.Parse(new StringReader(csv.ToString()), ColumnMapping.Canonical, Tokyo);

        Assert.False(parsed.IsValid);
        Assert.Equal(ImportErrors.Cap, parsed.Errors.Count);
        Assert.Equal(6_000, parsed.ErrorCount);
        Assert.Empty(parsed.Rows);
    }
}
