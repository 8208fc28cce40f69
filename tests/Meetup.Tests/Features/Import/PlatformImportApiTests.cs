using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Meetup.Testing;
using Meetup.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using static Meetup.Tests.Features.Import.HistoryApi;

namespace Meetup.Tests.Features.Import;

/// <summary>
/// A migrating organizer's history through the API: five sessions exported from connpass (two, Shift_JIS),
/// Luma, Meetup.com and Doorkeeper (.xlsx), each as it downloads (TestData/platform-exports). The report's
/// figures are the ones counted by hand in that folder's README.
/// </summary>
public class PlatformImportApiTests
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly (string File, string Query, string ContentType)[] Files =
    [
        ("connpass-event-1.csv", "?source=connpass&sessionStart=2025-01-22T19:30&sessionTitle=" + Uri.EscapeDataString("Go 勉強会 #1"), "text/csv"),
        ("connpass-event-2.csv", "?source=connpass&sessionStart=2025-02-26T19:30&sessionTitle=" + Uri.EscapeDataString("Go 勉強会 #2"), "text/csv"),
        ("luma-guests.csv", "?source=luma&sessionStart=2025-03-26T19:30&sessionTitle=Go%20Study%20%233", "text/csv"),
        ("meetup-attendees.csv", "?source=meetup&sessionStart=2025-04-23T19:30", "text/csv"),
        ("doorkeeper-participants.xlsx", "?source=doorkeeper&sessionStart=2025-05-28T19:30&sessionTitle=Go%20Study%20%235", XlsxType),
    ];

    private static async Task<ImportResult> ImportOkAsync(HttpClient client, int eventId, byte[] file, string query, string contentType)
    {
        using var response = await ImportFileAsync(client, eventId, file, query, contentType);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportResult>())!;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Five_platform_exports_import_as_they_download_and_the_report_matches_the_hand_count(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        var results = new List<ImportResult>();
        foreach (var (file, query, type) in Files)
        {
            results.Add(await ImportOkAsync(client, eventId, PlatformFile(file), query, type));
        }

        Assert.Equal(
            [
                new ImportResult(SessionsCreated: 1, SessionsUpdated: 0, AttendeesCreated: 7, RsvpsWritten: 7, CheckInsWritten: 4), // 2 withdrawn users
                new ImportResult(1, 0, 1, 5, 4),  // one more withdrawn user; the rest known by account
                new ImportResult(1, 0, 4, 6, 3),  // Takahashi and Yamazaki found by the addresses connpass gave
                new ImportResult(1, 0, 5, 5, 2),
                new ImportResult(1, 0, 2, 4, 2),
            ],
            results);

        var report = JsonNode.Parse(await client.GetStringAsync($"/api/events/{eventId}/retention"))!;
        var overall = report["overall"]!;
        Assert.Equal(5, (int)overall["countedSessions"]!);
        Assert.Equal(9, (int)overall["uniqueAttendees"]!);
        Assert.Equal(4.0 / 13, (double)overall["returnRate"]!, 9);
        Assert.Equal(2.0 / 9, (double)overall["firstTimerReturnRate"]!, 9);
        // attended, new, returning, resurrecting, dormant, confirmed RSVPs, no-shows, walk-ins
        int[][] expected =
        [
            [4, 4, 0, 0, 0, 5, 1, 0],
            [4, 2, 2, 0, 2, 4, 0, 0],
            [3, 1, 2, 0, 2, 4, 1, 0],
            [2, 2, 0, 0, 3, 3, 1, 0],
            [2, 0, 0, 2, 2, 3, 1, 0],
        ];
        var sessions = report["sessions"]!.AsArray();
        Assert.Equal(expected.Length, sessions.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var s = sessions[i]!;
            Assert.Equal(expected[i], new[] { "attended", "new", "returning", "resurrecting", "dormant", "confirmedRsvps", "noShows", "walkIns" }
                .Select(k => (int)s[k]!).ToArray());
        }
        Assert.Equal("Go 勉強会 #1", (string)sessions[0]!["title"]!);

        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(19, await db.Attendees.CountAsync());
            Assert.Equal(3, await db.Attendees.CountAsync(a => a.Email!.StartsWith("%withdrawn-")));
            // connpass's email question: the person is stored under the address and keeps the account as an alias.
            var takahashi = await db.Attendees.Include(a => a.Aliases).SingleAsync(a => a.Email == "takahashi@example.jp");
            Assert.Equal(["takahashi_k@connpass.invalid"], takahashi.Aliases.Select(x => x.Email));
            var yamazaki = await db.Attendees.Include(a => a.Aliases).SingleAsync(a => a.Email == "yamazaki@example.jp");
            Assert.Equal(["yamazaki@connpass.invalid"], yamazaki.Aliases.Select(x => x.Email));
            Assert.Equal(4, await db.CheckIns.CountAsync(c => c.AttendeeId == takahashi.Id));
            // Check-in times as the files say, not the session's start.
            var first = await db.CheckIns.Where(c => c.AttendeeId == takahashi.Id).OrderBy(c => c.At).FirstAsync();
            Assert.Equal(new DateTime(2025, 1, 22, 10, 18, 0), DateTime.SpecifyKind(first.At, DateTimeKind.Unspecified));
            var alice = await db.Attendees.SingleAsync(a => a.Email == "alice@example.com");
            Assert.Equal(
                [new DateTime(2025, 3, 26, 10, 31, 0), new DateTime(2025, 5, 28, 10, 35, 0)],
                (await db.CheckIns.Where(c => c.AttendeeId == alice.Id).OrderBy(c => c.At).Select(c => c.At).ToListAsync())
                    .Select(at => DateTime.SpecifyKind(at, DateTimeKind.Unspecified)));
            // Meetup.com's member title ("Organizer") is not the session's title; its people are meetup accounts.
            Assert.DoesNotContain(await db.Sessions.Select(s => s.Title).ToListAsync(), t => t == "Organizer");
            Assert.True(await db.Attendees.AnyAsync(a => a.Email == "user%20111111111@meetup.invalid"));
        }

        // All or nothing, and idempotent: the same files again write nothing.
        foreach (var (file, query, type) in Files)
        {
            Assert.Equal(new ImportResult(0, 0, 0, 0, 0), await ImportOkAsync(client, eventId, PlatformFile(file), query, type));
        }
        Assert.Equal(report.ToJsonString(), JsonNode.Parse(await client.GetStringAsync($"/api/events/{eventId}/retention"))!.ToJsonString());
    }

    [Fact]
    public async Task A_per_event_file_without_sessionStart_is_refused_with_the_start_its_check_in_times_suggest()
    {
        await using var app = await StartAsync("Sqlite");
        using var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        using var response = await ImportFileAsync(client, eventId, PlatformFile("connpass-event-1.csv"), "?source=connpass");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await JsonAsync(response))["errors"]!.AsArray())!;
        Assert.Equal("sessionStart", (string)error["column"]!);
        Assert.Contains("sessionStart=2025-01-22T19:30", (string)error["message"]!, StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(0, await db.Sessions.CountAsync());
    }

    [Theory]
    [InlineData("?source=eventbrite", "source")]
    [InlineData("?source=luma&sessionStart=2025-02-30T19:30", "sessionStart")]
    [InlineData("?sessionStart=2025-03-26T19:30", "sessionStart")]
    public async Task A_bad_query_is_refused_naming_the_parameter(string query, string parameter)
    {
        await using var app = await StartAsync("Sqlite");
        using var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        using var response = await ImportFileAsync(client, eventId, PlatformFile("luma-guests.csv"), query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (string)(await JsonAsync(response))["errors"]![0]!["column"]!);
    }

    [Fact]
    public async Task A_utf16_file_imports_like_its_utf8_original()
    {
        await using var app = await StartAsync("Sqlite");
        using var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        var text = Encoding.UTF8.GetString(PlatformFile("meetup-attendees.csv"));
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var result = await ImportOkAsync(client, eventId, utf16, "?source=meetup&sessionStart=2025-04-23T19:30", "text/csv");

        Assert.Equal(new ImportResult(1, 0, 5, 5, 2), result);
    }

    [Fact]
    public async Task A_million_bad_lines_answer_400_with_the_first_thousand_problems_their_count_and_a_small_body()
    {
        await using var app = await StartAsync("Sqlite");
        using var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);
        var csv = new StringBuilder("session_start,email,attended\n", 7_000_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            csv.Append("x,y,z\n");
        }

        using var response = await ImportFileAsync(client, eventId, Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length < 300_000, $"The body is {body.Length:N0} characters.");
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(3_000_000, (int)problem["errorCount"]!);
        Assert.Equal(ImportErrors.Cap, problem["errors"]!.AsArray().Count);
        Assert.Equal(2, (int)problem["errors"]![0]!["line"]!);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(0, await db.Sessions.CountAsync());
    }
}
