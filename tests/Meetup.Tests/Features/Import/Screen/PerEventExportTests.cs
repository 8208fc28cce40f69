using System.Text;
using Meetup.Testing;
using Meetup.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Import.Screen;

/// <summary>
/// connpass's participant list as it downloads: one event per file, Shift_JIS, no e-mail (unless the
/// organizer asked for one) and no session date. The screen reads it with a start the organizer gives
/// and people known by their connpass user name.
/// </summary>
public class PerEventExportTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTime FirstStart = new(2018, 9, 2, 5, 0, 0, DateTimeKind.Utc); // 14:00 in Tokyo
    private static readonly DateTime SecondStart = new(2018, 10, 7, 5, 0, 0, DateTimeKind.Utc);

    private const string FirstEvent = """
        参加枠名,ユーザー名,表示名,参加ステータス,出欠ステータス,出席日時
        一般枠,taro_y,山田 太郎,参加,出席,2018年9月2日 13時55分
        一般枠,hanako,佐藤 花子,参加,出席,2018年9月2日 14時01分
        一般枠,Jiro,鈴木 次郎,補欠,,
        LT枠,ken,Ken,キャンセル,,
        """;

    // A month later: the same people, their user names typed in other cases and widths.
    private const string SecondEvent = """
        参加枠名,ユーザー名,表示名,参加ステータス,出欠ステータス,出席日時
        一般枠,TARO_Y,山田 太郎,参加,出席,2018年10月7日 13時58分
        一般枠,ｊｉｒｏ,じろう,参加,出席,2018年10月7日 14時02分
        一般枠,hanako,佐藤 花子,参加,,
        """;

    static PerEventExportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The bytes connpass hands over: CP932 with Windows line ends.</summary>
    private static byte[] ShiftJis(string csv) => Encoding.GetEncoding(932).GetBytes(csv.ReplaceLineEndings("\r\n") + "\r\n");

    private static ColumnMapping PerEventMapping(UploadedFile file, DateTime start, string? title = null)
    {
        IReadOnlyList<string> headers;
        using (var text = file.OpenText())
        {
            headers = ImportParser.ReadHeaders(text);
        }
        var guessed = ColumnMapping.Guess(headers);
        Assert.Null(guessed.SourceOf(ImportFields.Email));
        Assert.Null(guessed.SourceOf(ImportFields.SessionStart));
        return new ColumnMapping(
            guessed.Sources.ToDictionary(p => p.Key, p => (string?)p.Value),
            new Dictionary<string, ValueMapping>
            {
                [ImportFields.Rsvp] = new(new Dictionary<string, string> { ["参加"] = "confirmed", ["補欠"] = "waitlisted", ["キャンセル"] = "cancelled" }),
                [ImportFields.Attended] = new(new Dictionary<string, string> { ["出席"] = "yes", [""] = "no" }),
            },
            sessionStart: start,
            accounts: new AccountColumn("ユーザー名", "connpass"),
            sessionTitle: title);
    }

    private static ImportParseResult Parse(UploadedFile file, DateTime start, string? title = null)
    {
        var mapping = PerEventMapping(file, start, title);
        using var text = file.OpenText();
        return ImportParser.Parse(text, mapping, Tokyo);
    }

    [Fact]
    public void A_shift_jis_list_without_email_or_date_reads_as_one_session_of_people_known_by_their_user_name()
    {
        var file = new UploadedFile("connpass.csv", ShiftJis(FirstEvent));

        Assert.Equal(FileEncodings.ShiftJis, file.EncodingId);
        var result = Parse(file, FirstStart);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(
            [
                (2, FirstStart, "taro_y@connpass.invalid", "山田 太郎", ImportRsvp.Confirmed, true),
                (3, FirstStart, "hanako@connpass.invalid", "佐藤 花子", ImportRsvp.Confirmed, true),
                (4, FirstStart, "jiro@connpass.invalid", "鈴木 次郎", ImportRsvp.Waitlisted, false),
                (5, FirstStart, "ken@connpass.invalid", "Ken", ImportRsvp.Cancelled, false),
            ],
            result.Rows.Select(r => (r.Line, r.SessionStart, r.Email, r.Name, r.Rsvp, r.Attended)));
    }

    [Fact]
    public void A_title_given_for_the_file_is_every_rows_session_title()
    {
        var file = new UploadedFile("connpass.csv", ShiftJis(FirstEvent));

        var titled = Parse(file, FirstStart, "Kubernetes 入門 #1");
        var untitled = Parse(file, FirstStart);

        Assert.All(titled.Rows, r => Assert.Equal("Kubernetes 入門 #1", r.SessionTitle));
        Assert.All(untitled.Rows, r => Assert.Null(r.SessionTitle));
        Assert.Throws<ArgumentException>(() => new ColumnMapping(
            new Dictionary<string, string?> { [ImportFields.SessionTitle] = "参加枠名" }, sessionTitle: "Kubernetes 入門 #1"));
    }

    [Fact]
    public void A_row_without_a_user_name_is_reported_under_the_account_column()
    {
        var file = new UploadedFile("connpass.csv", ShiftJis(FirstEvent + "\n一般枠,,名無し,参加,出席,"));

        var result = Parse(file, FirstStart);

        var error = Assert.Single(result.Errors);
        Assert.Equal((6, "ユーザー名"), (error.Line, error.Column));
    }

    [Fact]
    public void Two_lists_of_two_sessions_name_the_same_people_the_same_way()
    {
        var first = Parse(new UploadedFile("first.csv", ShiftJis(FirstEvent)), FirstStart);
        var second = Parse(new UploadedFile("second.csv", ShiftJis(SecondEvent)), SecondStart);

        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(
            ["hanako@connpass.invalid", "jiro@connpass.invalid", "taro_y@connpass.invalid"],
            first.Rows.Select(r => r.Email).Intersect(second.Rows.Select(r => r.Email)).Order(StringComparer.Ordinal));
        Assert.All(second.Rows, r => Assert.Equal(SecondStart, r.SessionStart));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Importing_two_lists_of_one_group_matches_the_same_person_across_sessions(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        using var scope = app.Factory.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<AttendanceImport>();

        foreach (var (csv, start) in new[] { (FirstEvent, FirstStart), (SecondEvent, SecondStart) })
        {
            var file = new UploadedFile("connpass.csv", ShiftJis(csv));
            using var text = file.OpenText();
            var outcome = await import.ImportAsync(eventId, text, PerEventMapping(file, start));
            Assert.Equal(ImportStatus.Imported, outcome.Status);
        }

        await using var db = app.Factory.CreateDbContext();
        Assert.Equal([FirstStart, SecondStart], await db.Sessions.Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToListAsync());
        Assert.Equal(
            ["hanako@connpass.invalid", "jiro@connpass.invalid", "ken@connpass.invalid", "taro_y@connpass.invalid"],
            (await db.Attendees.Select(a => a.Email!).ToListAsync()).Order(StringComparer.Ordinal));
        var cameTwice = await db.CheckIns.GroupBy(c => c.AttendeeId).Where(g => g.Count() == 2).Select(g => g.Key).ToListAsync();
        Assert.Equal(["taro_y@connpass.invalid"], await db.Attendees.Where(a => cameTwice.Contains(a.Id)).Select(a => a.Email!).ToListAsync());
    }
}
