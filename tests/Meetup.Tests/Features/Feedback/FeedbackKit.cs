using System.Net.Http.Json;
using Meetup.Testing;
using Meetup.Web.Features.Sessions;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>What the feedback tests share: a session an hour ahead (two hours long) and people checked in to it.</summary>
internal static class FeedbackKit
{
    /// <summary>A whole answer, as the survey sends it.</summary>
    public static object Answer(int overall = 4, int understanding = 3, string pace = "just_right", string length = "too_long",
        string comeNext = "yes", string? nextTopic = null, string? comment = null)
        => new { overall, understanding, pace, length, comeNext, nextTopic, comment };

    public static async Task<SessionResource> SessionInAnHourAsync(HttpClient admin, FakeTimeProvider time, string format = "in_person", int? eventId = null)
        => await PublishedSessionAsync(admin, 20, time.GetUtcNow().AddHours(1), format: format, eventId: eventId);

    /// <summary>RSVPs (in <paramref name="language"/>) and, unless told not to, is checked in at the door; answers the manage token.</summary>
    public static async Task<string> AttendeeAsync(TestApp app, HttpClient admin, int sessionId, string name, string email, string? language = null, bool checkIn = true)
    {
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), sessionId, name, email, language));
        if (checkIn)
        {
            (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/checkins", new { manageToken = rsvp.ManageToken })).EnsureSuccessStatusCode();
        }
        return rsvp.ManageToken!;
    }

    /// <summary>Moves the clock to just after the session (started an hour from the start of the test, two hours long).</summary>
    public static void AfterTheSession(FakeTimeProvider time) => time.Advance(TimeSpan.FromHours(3));

    public static Task<HttpResponseMessage> PutAsync(TestApp app, string token, object answer)
        => app.Client().PutAsJsonAsync($"/api/rsvps/{token}/feedback", answer);
}
