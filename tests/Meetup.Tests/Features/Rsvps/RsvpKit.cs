using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>What the RSVP tests share: an app without rate limits, published sessions, RSVP calls.</summary>
internal static class RsvpKit
{
    public static readonly Dictionary<string, string?> NoLimits = new() { ["RateLimiting:Enabled"] = "false" };

    public static Task<TestApp> StartAsync(string provider, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(NoLimits);
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        return TestApp.StartAsync(provider, all, time);
    }

    /// <summary>"2026-12-16T10:30Z": an instant the API reads without a time zone.</summary>
    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    public static async Task<SessionResource> PublishedSessionAsync(
        HttpClient admin, int capacity, DateTimeOffset startsAt, string format = "in_person", bool publish = true,
        DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, int? eventId = null)
    {
        eventId ??= (await Sessions.SessionApiTests.CreateEventAsync(admin)).Id;
        var response = await admin.PostAsJsonAsync($"/api/events/{eventId}/sessions", new
        {
            title = "Kubernetes 入門 #5",
            startsAt = Utc(startsAt),
            durationMinutes = 120,
            format,
            venueName = format == "online" ? null : "Room Fuji",
            venueAddress = format == "online" ? null : "1-2-3 Shibuya, Tokyo",
            onlineUrl = format == "in_person" ? null : "https://meet.example.com/k8s",
            capacity,
            languages = new[] { "zh", "ja" },
            rsvpOpensAt = opensAt is { } o ? Utc(o) : null,
            rsvpClosesAt = closesAt is { } c ? Utc(c) : null,
        });
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync<SessionResource>())!;
        if (publish)
        {
            (await admin.PostAsync($"/api/sessions/{session.Id}/publish", null)).EnsureSuccessStatusCode();
        }
        return session;
    }

    public static Task<HttpResponseMessage> RsvpAsync(HttpClient client, int sessionId, string name, string email, string? language = null, object? answers = null)
        => client.PostAsJsonAsync($"/api/sessions/{sessionId}/rsvps", new { name, email, language, answers });

    public static async Task<Outcome> OutcomeAsync(HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<Outcome>())!;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static async Task<HttpClient> DoorHelperAsync(TestApp app)
    {
        using (var scope = app.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>()
                .CreateAsync(new NewAccount("Door", "door@test.example", "door-helper-pass", Roles.DoorHelper));
        }
        return await app.ApiClientAsync("door@test.example", "door-helper-pass");
    }

    /// <summary>
    /// The manage token in the status email (confirmed or waitlisted) queued to <paramref name="email"/> for this
    /// session, decrypted as the sender would: where whoever RSVPs with a known email finds the link, in their
    /// inbox. Start the app with <see cref="SenderOff"/>, or the sender may send it and forget the secret first.
    /// </summary>
    public static async Task<string> EmailedTokenAsync(TestApp app, int sessionId, string email)
    {
        await using var db = app.Factory.CreateDbContext();
        var secret = await db.OutboxMessages
            .Where(o => o.SessionId == sessionId && o.Recipient == email
                && (o.Kind == NotificationKind.RsvpConfirmed || o.Kind == NotificationKind.RsvpWaitlisted))
            .OrderByDescending(o => o.Id).Select(o => o.Secret).FirstAsync();
        return app.Factory.Services.GetRequiredService<Outbox>().Unprotect(secret)!;
    }

    /// <summary>The outbox sender switched off: queued emails keep their encrypted link (<see cref="EmailedTokenAsync"/>).</summary>
    public static readonly Dictionary<string, string?> SenderOff = new() { ["Notifications:Enabled"] = "false" };

    internal sealed record Outcome(string Status, int? WaitlistPosition, string? ManageToken, string? ManageUrl, string? CheckInCode);
}
