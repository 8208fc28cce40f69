using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Testing;
using Microsoft.Playwright;

namespace Meetup.E2E;

/// <summary>
/// An app whose every Markdown and plain-text field holds a payload of the XSS corpus. Per payload: an event (name,
/// description, a registration question and a choice), a published session (title, description, venue, agenda item)
/// and a speaker (name, company, job title, bio). Per 20 payloads a "hub" event whose description, session
/// description, agenda, questions and RSVPs (display names, answers) hold all of them, for the back-office pages.
/// </summary>
public sealed class XssAppFixture : IAsyncLifetime
{
    private const int PerHub = 20;
    private IPlaywright? _playwright;
    private HttpClient _api = default!;

    public KestrelApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public List<string> PublicPages { get; } = ["/"];
    public List<Hub> Hubs { get; } = [];

    public sealed record Hub(int EventId, int SessionId);

    public async Task InitializeAsync()
    {
        App = await KestrelApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        _api = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var token = (await PostAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword })).GetProperty("token").GetString();
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var payloads = XssPayloads.All;
        var speakers = new List<int>();
        for (var i = 0; i < payloads.Count; i++)
        {
            var p = payloads[i];
            var slug = $"xss-{i}";
            var eventId = (await PostAsync("/api/events", new { name = OneLine(p), slug, description = p })).GetProperty("id").GetInt32();
            await PutAsync($"/api/events/{eventId}/questions", new object[]
            {
                new { prompt = OneLine(p), kind = "short_text" },
                new { prompt = "Pick one", kind = "single_choice", options = new[] { Cut(OneLine(p), 100), "none" } },
            });
            var speakerId = (await PostAsync("/api/speakers", new { name = OneLine(p), company = OneLine(p), jobTitle = OneLine(p), bio = p })).GetProperty("id").GetInt32();
            speakers.Add(speakerId);
            var sessionId = await PublishedSessionAsync(eventId, OneLine(p), p, i, [(OneLine(p), speakerId)]);
            PublicPages.Add($"/events/{slug}");
            PublicPages.Add($"/events/{slug}/sessions/{sessionId}");
            PublicPages.Add($"/speakers/{speakerId}");
        }

        for (var start = 0; start < payloads.Count; start += PerHub)
        {
            var chunk = payloads.Skip(start).Take(PerHub).ToList();
            var all = string.Join("\n\n", chunk);
            var slug = $"xss-hub-{start}";
            var eventId = (await PostAsync("/api/events", new { name = $"XSS hub {start}", slug, description = all })).GetProperty("id").GetInt32();
            var questions = await PutAsync($"/api/events/{eventId}/questions", chunk.Select(p => new { prompt = OneLine(p), kind = "short_text" }).ToArray());
            var questionIds = questions.EnumerateArray().Select(q => q.GetProperty("id").GetInt32()).ToList();
            var sessionId = await PublishedSessionAsync(eventId, $"XSS hub session {start}", all, start,
                chunk.Select((p, j) => (OneLine(p), speakers[start + j])).ToList());
            for (var j = 0; j < chunk.Count; j++)
            {
                var answers = questionIds.ToDictionary(id => id.ToString(CultureInfo.InvariantCulture), _ => Cut(OneLine(chunk[j]), 500));
                await PostAsync($"/api/sessions/{sessionId}/rsvps", new { name = OneLine(chunk[j]), email = $"xss{start + j}@test.example", answers });
            }
            Hubs.Add(new Hub(eventId, sessionId));
            PublicPages.Add($"/events/{slug}");
            PublicPages.Add($"/events/{slug}/sessions/{sessionId}");
        }
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        _api.Dispose();
        await App.DisposeAsync();
    }

    public Task<IPage> NewPageAsync() => Browser.NewPageAsync(App.BaseUrl);

    private static string OneLine(string payload) => XssPayloads.OneLine(payload).Replace('\t', ' ');

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private async Task<int> PublishedSessionAsync(int eventId, string title, string description, int index, IReadOnlyList<(string Title, int SpeakerId)> agenda)
    {
        var startsAt = DateTime.UtcNow.Date.AddDays(10).AddHours(index % 24);
        var session = await PostAsync($"/api/events/{eventId}/sessions", new
        {
            title,
            description,
            startsAt = startsAt.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
            durationMinutes = 60,
            format = "in_person",
            venueName = title,
            venueAddress = title,
            capacity = 100,
            languages = new[] { "ja" },
        });
        var id = session.GetProperty("id").GetInt32();
        await PutAsync($"/api/sessions/{id}/agenda", agenda.Select(a => new { title = a.Title, kind = "talk", durationMinutes = 5, speakerIds = new[] { a.SpeakerId } }).ToArray());
        await PostAsync($"/api/sessions/{id}/publish", null);
        return id;
    }

    private async Task<JsonElement> PostAsync(string url, object? body)
        => await ReadAsync(url, body is null ? await _api.PostAsync(url, null) : await _api.PostAsJsonAsync(url, body));

    private async Task<JsonElement> PutAsync(string url, object body) => await ReadAsync(url, await _api.PutAsJsonAsync(url, body));

    private static async Task<JsonElement> ReadAsync(string url, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
