using System.Net.Http.Json;
using Meetup.Testing;
using Meetup.Web.Features.Sessions;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>
/// Sessions of one event on consecutive days and people who come to several of them. Start the app with
/// <see cref="SenderOff"/>: a person's second RSVP answers no link, they find it in their email.
/// </summary>
internal static class SeriesKit
{
    /// <summary><paramref name="count"/> published sessions of one event, a day apart, the first an hour ahead (two hours each).</summary>
    public static async Task<IReadOnlyList<SessionResource>> DailySessionsAsync(HttpClient admin, FakeTimeProvider time, int count, int? eventId = null)
    {
        var sessions = new List<SessionResource>();
        for (var day = 0; day < count; day++)
        {
            var session = await PublishedSessionAsync(admin, 50, time.GetUtcNow().AddDays(day).AddHours(1), eventId: eventId ?? sessions.FirstOrDefault()?.EventId);
            sessions.Add(session);
        }
        return sessions;
    }

    /// <summary>RSVPs and is checked in at the door; answers the person's manage token for that session.</summary>
    public static async Task<string> ComesAsync(TestApp app, HttpClient admin, int sessionId, string name, string email, string? language = null)
    {
        var outcome = await OutcomeAsync(await RsvpAsync(app.Client(), sessionId, name, email, language));
        var token = outcome.ManageToken ?? await EmailedTokenAsync(app, sessionId, email);
        (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/checkins", new { manageToken = token })).EnsureSuccessStatusCode();
        return token;
    }

    /// <summary>Answers the survey; fails the test unless it was taken.</summary>
    public static async Task AnswersAsync(TestApp app, string token, object answer)
        => (await FeedbackKit.PutAsync(app, token, answer)).EnsureSuccessStatusCode();
}
