using System.Net;
using System.Text.Json.Nodes;
using Meetup.Testing;
using static Meetup.Tests.Features.Import.HistoryApi;

namespace Meetup.Tests.Features.Retention;

/// <summary>GET /api/events/{id}/retention and retention.csv, on the worked example imported through the API.</summary>
public class RetentionApiTests
{
    // The fields our rows carry beyond expected.json's (docs/api.md).
    private static readonly HashSet<string> Extras = ["sessionId", "attendeeId", "name", "lateCancellations"];

    private static async Task<(TestApp App, HttpClient Client, int EventId)> ImportedExampleAsync(string provider)
    {
        var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        var imported = await ImportAsync(client, eventId, ExampleCsv());
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        return (app, client, eventId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Worked_example_imported_through_the_api_gives_expected_json(string provider)
    {
        var (app, client, eventId) = await ImportedExampleAsync(provider);
        await using var _ = app;

        var response = await client.GetAsync($"/api/events/{eventId}/retention");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ReportJson.AssertMatches(ExpectedReport(), await JsonAsync(response), Extras);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task From_and_to_choose_the_session_rows_and_what_overall_sums(string provider)
    {
        var (app, client, eventId) = await ImportedExampleAsync(provider);
        await using var _ = app;

        var json = await JsonAsync(await client.GetAsync($"/api/events/{eventId}/retention?from=2018-09-12&to=2018-10-10"));

        var expected = ExpectedReport();
        var rows = expected["sessions"]!.AsArray().Skip(1).Take(3).Select(r => r!.DeepClone()).ToArray();
        ReportJson.AssertMatches(new JsonArray(rows), json["sessions"], Extras);
        Assert.Equal(3, json["overall"]!["countedSessions"]!.GetValue<int>());
        Assert.Equal(9, json["overall"]!["uniqueAttendees"]!.GetValue<int>());
        Assert.Equal(12.0 / 18, json["overall"]!["returnRate"]!.GetValue<double>(), ReportJson.Tolerance);
        ReportJson.AssertMatches(expected["cohorts"], json["cohorts"], Extras);
    }

    [Fact]
    public async Task A_range_bounded_on_one_side_keeps_the_sessions_from_that_day_on()
    {
        var (app, client, eventId) = await ImportedExampleAsync("Sqlite");
        await using var _ = app;

        // Session 4 starts 2018-10-10 19:30 in Tokyo (10:30 UTC): local dates decide.
        var json = await JsonAsync(await client.GetAsync($"/api/events/{eventId}/retention?from=2018-10-10"));

        Assert.Equal([4, 5], json["sessions"]!.AsArray().Select(r => r!["index"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("from=2018-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2018-10-10&to=2018-09-01", "to")]
    public async Task A_bad_date_gets_a_validation_problem_naming_the_field(string query, string field)
    {
        var (app, client, eventId) = await ImportedExampleAsync("Sqlite");
        await using var _ = app;

        foreach (var path in new[] { "retention", "retention.csv" })
        {
            var response = await client.GetAsync($"/api/events/{eventId}/{path}?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull((await JsonAsync(response))["errors"]![field]);
        }
    }

    [Fact]
    public async Task An_unknown_event_gets_404_problem_details()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();

        foreach (var path in new[] { "retention", "retention.csv", "attendance.csv" })
        {
            var response = await client.GetAsync($"/api/events/4242/{path}");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Retention_csv_has_one_row_per_counted_session_with_the_json_figures()
    {
        var (app, client, eventId) = await ImportedExampleAsync("Sqlite");
        await using var _ = app;

        var response = await client.GetAsync($"/api/events/{eventId}/retention.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // a BOM: Excel then reads the Japanese titles as UTF-8
        var records = AttendanceCsv.ParseRecords(System.Text.Encoding.UTF8.GetString(bytes));
        var header = records[0].ToList();
        Assert.Equal(6, records.Count); // header + 5 counted sessions
        string Cell(int row, string column) => records[row][header.IndexOf(column)];
        Assert.Equal("2018-09-02T05:00:00Z", Cell(1, "startsAt"));
        Assert.Equal("2018-09-02 14:00", Cell(1, "localStart"));
        Assert.Equal("Kubernetes 入門 #1", Cell(1, "title"));
        Assert.Equal("5", Cell(1, "attended"));
        Assert.Equal("0.6", Cell(1, "returnRate"));
        Assert.Equal("0.16666666666666666", Cell(1, "noShowRate"));
        Assert.Equal("", Cell(5, "returnRate")); // pending, not 0
        Assert.Equal("Kata Containers", Cell(5, "title"));
    }

    [Fact]
    public async Task Retention_csv_escapes_titles_a_spreadsheet_would_run_as_formulas()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        const string csv = """
            session_start,session_title,email,attended
            2018-09-02T14:00,"=HYPERLINK(""http://evil.example"",""x"")",a@example.com,yes
            2018-09-16T14:00,-1+2,a@example.com,yes
            """;
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(client, eventId, csv)).StatusCode);

        var text = await client.GetStringAsync($"/api/events/{eventId}/retention.csv");

        var records = AttendanceCsv.ParseRecords(text);
        var title = records[0].ToList().IndexOf("title");
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"x\")", records[1][title]);
        Assert.Equal("'-1+2", records[2][title]);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_history_and_retention_routes()
    {
        await using var app = await StartAsync("Sqlite");

        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        foreach (var route in new[] { "import", "attendance.csv", "retention", "retention.csv" })
        {
            Assert.Contains($"\"/api/events/{{id}}/{route}\"", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_door_helpers_403()
    {
        var (app, _, eventId) = await ImportedExampleAsync("Sqlite");
        await using var __ = app;
        var anonymous = app.Client();
        var doorHelper = await DoorHelperClientAsync(app);

        foreach (var path in new[] { "retention", "retention.csv", "attendance.csv" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/events/{eventId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await doorHelper.GetAsync($"/api/events/{eventId}/{path}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportAsync(anonymous, eventId, ExampleCsv())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(doorHelper, eventId, ExampleCsv())).StatusCode);
    }
}
