using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meetup.Testing;
using Meetup.Tests.Features.Import;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Tests.Features.Attendees;

/// <summary>GET /api/attendees, GET /api/attendees/{id}, POST /api/attendees/{id}/merge (docs/api.md, People).</summary>
public class AttendeeApiTests
{
    private const string History = """
        session_start,session_title,email,name,rsvp,attended
        2026-09-01T19:00,#1,taro_y@connpass.invalid,Taro,confirmed,yes
        2026-09-01T19:00,#1,alice@example.com,Alice,confirmed,yes
        2026-09-15T19:00,#2,taro@example.com,Taro Yamada,confirmed,no
        2026-09-15T19:00,#2,alice@example.com,Alice,waitlisted,yes
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Organizers_search_people_read_a_history_and_merge_one_into_another(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        using var admin = await app.ApiClientAsync();
        (await HistoryApi.ImportAsync(admin, eventId, History)).EnsureSuccessStatusCode();

        var all = (await admin.GetFromJsonAsync<JsonArray>("/api/attendees"))!;
        Assert.Equal(["Alice", "Taro", "Taro Yamada"], all.Select(a => (string?)a!["name"]));
        var taros = (await admin.GetFromJsonAsync<JsonArray>("/api/attendees?search=TARO"))!;
        Assert.Equal(2, taros.Count);
        var account = taros.Single(a => (string?)a!["email"] == "taro_y@connpass.invalid")!;
        var taro = taros.Single(a => (string?)a!["email"] == "taro@example.com")!;
        Assert.Equal(1, (int)account["sessions"]!);
        Assert.Single((await admin.GetFromJsonAsync<JsonArray>("/api/attendees?limit=1"))!);

        var alice = (int)all[0]!["id"]!;
        var history = (await admin.GetFromJsonAsync<JsonObject>($"/api/attendees/{alice}"))!;
        Assert.Equal(("Alice", "alice@example.com", 2, false), ((string?)history["name"], (string?)history["email"], (int)history["attended"]!, (bool)history["erased"]!));
        var newest = history["sessions"]![0]!;
        Assert.Equal(("#2", "waitlisted", true, "import", eventId), ((string?)newest["title"], (string?)newest["rsvp"], (bool)newest["checkedIn"]!, (string?)newest["checkInMethod"], (int)newest["eventId"]!));
        Assert.Equal("2026-09-15T10:00:00Z", (string?)newest["startsAt"]);

        using var merged = await admin.PostAsJsonAsync($"/api/attendees/{(int)account["id"]!}/merge", new { intoAttendeeId = (int)taro["id"]! });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var outcome = (await merged.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(((int)taro["id"]!, 1), ((int)outcome["keptId"]!, (int)outcome["sessionsMoved"]!));
        var kept = (await admin.GetFromJsonAsync<JsonObject>($"/api/attendees/{(int)taro["id"]!}"))!;
        Assert.Equal(["taro_y@connpass.invalid"], kept["aliases"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(1, (int)kept["attended"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/attendees/{(int)account["id"]!}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_requests_get_problem_details_and_change_nothing(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        using var admin = await app.ApiClientAsync();
        (await HistoryApi.ImportAsync(admin, eventId, History)).EnsureSuccessStatusCode();
        int alice;
        await using (var db = app.Factory.CreateDbContext())
        {
            alice = await db.Attendees.Where(a => a.Email == "alice@example.com").Select(a => a.Id).SingleAsync();
        }

        await AssertProblemAsync(await admin.GetAsync("/api/attendees?limit=0"), HttpStatusCode.BadRequest, "limit");
        await AssertProblemAsync(await admin.GetAsync("/api/attendees/999999"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await admin.PostAsJsonAsync($"/api/attendees/{alice}/merge", new { }), HttpStatusCode.BadRequest, "intoAttendeeId");
        await AssertProblemAsync(await admin.PostAsJsonAsync($"/api/attendees/{alice}/merge", new { intoAttendeeId = alice }), HttpStatusCode.BadRequest, "intoAttendeeId");
        await AssertProblemAsync(await admin.PostAsJsonAsync($"/api/attendees/{alice}/merge", new { intoAttendeeId = 999999 }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await admin.PostAsync($"/api/attendees/{alice}/merge", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/attendees")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await HistoryApi.DoorHelperClientAsync(app)).GetAsync("/api/attendees")).StatusCode);
        await using var after = app.Factory.CreateDbContext();
        Assert.Equal(3, await after.Attendees.CountAsync());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.NotNull(problem["errors"]![field]);
        }
    }
}
