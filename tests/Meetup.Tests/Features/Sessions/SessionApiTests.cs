using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Events;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Events;
using Meetup.Web.Features.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Sessions;

public class SessionApiTests
{
    private static object Valid(string startsAt = "2026-12-16T19:30") => new
    {
        title = "Kubernetes 入門 #1",
        startsAt,
        durationMinutes = 100,
        format = "in_person",
        venueName = "Room Fuji",
        venueAddress = "1-2-3 Shibuya, Tokyo",
        capacity = 20,
        languages = new[] { "zh", "ja" },
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_session_is_a_draft_at_the_local_time_of_the_event(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.ApiClientAsync();
        var ev = await CreateEventAsync(client);

        var response = await client.PostAsJsonAsync($"/api/events/{ev.Id}/sessions", Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = (await response.Content.ReadFromJsonAsync<SessionResource>())!;
        Assert.Equal("draft", session.Status);
        Assert.Equal(new DateTime(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc), session.StartsAt);
        Assert.Equal(new DateTime(2026, 12, 16, 12, 10, 0, DateTimeKind.Utc), session.EndsAt);
        Assert.Equal("Asia/Tokyo", session.TimeZone);
        Assert.Equal("in_person", session.Format);
        Assert.Equal(["ja", "zh"], session.Languages);
        Assert.Equal(0, session.ConfirmedCount);
        Assert.EndsWith($"/events/{ev.Slug}/sessions/{session.Id}", session.PublicUrl, StringComparison.Ordinal);
        Assert.EndsWith($"/events/{ev.Slug}/sessions/{session.Id}.ics", session.CalendarUrl, StringComparison.Ordinal);
        var listed = await client.GetFromJsonAsync<List<SessionResource>>($"/api/events/{ev.Id}/sessions");
        Assert.Equal(session.Id, Assert.Single(listed!).Id);
    }

    public static TheoryData<string, string> InvalidSessions => new()
    {
        { """{"startsAt":"2026-12-16T19:30","format":"online","onlineUrl":"https://meet.example.com/x","capacity":10,"languages":["ja"]}""", "title" },
        { """{"title":"T","format":"online","onlineUrl":"https://meet.example.com/x","capacity":10,"languages":["ja"]}""", "startsAt" },
        { """{"title":"T","startsAt":"someday","format":"online","onlineUrl":"https://meet.example.com/x","capacity":10,"languages":["ja"]}""", "startsAt" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","endsAt":"2026-12-16T18:00","format":"online","onlineUrl":"https://meet.example.com/x","capacity":10,"languages":["ja"]}""", "endsAt" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"in_person","capacity":10,"languages":["ja"]}""", "venueName" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"hybrid","venueName":"R","venueAddress":"A","capacity":10,"languages":["ja"]}""", "onlineUrl" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"online","onlineUrl":"http://meet.example.com/x","capacity":10,"languages":["ja"]}""", "onlineUrl" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"online","onlineUrl":"https://meet.example.com/x","capacity":0,"languages":["ja"]}""", "capacity" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"online","onlineUrl":"https://meet.example.com/x","capacity":10001,"languages":["ja"]}""", "capacity" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"online","onlineUrl":"https://meet.example.com/x","languages":["ja"]}""", "capacity" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"on_the_moon","capacity":10,"languages":["ja"]}""", "format" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"online","onlineUrl":"https://meet.example.com/x","capacity":10,"languages":[]}""", "languages" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","format":"online","onlineUrl":"https://meet.example.com/x","capacity":10,"languages":["ja"],"rsvpOpensAt":"2026-12-10T00:00","rsvpClosesAt":"2026-12-09T00:00"}""", "rsvpClosesAt" },
        { """{"title":"T","startsAt":"2026-12-16T19:30","durationMinutes":0,"format":"online","onlineUrl":"https://meet.example.com/x","capacity":10,"languages":["ja"]}""", "durationMinutes" },
    };

    [Theory]
    [MemberData(nameof(InvalidSessions))]
    public async Task Invalid_sessions_get_a_validation_problem_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var ev = await CreateEventAsync(client);

        var response = await client.PostAsync($"/api/events/{ev.Id}/sessions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await EventApiTests.AssertFieldError(response, field);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Sessions);
    }

    [Fact]
    public async Task A_time_skipped_by_daylight_saving_in_the_events_zone_is_refused()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var ev = await CreateEventAsync(client, "America/New_York");

        var response = await client.PostAsJsonAsync($"/api/events/{ev.Id}/sessions", Valid("2026-03-08T02:30"));

        await EventApiTests.AssertFieldError(response, "startsAt");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publish_then_cancel_with_a_reason_and_neither_can_be_undone(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.ApiClientAsync();
        var ev = await CreateEventAsync(client);
        var draft = await CreateSessionAsync(client, ev.Id);

        var published = await (await client.PostAsync($"/api/sessions/{draft.Id}/publish", null)).Content.ReadFromJsonAsync<SessionResource>();
        var cancelled = await client.PostAsJsonAsync($"/api/sessions/{draft.Id}/cancel", new { reason = "The meeting room is closed." });

        Assert.Equal("published", published!.Status);
        var c = (await cancelled.Content.ReadFromJsonAsync<SessionResource>())!;
        Assert.Equal("cancelled", c.Status);
        Assert.Equal("The meeting room is closed.", c.CancelReason);
        Assert.True(c.Sequence > published.Sequence, "Calendars learn of the cancellation.");
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/sessions/{draft.Id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/sessions/{draft.Id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/sessions/{draft.Id}", Valid())).StatusCode);
    }

    [Fact]
    public async Task Moving_a_published_session_raises_its_sequence_but_a_new_title_does_not()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var ev = await CreateEventAsync(client);
        var session = await CreateSessionAsync(client, ev.Id);
        await client.PostAsync($"/api/sessions/{session.Id}/publish", null);

        var retitled = await (await client.PutAsJsonAsync($"/api/sessions/{session.Id}", new
        {
            title = "Kubernetes 入門 #1 (renamed)",
            startsAt = "2026-12-16T19:30",
            durationMinutes = 100,
            format = "in_person",
            venueName = "Room Fuji",
            venueAddress = "1-2-3 Shibuya, Tokyo",
            capacity = 20,
            languages = new[] { "zh", "ja" },
        })).Content.ReadFromJsonAsync<SessionResource>();
        var moved = await (await client.PutAsJsonAsync($"/api/sessions/{session.Id}", Valid("2026-12-17T19:30"))).Content.ReadFromJsonAsync<SessionResource>();

        Assert.Equal(0, retitled!.Sequence);
        Assert.Equal("published", moved!.Status);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal(new DateTime(2026, 12, 17, 10, 30, 0, DateTimeKind.Utc), moved.StartsAt);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Schedule_next_keeps_19_00_local_across_the_new_york_spring_change(string provider)
    {
        // Before the source (3 Mar 2026), so its next cadence date is the first one ahead.
        await using var app = await TestApp.StartAsync(provider, time: new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        var client = await app.ApiClientAsync();
        var ev = await CreateEventAsync(client, "America/New_York");
        var first = await (await client.PostAsJsonAsync($"/api/events/{ev.Id}/sessions", new
        {
            title = "Go night #7",
            startsAt = "2026-03-03T19:00",
            durationMinutes = 120,
            format = "online",
            onlineUrl = "https://meet.example.com/go",
            capacity = 50,
            languages = new[] { "en" },
        })).Content.ReadFromJsonAsync<SessionResource>();
        await client.PutAsJsonAsync($"/api/sessions/{first!.Id}/agenda", new[]
        {
            new { title = "Review", kind = "review", durationMinutes = 50, speakerIds = Array.Empty<int>() },
            new { title = "Generics", kind = "talk", durationMinutes = 50, speakerIds = Array.Empty<int>() },
        });

        var response = await client.PostAsync($"/api/sessions/{first.Id}/schedule-next", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var next = (await response.Content.ReadFromJsonAsync<SessionResource>())!;
        Assert.Equal(new DateTime(2026, 3, 17, 23, 0, 0, DateTimeKind.Utc), next.StartsAt);
        Assert.Equal(next.StartsAt.AddHours(2), next.EndsAt);
        Assert.Equal("draft", next.Status);
        Assert.Equal("Go night #8", next.Title);
        var agenda = await client.GetFromJsonAsync<List<AgendaItemBody>>($"/api/sessions/{next.Id}/agenda");
        Assert.Equal(["review", "talk"], agenda!.Select(a => a.Kind));
    }

    [Fact]
    public async Task Repeat_creates_drafts_one_cadence_apart()
    {
        await using var app = await TestApp.StartAsync("Sqlite", time: new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        var client = await app.ApiClientAsync();
        var ev = await CreateEventAsync(client);
        var first = await CreateSessionAsync(client, ev.Id);

        var response = await client.PostAsJsonAsync($"/api/sessions/{first.Id}/repeat", new { count = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = (await client.GetFromJsonAsync<List<SessionResource>>($"/api/events/{ev.Id}/sessions"))!;
        Assert.Equal(4, all.Count);
        Assert.Equal([0, 14, 28, 42], all.Select(s => (int)(s.StartsAt - first.StartsAt).TotalDays));
        Assert.All(all.Skip(1), s => Assert.Equal("draft", s.Status));
        await EventApiTests.AssertFieldError(await client.PostAsJsonAsync($"/api/sessions/{first.Id}/repeat", new { count = 0 }), "count");
    }

    [Fact]
    public async Task A_door_helper_cannot_plan_sessions()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        using (var scope = app.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>().CreateAsync(new NewAccount("Door", "door@test.example", "door-helper-pass", Roles.DoorHelper));
        }
        var helper = await app.ApiClientAsync("door@test.example", "door-helper-pass");

        Assert.Equal(HttpStatusCode.Forbidden, (await helper.PostAsJsonAsync("/api/events/1/sessions", Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/sessions/1")).StatusCode);
    }

    internal static async Task<EventResource> CreateEventAsync(HttpClient client, string timeZone = "Asia/Tokyo")
    {
        var response = await client.PostAsJsonAsync("/api/events", new { name = $"Study {Guid.NewGuid():N}", timeZone });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EventResource>())!;
    }

    internal static async Task<SessionResource> CreateSessionAsync(HttpClient client, int eventId)
    {
        var response = await client.PostAsJsonAsync($"/api/events/{eventId}/sessions", Valid());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionResource>())!;
    }

    private sealed record AgendaItemBody(string Title, string Kind, int DurationMinutes);
}
