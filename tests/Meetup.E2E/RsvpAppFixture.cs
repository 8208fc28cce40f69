using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meetup.E2E;

/// <summary>An app with one published in-person session (3 seats) and a door helper account; one browser.</summary>
public sealed class RsvpAppFixture : IAsyncLifetime
{
    public const string DoorEmail = "door@test.example";
    public const string DoorPassword = "door-helper-pass";

    private IPlaywright? _playwright;
    private int _eventId;

    public KestrelApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public int SessionId { get; private set; }
    public int EventId => _eventId;
    public HttpClient Api { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await KestrelApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        Api = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var token = JsonDocument.Parse(await (await Api.PostAsJsonAsync("/api/auth/token",
            new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword })).Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _eventId = JsonDocument.Parse(await (await Api.PostAsJsonAsync("/api/events", new { name = "Cloud Native Study Group" })).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        SessionId = await NewSessionAsync(capacity: 30);
        using (var scope = App.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>().CreateAsync(new NewAccount("Door", DoorEmail, DoorPassword, Roles.DoorHelper));
        }
        (_playwright, Browser) = await Chromium.LaunchAsync(fakeCamera: true);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api.Dispose();
        await App.DisposeAsync();
    }

    public Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280, int height = 800)
        => Browser.NewPageAsync(App.BaseUrl, javaScript, width, height);

    /// <summary>Another published in-person session of the same event, for a test that needs its own counts.</summary>
    public async Task<int> NewSessionAsync(int capacity, string title = "Kubernetes 入門 #5", DateTime? startsAt = null)
    {
        var session = await Api.PostAsJsonAsync($"/api/events/{_eventId}/sessions", new
        {
            title,
            startsAt = (startsAt ?? DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture),
            durationMinutes = 120,
            format = "in_person",
            venueName = "Room Fuji",
            venueAddress = "1-2-3 Shibuya, Tokyo",
            capacity,
            languages = new[] { "zh", "ja" },
        });
        var id = JsonDocument.Parse(await session.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        (await Api.PostAsync($"/api/sessions/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>
    /// An RSVP through the API by a new email; returns the check-in code. (A known person's RSVP answers no code
    /// nor link — they are emailed to the person — so each test here uses its own addresses.)
    /// </summary>
    public async Task<string> RsvpAsync(string name, string email, int? sessionId = null)
    {
        var response = await Api.PostAsJsonAsync($"/api/sessions/{sessionId ?? SessionId}/rsvps", new { name, email });
        response.EnsureSuccessStatusCode();
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.TryGetProperty("checkInCode", out var code), $"{email} is already known here: its RSVP answers no check-in code.");
        return code.GetString()!;
    }

    public static string Artifact(string name) => AdminSession.Artifact(name);
}
