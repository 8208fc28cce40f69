using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Events;

namespace Meetup.Tests.Features.Events;

public class EventApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Creating_an_event_with_a_name_gives_a_slug_and_the_tokyo_time_zone(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.ApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/events", new { name = "Cloud Native Study Group Tokyo" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ev = (await response.Content.ReadFromJsonAsync<EventResource>())!;
        Assert.Equal($"/api/events/{ev.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("cloud-native-study-group-tokyo", ev.Slug);
        Assert.Equal("Asia/Tokyo", ev.TimeZone);
        Assert.Equal(2, ev.CadenceWeeks);
        Assert.EndsWith("/events/cloud-native-study-group-tokyo/calendar.ics", ev.CalendarUrl, StringComparison.Ordinal);
        Assert.Equal(ev, await client.GetFromJsonAsync<EventResource>($"/api/events/{ev.Id}"), EventComparer);
    }

    [Fact]
    public async Task The_same_name_twice_gets_a_numbered_slug_but_an_explicit_duplicate_is_refused()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        await client.PostAsJsonAsync("/api/events", new { name = "Rust Tokyo" });

        var second = await (await client.PostAsJsonAsync("/api/events", new { name = "Rust Tokyo" })).Content.ReadFromJsonAsync<EventResource>();
        var clash = await client.PostAsJsonAsync("/api/events", new { name = "Another", slug = "rust-tokyo" });

        Assert.Equal("rust-tokyo-2", second!.Slug);
        await AssertFieldError(clash, "slug");
    }

    [Fact]
    public async Task A_japanese_name_gets_a_usable_slug()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();

        var ev = await (await client.PostAsJsonAsync("/api/events", new { name = "クラウドネイティブ勉強会" })).Content.ReadFromJsonAsync<EventResource>();

        Assert.Equal("event", ev!.Slug);
        Assert.Equal("クラウドネイティブ勉強会", ev.Name);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"X","timeZone":"Mars/Olympus"}""", "timeZone")]
    [InlineData("""{"name":"X","defaultCapacity":0}""", "defaultCapacity")]
    [InlineData("""{"name":"X","defaultCapacity":10001}""", "defaultCapacity")]
    [InlineData("""{"name":"X","slug":"Has Spaces"}""", "slug")]
    [InlineData("""{"name":"X","defaultLanguages":["zh","日本語"]}""", "defaultLanguages")]
    [InlineData("""{"name":"X","cadenceWeeks":0}""", "cadenceWeeks")]
    [InlineData("""{"name":"X","regularMinSessions":0}""", "regularMinSessions")]
    [InlineData("""{"name":"X","regularMinRatio":1.5}""", "regularMinRatio")]
    [InlineData("""{"name":"X","atRiskMissedSessions":0}""", "atRiskMissedSessions")]
    public async Task Invalid_events_get_a_validation_problem_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();

        var response = await client.PostAsync("/api/events", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await AssertFieldError(response, field);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Events);
    }

    [Fact]
    public async Task Unknown_ids_get_404_problem_details()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();

        foreach (var url in new[] { "/api/events/999", "/api/events/999/sessions", "/api/events/abc" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_event_can_be_renamed_and_keeps_its_slug()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var ev = await (await client.PostAsJsonAsync("/api/events", new { name = "Go Study" })).Content.ReadFromJsonAsync<EventResource>();

        var response = await client.PutAsJsonAsync($"/api/events/{ev!.Id}", new { name = "Go Study Tokyo", timeZone = "Asia/Shanghai", cadenceWeeks = 3 });

        var updated = await response.Content.ReadFromJsonAsync<EventResource>();
        Assert.Equal("Go Study Tokyo", updated!.Name);
        Assert.Equal("go-study", updated.Slug);
        Assert.Equal("Asia/Shanghai", updated.TimeZone);
        Assert.Equal(3, updated.CadenceWeeks);
    }

    [Fact]
    public async Task Retention_thresholds_are_per_event_settings_with_the_spec_defaults()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var ev = await (await client.PostAsJsonAsync("/api/events", new { name = "Thresholds" })).Content.ReadFromJsonAsync<EventResource>();
        Assert.Equal((3, 0.75, 2), (ev!.RegularMinSessions, ev.RegularMinRatio, ev.AtRiskMissedSessions));

        var updated = await (await client.PutAsJsonAsync($"/api/events/{ev.Id}", new { name = "Thresholds", regularMinSessions = 4, regularMinRatio = 0.5, atRiskMissedSessions = 3 }))
            .Content.ReadFromJsonAsync<EventResource>();

        Assert.Equal((4, 0.5, 3), (updated!.RegularMinSessions, updated.RegularMinRatio, updated.AtRiskMissedSessions));
    }

    [Fact]
    public async Task An_empty_event_can_be_deleted_but_one_with_history_cannot()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var empty = await (await client.PostAsJsonAsync("/api/events", new { name = "Empty" })).Content.ReadFromJsonAsync<EventResource>();
        var busy = await (await client.PostAsJsonAsync("/api/events", new { name = "Busy" })).Content.ReadFromJsonAsync<EventResource>();
        await using (var db = app.Factory.CreateDbContext())
        {
            var session = new Session { EventId = busy!.Id, Title = "#1", Capacity = 5 };
            db.CheckIns.Add(new CheckIn { Session = session, Attendee = new Attendee { Email = "a@example.com" }, Method = CheckInMethod.Manual });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/events/{empty!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/events/{busy!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/events/{empty.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/events/{busy.Id}")).StatusCode);
    }

    internal static async Task AssertFieldError(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    private static readonly IEqualityComparer<EventResource?> EventComparer = EqualityComparer<EventResource?>.Create(
        (a, b) => a is not null && b is not null && a.Id == b.Id && a.Slug == b.Slug && a.Name == b.Name && a.TimeZone == b.TimeZone);
}
