using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meetup.Testing;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Feedback.FeedbackKit;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>GET /api/sessions/{id}/feedback: what the organizer learns from a session's answers (docs/api.md, Feedback).</summary>
public class FeedbackSummaryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_organizer_sees_means_distributions_topics_and_comments_with_their_language(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var other = await SessionInAnHourAsync(admin, time, eventId: session.EventId);
        var gao = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com", "zh");
        var aiko = await AttendeeAsync(app, admin, session.Id, "Sato Aiko", "aiko@example.com", "ja");
        var sam = await AttendeeAsync(app, admin, session.Id, "Sam Lee", "sam@example.com", "en");
        await AttendeeAsync(app, admin, session.Id, "Silent Person", "silent@example.com"); // checked in, does not answer
        var elsewhere = await AttendeeAsync(app, admin, other.Id, "Other Person", "other@example.com");
        AfterTheSession(time);

        await PutAsync(app, gao, Answer(overall: 5, understanding: 4, pace: "too_fast", length: "just_right", comeNext: "yes", nextTopic: "Helm", comment: "讲得很好"));
        time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(app, aiko, Answer(overall: 4, understanding: 2, pace: "too_fast", length: "too_long", comeNext: "maybe", nextTopic: "Operators", comment: "  "));
        time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(app, sam, Answer(overall: 2, understanding: 2, pace: "just_right", length: "too_long", comeNext: "no", comment: "Too long for me."));
        await PutAsync(app, elsewhere, Answer(overall: 1, understanding: 1, nextTopic: "Not this session", comment: "Not this session"));

        var summary = (await admin.GetFromJsonAsync<JsonObject>($"/api/sessions/{session.Id}/feedback"))!;

        Assert.Equal((3, 4), ((int)summary["responses"]!, (int)summary["checkedIn"]!));
        Assert.Equal((3.67, 2.67), ((double)summary["overallMean"]!, (double)summary["understandingMean"]!));
        Assert.Equal((0, 1, 2), Three(summary["pace"]!, "too_slow", "just_right", "too_fast"));
        Assert.Equal((0, 1, 2), Three(summary["length"]!, "too_short", "just_right", "too_long"));
        Assert.Equal((1, 1, 1), Three(summary["comeNext"]!, "yes", "maybe", "no"));
        Assert.Equal(["Helm", "Operators"], summary["nextTopics"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(["讲得很好", "Too long for me."], summary["comments"]!.AsArray().Select(t => (string)t!));
        Assert.Equal([("讲得很好", "zh"), ("Too long for me.", "en")],
            summary["commentsWithLanguage"]!.AsArray().Select(c => ((string)c!["text"]!, (string)c["language"]!)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Without_answers_the_means_are_null_and_an_unknown_session_is_404(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");

        var summary = (await admin.GetFromJsonAsync<JsonObject>($"/api/sessions/{session.Id}/feedback"))!;

        Assert.Equal((0, 1), ((int)summary["responses"]!, (int)summary["checkedIn"]!));
        Assert.Null(summary["overallMean"]);
        Assert.Null(summary["understandingMean"]);
        Assert.True(summary.ContainsKey("overallMean"));
        Assert.Equal((0, 0, 0), Three(summary["pace"]!, "too_slow", "just_right", "too_fast"));
        Assert.Empty(summary["nextTopics"]!.AsArray());
        Assert.Empty(summary["comments"]!.AsArray());
        using var unknown = await admin.GetAsync($"/api/sessions/{session.Id + 1000}/feedback");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/api/sessions/{session.Id}/feedback")).StatusCode);
    }

    private static (int, int, int) Three(JsonNode counts, string a, string b, string c)
        => ((int)counts[a]!, (int)counts[b]!, (int)counts[c]!);
}
