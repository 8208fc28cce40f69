using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Tests.Features.Rsvps;

namespace Meetup.Tests.Security;

/// <summary>
/// One event with a published session (a speaker on its agenda), one attendee with an RSVP, a manage link and a
/// check-in: the ids a route's parameters are filled with. Made through the API, as an organizer and an attendee would.
/// </summary>
public sealed record RouteWorld(int EventId, string Slug, int SessionId, int AttendeeId, int SpeakerId, string Token)
{
    public static async Task<RouteWorld> SeedAsync(HttpClient organizer, HttpClient anonymous)
    {
        var ev = await JsonAsync(await organizer.PostAsJsonAsync("/api/events", new { name = $"Route check {Guid.NewGuid():N}" }));
        var eventId = ev.GetProperty("id").GetInt32();
        var speakerId = (await JsonAsync(await organizer.PostAsJsonAsync("/api/speakers", new { name = "Route Speaker" }))).GetProperty("id").GetInt32();
        var session = await RsvpKit.PublishedSessionAsync(organizer, 5, DateTimeOffset.UtcNow.AddDays(14), publish: false, eventId: eventId);
        (await organizer.PutAsJsonAsync($"/api/sessions/{session.Id}/agenda", new[]
        {
            new { title = "Talk", kind = "talk", durationMinutes = 30, speakerIds = new[] { speakerId } },
        })).EnsureSuccessStatusCode();
        (await organizer.PostAsync($"/api/sessions/{session.Id}/publish", null)).EnsureSuccessStatusCode();
        var rsvp = await JsonAsync(await RsvpKit.RsvpAsync(anonymous, session.Id, "Route Attendee", $"route-{Guid.NewGuid():N}@example.com"));
        var token = rsvp.GetProperty("manageToken").GetString()!;
        var list = await JsonAsync(await organizer.GetAsync($"/api/sessions/{session.Id}/rsvps"));
        var attendeeId = list.EnumerateArray().Single().GetProperty("attendeeId").GetInt32();
        (await organizer.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { manageToken = token })).EnsureSuccessStatusCode();
        return new RouteWorld(eventId, ev.GetProperty("slug").GetString()!, session.Id, attendeeId, speakerId, token);
    }

    /// <summary>The URL of a route template with every parameter filled; null names a parameter nobody taught us.</summary>
    public string? Fill(string template, string token)
    {
        var segments = template.Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var open = segment.IndexOf('{', StringComparison.Ordinal);
            if (open < 0)
            {
                continue;
            }
            var close = segment.IndexOf('}', open);
            var name = segment[(open + 1)..close].Split(':', '=', '?')[0].TrimStart('*');
            var previous = i > 0 ? segments[i - 1] : "";
            var value = Value(name, previous, token);
            if (value is null)
            {
                return null;
            }
            segments[i] = segment[..open] + Uri.EscapeDataString(value) + segment[(close + 1)..];
        }
        return "/" + string.Join('/', segments);
    }

    private string? Value(string name, string previous, string token) => name.ToLowerInvariant() switch
    {
        "eventid" => Text(EventId),
        "sessionid" => Text(SessionId),
        "attendeeid" => Text(AttendeeId),
        "token" => token,
        "slug" => Slug,
        "documentname" => "v1",
        "path" => "no-such-file.txt",
        "id" => previous switch
        {
            "events" => Text(EventId),
            "sessions" => Text(SessionId),
            "attendees" => Text(AttendeeId),
            "speakers" => Text(SpeakerId),
            "announcements" => Text(int.MaxValue),
            _ => null,
        },
        _ => null,
    };

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
