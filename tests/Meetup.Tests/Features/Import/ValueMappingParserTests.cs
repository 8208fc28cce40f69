using System.Text;
using Meetup.Data.Entities;
using Meetup.Web.Features.Import;

namespace Meetup.Tests.Features.Import;

/// <summary>The parser with the organizer's answer to "what do this file's values mean?".</summary>
public class ValueMappingParserTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    // A connpass participant list (its own columns, plus a questionnaire's e-mail and the organizer's session date).
    private const string Connpass = """
        参加枠名,ユーザー名,表示名,利用ID,メールアドレス,参加ステータス,出欠ステータス,受付番号,更新日時,開催日時
        一般枠,taro_y,山田 太郎,1001,taro@example.com,参加,出席,1,2018年8月30日 10時00分,2018-09-02 14:00
        一般枠,hanako,佐藤 花子,1002,hanako@example.com,参加,,2,2018年8月30日 11時00分,2018-09-02 14:00
        一般枠,jiro,鈴木 次郎,1003,jiro@example.com,補欠,,3,2018年8月31日 09時00分,2018-09-02 14:00
        LT枠,ken,Ken,1004,ken@example.com,キャンセル,,4,2018年9月1日 20時00分,2018-09-02 14:00
        """;

    private const string Luma = """
        api_id,name,first_name,last_name,email,created_at,approval_status,checked_in_at,starts_at
        gst-1,Ada Lovelace,Ada,Lovelace,ada@example.com,2024-04-01T10:00:00.000Z,approved,2024-05-01T10:05:31.123Z,2024-05-01T19:00+09:00
        gst-2,Grace Hopper,Grace,Hopper,grace@example.com,2024-04-02T10:00:00.000Z,approved,,2024-05-01T19:00+09:00
        gst-3,Alan Turing,Alan,Turing,alan@example.com,2024-04-03T10:00:00.000Z,waitlist,,2024-05-01T19:00+09:00
        gst-4,Edsger Dijkstra,Edsger,Dijkstra,edsger@example.com,2024-04-04T10:00:00.000Z,declined,,2024-05-01T19:00+09:00
        gst-5,Barbara Liskov,Barbara,Liskov,barbara@example.com,2024-04-05T10:00:00.000Z,pending_approval,2024-05-01T10:20:00.000Z,2024-05-01T19:00+09:00
        """;

    private static ColumnMapping ConnpassMapping(IReadOnlyList<string> headers, Dictionary<string, string>? rsvp = null) => new(
        ColumnMapping.Guess(headers).Sources.ToDictionary(p => p.Key, p => (string?)p.Value),
        new Dictionary<string, ValueMapping>
        {
            [ImportFields.Rsvp] = new(rsvp ?? new() { ["参加"] = "confirmed", ["補欠"] = "waitlisted", ["キャンセル"] = "cancelled" }),
            [ImportFields.Attended] = new(new Dictionary<string, string> { ["出席"] = "yes", [""] = "no" }),
        });

    private static ColumnMapping LumaMapping(Dictionary<string, string> rsvp) => new(
        new Dictionary<string, string?>
        {
            [ImportFields.SessionStart] = "starts_at",
            [ImportFields.Email] = "email",
            [ImportFields.Name] = "name",
            [ImportFields.Rsvp] = "approval_status",
            [ImportFields.Attended] = "checked_in_at",
        },
        new Dictionary<string, ValueMapping>
        {
            [ImportFields.Rsvp] = new(rsvp),
            [ImportFields.Attended] = ValueMapping.FilledMeansAttended,
        });

    private static readonly Dictionary<string, string> LumaRsvp = new()
    {
        ["approved"] = "confirmed",
        ["waitlist"] = "waitlisted",
        ["declined"] = "cancelled",
        ["pending_approval"] = "none",
    };

    /// <summary>The bytes as the upload hands them over: UTF-8 with a byte order mark, read like <c>UploadedFile</c>.</summary>
    private static StreamReader WithBom(string csv)
        => new(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]),
            new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    [Fact]
    public void A_connpass_list_with_a_byte_order_mark_reads_its_japanese_statuses_through_the_value_mapping()
    {
        var headers = ImportParser.ReadHeaders(WithBom(Connpass));

        var result = ImportParser.Parse(WithBom(Connpass), ConnpassMapping(headers), Tokyo);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("参加枠名", result.Headers[0]); // the BOM is not part of the first header
        Assert.Equal(
            [
                ("taro@example.com", "山田 太郎", ImportRsvp.Confirmed, true),
                ("hanako@example.com", "佐藤 花子", ImportRsvp.Confirmed, false),
                ("jiro@example.com", "鈴木 次郎", ImportRsvp.Waitlisted, false),
                ("ken@example.com", "Ken", ImportRsvp.Cancelled, false),
            ],
            result.Rows.Select(r => (r.Email, r.Name, r.Rsvp, r.Attended)));
        Assert.All(result.Rows, r => Assert.Equal(new DateTime(2018, 9, 2, 5, 0, 0, DateTimeKind.Utc), r.SessionStart));
    }

    [Fact]
    public void A_luma_guest_list_reads_approval_statuses_and_a_check_in_time_as_attended()
    {
        var result = ImportParser.Parse(new StringReader(Luma), LumaMapping(LumaRsvp), Tokyo);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(
            [
                ("ada@example.com", ImportRsvp.Confirmed, true),
                ("grace@example.com", ImportRsvp.Confirmed, false),
                ("alan@example.com", ImportRsvp.Waitlisted, false),
                ("edsger@example.com", ImportRsvp.Cancelled, false),
                ("barbara@example.com", ImportRsvp.None, true), // checked in at the door without an approved RSVP
            ],
            result.Rows.Select(r => (r.Email, r.Rsvp, r.Attended)));
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), result.Rows[0].SessionStart);
    }

    [Fact]
    public void A_value_the_mapping_does_not_cover_is_still_an_error_with_its_line_and_column()
    {
        var withoutDeclined = LumaRsvp.Where(p => p.Key != "declined").ToDictionary();

        var result = ImportParser.Parse(new StringReader(Luma), LumaMapping(withoutDeclined), Tokyo);

        var error = Assert.Single(result.Errors);
        Assert.Equal((5, "approval_status"), (error.Line, error.Column));
        Assert.Contains("'declined' is not an RSVP status", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Rows); // a bad file keeps its problems, not its rows: nothing of it is written
    }

    [Fact]
    public void An_empty_attended_cell_is_still_required_unless_the_mapping_says_what_it_means()
    {
        var headers = ImportParser.ReadHeaders(new StringReader(Connpass));
        var sources = ColumnMapping.Guess(headers).Sources.ToDictionary(p => p.Key, p => (string?)p.Value);
        var onlyPresent = new ColumnMapping(sources, new Dictionary<string, ValueMapping>
        {
            [ImportFields.Rsvp] = new(new Dictionary<string, string> { ["参加"] = "confirmed", ["補欠"] = "waitlisted", ["キャンセル"] = "cancelled" }),
            [ImportFields.Attended] = new(new Dictionary<string, string> { ["出席"] = "yes" }),
        });

        var result = ImportParser.Parse(new StringReader(Connpass), onlyPresent, Tokyo);

        Assert.Equal([(3, "出欠ステータス"), (4, "出欠ステータス"), (5, "出欠ステータス")], result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Mapped_values_match_whatever_their_case_width_and_surrounding_spaces()
    {
        var mapping = new ColumnMapping(
            new Dictionary<string, string?> { [ImportFields.SessionStart] = "When", [ImportFields.Email] = "Mail", [ImportFields.Attended] = "Checked in" },
            new Dictionary<string, ValueMapping> { [ImportFields.Attended] = new(new Dictionary<string, string> { ["Checked In"] = "yes", ["Not yet"] = "no" }) });

        var result = ImportParser.Parse(new StringReader("When,Mail,Checked in\n2018-09-02T14:00,a@example.com, ＣＨＥＣＫＥＤ ＩＮ \n2018-09-02T14:00,b@example.com,NOT YET\n2018-09-02T14:00,c@example.com,yes\n"), mapping, Tokyo);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal([true, false, true], result.Rows.Select(r => r.Attended)); // canonical values still read without a mapping
    }

    [Fact]
    public void Session_status_and_format_values_map_too()
    {
        var mapping = new ColumnMapping(
            new Dictionary<string, string?>
            {
                [ImportFields.SessionStart] = "開催日時",
                [ImportFields.SessionFormat] = "開催形式",
                [ImportFields.SessionStatus] = "状態",
                [ImportFields.Email] = "メール",
                [ImportFields.Attended] = "出欠",
            },
            new Dictionary<string, ValueMapping>
            {
                [ImportFields.SessionFormat] = new(new Dictionary<string, string> { ["オンライン"] = "online", ["会場"] = "in_person" }),
                [ImportFields.SessionStatus] = new(new Dictionary<string, string> { ["開催"] = "held", ["中止"] = "cancelled" }),
            });

        var result = ImportParser.Parse(new StringReader("開催日時,開催形式,状態,メール,出欠\n2018-09-02 14:00,オンライン,開催,a@example.com,yes\n2018-09-09 14:00,会場,中止,a@example.com,no\n"), mapping, Tokyo);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal([(SessionFormat.Online, SessionStatus.Published), (SessionFormat.InPerson, SessionStatus.Cancelled)],
            result.Rows.Select(r => (r.SessionFormat, r.SessionStatus)));
    }

    [Fact]
    public void A_value_mapping_must_lead_to_a_value_of_the_format()
    {
        var sources = new Dictionary<string, string?> { [ImportFields.Rsvp] = "Status" };

        Assert.Throws<ArgumentException>(() => new ColumnMapping(sources, new Dictionary<string, ValueMapping>
        {
            [ImportFields.Rsvp] = new(new Dictionary<string, string> { ["going"] = "maybe" }),
        }));
        Assert.Throws<ArgumentException>(() => new ColumnMapping(sources, new Dictionary<string, ValueMapping>
        {
            [ImportFields.Email] = new(new Dictionary<string, string> { ["x"] = "y" }),
        }));
        Assert.Throws<ArgumentException>(() => new ColumnMapping(sources, new Dictionary<string, ValueMapping>
        {
            [ImportFields.Rsvp] = ValueMapping.FilledMeansAttended, // only "attended" is a yes or no
        }));
    }

    [Fact]
    public void The_canonical_mapping_translates_nothing()
    {
        Assert.Empty(ColumnMapping.Canonical.Values);
        Assert.Null(ColumnMapping.Canonical.ValuesOf(ImportFields.Attended));
    }
}
