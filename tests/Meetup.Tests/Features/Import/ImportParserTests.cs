using Meetup.Data.Entities;
using Meetup.Web.Features.Import;

namespace Meetup.Tests.Features.Import;

public class ImportParserTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static ImportParseResult Parse(string csv, ColumnMapping? mapping = null, TimeZoneInfo? zone = null, int? maxRows = null)
        => ImportParser.Parse(new StringReader(csv), mapping ?? ColumnMapping.Canonical, zone ?? Tokyo, maxRows);

    private static (int Line, string? Column)[] Where(ImportParseResult result) => [.. result.Errors.Select(e => (e.Line, e.Column))];

    [Fact]
    public void The_worked_example_parses_into_one_row_per_line_read_in_the_event_time_zone()
    {
        var result = Parse(HistoryApi.ExampleCsv());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(40, result.Rows.Count);
        var first = result.Rows[0];
        Assert.Equal(2, first.Line);
        Assert.Equal(new DateTime(2018, 9, 2, 5, 0, 0, DateTimeKind.Utc), first.SessionStart);
        Assert.Equal(DateTimeKind.Utc, first.SessionStart.Kind);
        Assert.Equal(("Kubernetes 入門 #1", SessionFormat.InPerson, SessionStatus.Published), (first.SessionTitle, first.SessionFormat, first.SessionStatus));
        Assert.Equal(("alice@example.com", "王丽 (Wang Li)", ImportRsvp.Confirmed, true), (first.Email, first.Name, first.Rsvp, first.Attended));
        Assert.Equal(["ja", "zh"], result.Rows.Single(r => r.Line == 15).SessionLanguages);
        Assert.Equal("gao@example.com", result.Rows.Single(r => r.Line == 18).Email); // full-width in the file
        Assert.Equal("alice@example.com", result.Rows.Single(r => r.Line == 8).Email); // " Alice@Example.com "
        Assert.Equal("Ingress 勉強会: Envoy, Kong, Traefik & NginxPlus", result.Rows.Single(r => r.Line == 39).SessionTitle);
    }

    [Theory]
    [InlineData("2018-09-02T14:00+09:00", 5)]
    [InlineData("2018-09-02T14:00+02:00", 12)]
    [InlineData("2018-09-02T05:00Z", 5)]
    [InlineData("2018-09-02T14:00:00", 5)]
    [InlineData("2018-09-02 14:00", 5)]
    [InlineData("2018/9/2 14:00", 5)]
    [InlineData("2018/09/02 14:00", 5)] // connpass's 更新日時 as Excel in Japan shows it
    [InlineData("2018-09-02 14:00:00", 5)]
    [InlineData("2018年9月2日 14時00分", 5)] // connpass's own export
    [InlineData("2018年9月2日 14:00", 5)]
    [InlineData("2018-09-02T05:00:00.000Z", 5)] // Luma
    public void Start_times_are_local_to_the_event_unless_they_carry_an_offset(string start, int utcHour)
    {
        var result = Parse($"session_start,email,attended\n{start},a@example.com,yes\n");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new DateTime(2018, 9, 2, utcHour, 0, 0, DateTimeKind.Utc), Assert.Single(result.Rows).SessionStart);
    }

    [Fact]
    public void A_local_time_the_clocks_skip_is_an_error()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var result = Parse("session_start,email,attended\n2019-03-10T02:30,a@example.com,yes\n", zone: newYork);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "session_start"), (error.Line, error.Column));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("0001-01-01T00:00+09:00")]
    [InlineData("9999-12-31T23:59")]
    public void A_year_no_study_group_met_in_is_an_error_not_a_crash(string start)
    {
        var error = Assert.Single(Parse($"session_start,email,attended\n{start},a@example.com,yes\n").Errors);

        Assert.Equal((2, "session_start"), (error.Line, error.Column));
    }

    [Fact]
    public void Every_bad_cell_is_reported_not_only_the_first()
    {
        const string csv = """
            session_start,session_format,session_status,email,name,rsvp,attended
            2018-09-02,online,held,a@example.com,A,confirmed,yes
            2018-09-02T14:00,webinar,postponed,a@,A,maybe,perhaps
            ,,,,,,
            2018-09-02T14:00,online,held,,A,none,
            """;

        var result = Parse(csv);

        Assert.Empty(result.Rows);
        Assert.Equal(
            [(2, "session_start"), (3, "session_format"), (3, "session_status"), (3, "email"), (3, "rsvp"), (3, "attended"), (5, "email"), (5, "attended")],
            Where(result));
    }

    [Fact]
    public void Line_numbers_count_the_lines_inside_quoted_values()
    {
        // The two-line value sits in a column the import ignores: titles and names are one line (TextRules).
        const string csv = "session_start,session_title,email,attended,note\n"
            + "2018-09-02T14:00,Title,a@example.com,yes,\"Two\nlines\"\n"
            + "2018-09-02T14:00,x,bad,yes,\n";

        var result = Parse(csv);

        Assert.Equal([(4, "email")], Where(result));
        Assert.Empty(result.Rows); // a bad file keeps its problems, not its rows: nothing of it is written
        Assert.Equal("Title", Assert.Single(Parse(csv[..csv.LastIndexOf("2018", StringComparison.Ordinal)]).Rows).SessionTitle);
    }

    [Fact]
    public void A_date_the_reader_cannot_read_is_told_the_formats_it_does_read()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        Assert.False(SessionStartText.TryParse("2nd of September", tokyo, out _, out var error));

        // The examples the error gives (the same as the screen's field help) are read.
        foreach (var example in new[] { "2018-09-02 14:00", "2018年9月2日 14時00分", "2018-09-02T14:00+09:00" })
        {
            Assert.Contains(example, error.English, StringComparison.Ordinal);
            Assert.True(SessionStartText.TryParse(example, tokyo, out _, out _), example);
        }
    }

    [Fact]
    public void Titles_names_and_emails_with_control_characters_are_reported_on_their_line()
    {
        const string csv = "session_start,session_title,email,name,attended\n"
            + "2018-09-02T14:00,\"Two\nlines\",a@example.com,A,yes\n"
            + "2018-09-02T14:00,T,b\u0007@example.com,B,yes\n"
            + "2018-09-02T14:00,T,c@example.com,\"C\0\",yes\n";

        var result = Parse(csv);

        Assert.Equal([(2, "session_title"), (4, "email"), (5, "name")], Where(result));
    }

    [Fact]
    public void Missing_required_columns_are_reported_on_the_header_line()
    {
        var result = Parse("session_title,name\nx,y\n");

        Assert.Equal([(1, "session_start"), (1, "email"), (1, "attended")], Where(result));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void An_empty_file_is_reported_on_line_one()
    {
        var error = Assert.Single(Parse("").Errors);

        Assert.Equal(1, error.Line);
        Assert.Null(error.Column);
    }

    [Fact]
    public void Values_are_trimmed_enumerations_ignore_case_and_unknown_columns_are_ignored()
    {
        const string csv = """
            Attended , EMAIL,session_start,rsvp,session_format,session_status,favourite_colour
             YES ,  a@example.com ,2018-09-02T14:00 , Waitlisted ,ONLINE,Cancelled,blue
            0,b@example.com,2018-09-02T14:00,NONE,Hybrid,HELD,red
            """;

        var result = Parse(csv);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal((true, "a@example.com", ImportRsvp.Waitlisted, SessionFormat.Online, SessionStatus.Cancelled),
            (result.Rows[0].Attended, result.Rows[0].Email, result.Rows[0].Rsvp, result.Rows[0].SessionFormat, result.Rows[0].SessionStatus));
        Assert.Equal((false, ImportRsvp.None, SessionFormat.Hybrid, SessionStatus.Published),
            (result.Rows[1].Attended, result.Rows[1].Rsvp, result.Rows[1].SessionFormat, result.Rows[1].SessionStatus));
    }

    [Fact]
    public void Empty_optional_cells_stay_unknown_so_existing_sessions_keep_their_values()
    {
        var row = Assert.Single(Parse("session_start,session_title,session_format,email,attended\n2018-09-02T14:00,,,a@example.com,1\n").Rows);

        Assert.Equal((null, null, null, null, null), (row.SessionTitle, row.SessionFormat, row.SessionLanguages, row.SessionStatus, row.Name));
    }

    [Fact]
    public void Blank_spreadsheet_rows_are_skipped()
    {
        var result = Parse("session_start,email,attended\n2018-09-02T14:00,a@example.com,yes\n,,\n\n , , \n");

        Assert.True(result.IsValid);
        Assert.Single(result.Rows);
    }

    [Fact]
    public void The_apostrophe_our_exports_put_before_formulas_is_removed()
    {
        var row = Assert.Single(Parse("session_start,session_title,email,name,attended\n2018-09-02T14:00,'=1+1,a@example.com,'@alice,yes\n").Rows);

        Assert.Equal(("=1+1", "@alice"), (row.SessionTitle, row.Name));
    }

    [Fact]
    public void A_broken_quote_is_reported()
    {
        var result = Parse("session_start,session_title,email,attended\n2018-09-02T14:00,\"never closed,a@example.com,yes\n");

        Assert.Contains(result.Errors, e => e.Line == 2 && e.Message.Contains("never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlong_names_and_titles_are_refused_before_the_database_sees_them()
    {
        var result = Parse($"session_start,session_title,email,name,attended\n2018-09-02T14:00,{new string('t', 201)},a@example.com,{new string('n', 201)},yes\n");

        Assert.Equal([(2, "session_title"), (2, "name")], Where(result));
    }

    [Fact]
    public void Another_tools_export_reads_through_a_column_mapping()
    {
        const string csv = """
            参加枠名,ユーザー名,表示名,メールアドレス,参加ステータス,出欠,開催日時
            一般,taro_y,山田 太郎,TARO@example.com,confirmed,yes,2018-09-02 14:00
            """;
        var headers = ImportParser.ReadHeaders(new StringReader(csv));

        var result = Parse(csv, ColumnMapping.Guess(headers));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var row = Assert.Single(result.Rows);
        Assert.Equal(("山田 太郎", "taro@example.com", ImportRsvp.Confirmed, true), (row.Name, row.Email, row.Rsvp, row.Attended));
        Assert.Equal(new DateTime(2018, 9, 2, 5, 0, 0, DateTimeKind.Utc), row.SessionStart);
    }

    [Fact]
    public void Errors_name_the_source_column_of_a_mapping()
    {
        var mapping = new ColumnMapping(new Dictionary<string, string?>
        {
            [ImportFields.SessionStart] = "When",
            [ImportFields.Email] = "Mail",
            [ImportFields.Attended] = "Came",
        });

        var result = Parse("When,Mail,Came\n2018-09-02T14:00,nobody,yes\n", mapping);

        Assert.Equal([(2, "Mail")], Where(result));
    }

    [Fact]
    public void A_preview_reads_only_the_first_rows()
    {
        var result = Parse(HistoryApi.ExampleCsv(), maxRows: 5);

        Assert.Equal(5, result.Rows.Count);
        Assert.Equal(ImportFields.All, result.Headers);
    }
}
