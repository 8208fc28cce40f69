using System.Net;
using System.Net.Http.Json;
using System.Text;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Retention;
using Meetup.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using static Meetup.Tests.Features.Import.HistoryApi;

namespace Meetup.Tests.Features.Import;

/// <summary>POST /api/events/{id}/import and GET /api/events/{id}/attendance.csv on real databases.</summary>
public class ImportApiTests
{
    private static async Task<ImportResult> ImportOkAsync(HttpClient client, int eventId, string csv)
    {
        var response = await ImportAsync(client, eventId, csv);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportResult>())!;
    }

    private static async Task<(int Sessions, int Attendees, int Rsvps, int CheckIns)> CountRowsAsync(TestApp app)
    {
        await using var db = app.Factory.CreateDbContext();
        return (await db.Sessions.CountAsync(), await db.Attendees.CountAsync(), await db.Rsvps.CountAsync(), await db.CheckIns.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Importing_the_worked_example_reports_what_it_wrote(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        var result = await ImportOkAsync(client, eventId, ExampleCsv());

        // 8 sessions; 13 people once emails are normalized (full-width and padded ones included).
        Assert.Equal(new ImportResult(SessionsCreated: 8, SessionsUpdated: 0, AttendeesCreated: 13, RsvpsWritten: 37, CheckInsWritten: 28), result);
        await using var db = app.Factory.CreateDbContext();
        Assert.All(await db.CheckIns.ToListAsync(), c => Assert.Equal(CheckInMethod.Import, c.Method));
        var cancelled = await db.Sessions.SingleAsync(s => s.Title == "日曜特別回 Sunday special");
        Assert.Equal(SessionStatus.Cancelled, cancelled.Status);
        Assert.Equal(new DateTime(2018, 10, 7, 5, 0, 0, DateTimeKind.Utc), cancelled.StartsAt);
        var kata = await db.Sessions.SingleAsync(s => s.Title == "Kata Containers");
        Assert.Equal(SessionFormat.Hybrid, kata.Format);
        Assert.Equal(["ja", "zh"], kata.Languages);
        Assert.Equal("高远 (Gao Yuan)", (await db.Attendees.SingleAsync(a => a.Email == "gao@example.com")).DisplayName);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Importing_the_same_file_again_writes_nothing_and_leaves_the_report_unchanged(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        await ImportOkAsync(client, eventId, ExampleCsv());
        var before = await client.GetStringAsync($"/api/events/{eventId}/retention");
        var rowsBefore = await CountRowsAsync(app);

        var again = await ImportOkAsync(client, eventId, ExampleCsv());

        Assert.Equal(new ImportResult(0, 0, 0, 0, 0), again);
        Assert.Equal(rowsBefore, await CountRowsAsync(app));
        Assert.Equal(before, await client.GetStringAsync($"/api/events/{eventId}/retention"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_with_bad_rows_is_refused_whole_with_every_line_and_column(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        const string csv = """
            session_start,session_title,session_format,email,name,rsvp,attended
            2018-09-02T14:00,Good row,in_person,good@example.com,Good,confirmed,yes
            2018-09-31T14:00,Bad date,in_person,a@example.com,A,confirmed,yes
            2018-09-02T14:00,Bad email,in_person,not-an-email,B,confirmed,yes
            2018-09-02T14:00,Unknown values,webinar,c@example.com,C,maybe,perhaps
            """;

        var response = await ImportAsync(client, eventId, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response))["errors"]!.AsArray()
            .Select(e => (e!["line"]!.GetValue<int>(), e["column"]!.GetValue<string>()))
            .ToList();
        Assert.Equal([(3, "session_start"), (4, "email"), (5, "session_format"), (5, "rsvp"), (5, "attended")], errors);
        Assert.Equal((0, 0, 0, 0), await CountRowsAsync(app));
    }

    [Fact]
    public async Task Every_error_says_why_in_words()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        var response = await ImportAsync(client, eventId, "session_start,email,attended\n2018-09-31T14:00,a@example.com,yes\n");

        var error = (await JsonAsync(response))["errors"]![0]!;
        Assert.Contains("2018-09-31T14:00", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ISO 8601", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_missing_required_column_is_reported_on_the_header_line_and_nothing_is_written(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        var response = await ImportAsync(client, eventId, "session_start,email,rsvp\n2018-09-02T14:00,a@example.com,confirmed\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await JsonAsync(response))["errors"]!.AsArray());
        Assert.Equal(1, error!["line"]!.GetValue<int>());
        Assert.Equal("attended", error["column"]!.GetValue<string>());
        Assert.Equal((0, 0, 0, 0), await CountRowsAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Export_then_import_into_a_new_event_gives_the_identical_report(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var original = await CreateEventAsync(app, "original");
        await ImportOkAsync(client, original, ExampleCsv());

        var export = await client.GetAsync($"/api/events/{original}/attendance.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var copy = await CreateEventAsync(app, "copy");
        var result = await ImportOkAsync(client, copy, await export.Content.ReadAsStringAsync());

        Assert.Equal(new ImportResult(8, 0, 0, 37, 28), result); // the same people: none created
        var expected = await JsonAsync(await client.GetAsync($"/api/events/{original}/retention"));
        var actual = await JsonAsync(await client.GetAsync($"/api/events/{copy}/retention"));
        ReportJson.AssertMatches(WithoutIds(expected), WithoutIds(actual));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Export_keeps_the_anonymous_attendance_of_erased_people(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var original = await CreateEventAsync(app, "original");
        await ImportOkAsync(client, original, ExampleCsv());
        await using (var db = app.Factory.CreateDbContext())
        {
            var alice = await db.Attendees.SingleAsync(a => a.Email == "alice@example.com");
            (alice.Email, alice.DisplayName, alice.ErasedAt) = (null, null, ExampleNow.UtcDateTime);
            await db.SaveChangesAsync();
        }

        var exported = await client.GetStringAsync($"/api/events/{original}/attendance.csv");
        Assert.DoesNotContain("alice", exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("王丽", exported, StringComparison.Ordinal);
        // Into the same event: the placeholder finds the same anonymous person, so nothing doubles.
        Assert.Equal(new ImportResult(0, 0, 0, 0, 0), await ImportOkAsync(client, original, exported));
        var copy = await CreateEventAsync(app, "copy");
        await ImportOkAsync(client, copy, exported);

        var expected = await JsonAsync(await client.GetAsync($"/api/events/{original}/retention"));
        var actual = await JsonAsync(await client.GetAsync($"/api/events/{copy}/retention"));
        ReportJson.AssertMatches(WithoutIds(expected), WithoutIds(actual));
        Assert.Equal(11, actual["overall"]!["uniqueAttendees"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Imported_rsvps_keep_their_status_beyond_capacity_and_the_waitlist_is_numbered_in_file_order(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        var rows = new StringBuilder("session_start,email,rsvp,attended\n");
        for (var i = 1; i <= 40; i++)
        {
            rows.Append(CultureInfoInvariant($"2018-09-02T14:00,p{i}@example.com,confirmed,yes\n"));
        }
        rows.Append("2018-09-02T14:00,w3@example.com,waitlisted,no\n")
            .Append("2018-09-02T14:00,w1@example.com,waitlisted,no\n")
            .Append("2018-09-02T14:00,gone@example.com,cancelled,no\n");

        await ImportOkAsync(client, eventId, rows.ToString());

        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(30, (await db.Sessions.SingleAsync()).Capacity); // the event's default; history ignores it
        Assert.Equal(40, await db.Rsvps.CountAsync(r => r.Status == RsvpStatus.Confirmed));
        var waitlist = await db.Rsvps.Where(r => r.Status == RsvpStatus.Waitlisted)
            .OrderBy(r => r.WaitlistPosition).Select(r => new { r.Attendee!.Email, r.WaitlistPosition }).ToListAsync();
        Assert.Equal(["w3@example.com", "w1@example.com"], waitlist.Select(w => w.Email));
        Assert.Equal([1, 2], waitlist.Select(w => w.WaitlistPosition!.Value));
        Assert.Null((await db.Rsvps.SingleAsync(r => r.Status == RsvpStatus.Cancelled)).WaitlistPosition);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_corrected_file_updates_sessions_and_rsvps_and_renumbers_the_waitlist(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        await ImportOkAsync(client, eventId, """
            session_start,session_title,email,rsvp,attended
            2018-09-02T14:00,Typo,a@example.com,waitlisted,no
            2018-09-02T14:00,Typo,b@example.com,waitlisted,no
            2018-09-02T14:00,Typo,c@example.com,waitlisted,no
            """);

        var result = await ImportOkAsync(client, eventId, """
            session_start,session_title,email,rsvp,attended
            2018-09-02T14:00,Kubernetes 入門 #1,a@example.com,confirmed,yes
            """);

        // a's RSVP changed; b and c moved up the waitlist.
        Assert.Equal(new ImportResult(0, 1, 0, 3, 1), result);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal("Kubernetes 入門 #1", (await db.Sessions.SingleAsync()).Title);
        var rsvps = await db.Rsvps.OrderBy(r => r.Attendee!.Email)
            .Select(r => new { r.Status, r.WaitlistPosition }).ToListAsync();
        Assert.Equal(RsvpStatus.Confirmed, rsvps[0].Status);
        Assert.Null(rsvps[0].WaitlistPosition);
        Assert.Equal([1, 2], rsvps.Skip(1).Select(r => r.WaitlistPosition!.Value));
    }

    [Fact]
    public async Task Attended_no_never_removes_a_recorded_check_in()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        await ImportOkAsync(client, eventId, "session_start,email,attended\n2018-09-02T14:00,a@example.com,yes\n");

        var result = await ImportOkAsync(client, eventId, "session_start,email,attended\n2018-09-02T14:00,a@example.com,no\n");

        Assert.Equal(new ImportResult(0, 0, 0, 0, 0), result);
        Assert.Equal((1, 1, 0, 1), await CountRowsAsync(app));
    }

    [Fact]
    public async Task A_file_with_only_a_header_imports_nothing()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        Assert.Equal(new ImportResult(0, 0, 0, 0, 0), await ImportOkAsync(client, eventId, "session_start,email,attended\n"));
    }

    [Fact]
    public async Task Import_into_an_unknown_event_gets_404()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();

        var response = await ImportAsync(client, 4242, ExampleCsv());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_json_body_gets_415_and_a_file_in_no_encoding_the_api_reads_gets_400()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        var json = await client.PostAsJsonAsync($"/api/events/{eventId}/import", new { rows = 1 });
        // "出欠" in Shift_JIS, as an old Excel saves it: read as Shift_JIS now, and refused as no yes/no.
        var shiftJis = new ByteArrayContent([.. "session_start,email,attended\n2018-09-02T14:00,a@example.com,"u8, 0x8F, 0x6F, 0x8C, 0x87, (byte)'\n']);
        shiftJis.Headers.ContentType = new("text/csv");
        var read = await client.PostAsync($"/api/events/{eventId}/import", shiftJis);
        // Bytes neither UTF-8 nor Shift_JIS (row 0x85 of Shift_JIS is empty).
        var neither = new ByteArrayContent([.. "session_start,email,attended\n2018-09-02T14:00,a@example.com,"u8, 0x85, 0x40, (byte)'\n']);
        neither.Headers.ContentType = new("text/csv");
        var unreadable = await client.PostAsync($"/api/events/{eventId}/import", neither);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        Assert.Contains("'出欠' is not yes or no", (string)(await JsonAsync(read))["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        var problem = await JsonAsync(unreadable);
        Assert.Equal(2, (int)problem["errors"]![0]!["line"]!);
        Assert.Contains("neither UTF-8 nor Shift_JIS", (string)problem["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountRowsAsync(app));
    }

    [Fact]
    public async Task A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ExampleCsv().ReplaceLineEndings("\r\n"))]);
        content.Headers.ContentType = new("text/csv");

        var response = await client.PostAsync($"/api/events/{eventId}/import", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(8, (await response.Content.ReadFromJsonAsync<ImportResult>())!.SessionsCreated);
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
