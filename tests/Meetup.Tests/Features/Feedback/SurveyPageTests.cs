using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meetup.Testing;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Feedback.FeedbackKit;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>The one-minute survey at /rsvp/{token}/feedback: a static form, no JavaScript, in the reader's language.</summary>
public class SurveyPageTests
{
    private static Dictionary<string, string> Fields(string overall = "4", string understanding = "2", string pace = "too_fast",
        string length = "just_right", string comeNext = "maybe", string nextTopic = "", string comment = "")
    {
        return new()
        {
            ["Form.Overall"] = overall,
            ["Form.Understanding"] = understanding,
            ["Form.Pace"] = pace,
            ["Form.Length"] = length,
            ["Form.ComeNext"] = comeNext,
            ["Form.NextTopic"] = nextTopic,
            ["Form.Comment"] = comment,
        };
    }

    private static HttpClient Japanese(TestApp app)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja-JP"));
        return client;
    }

    [Fact]
    public async Task A_japanese_attendee_answers_on_the_static_form_and_can_change_the_answer()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var token = await AttendeeAsync(app, admin, session.Id, "佐藤 愛子", "aiko@example.com", "ja");
        AfterTheSession(time);
        var client = Japanese(app);

        var form = await client.GetStringAsync($"/rsvp/{token}/feedback");
        Assert.Contains("<html lang=\"ja\"", form, StringComparison.Ordinal);
        Assert.Contains("内容を理解できた", form, StringComparison.Ordinal);
        Assert.Contains("method=\"post\"", form, StringComparison.Ordinal); // a plain form: answered without JavaScript

        var answered = await (await FormPost.SubmitAsync(client, $"/rsvp/{token}/feedback", "survey",
            Fields(nextTopic: "Helm の実践", comment: "少し速かったです"))).Content.ReadAsStringAsync();

        Assert.Contains("data-outcome=\"saved\"", answered, StringComparison.Ordinal);
        var stored = (await app.Client().GetFromJsonAsync<JsonObject>($"/api/rsvps/{token}/feedback"))!;
        Assert.Equal((4, 2, "too_fast", "just_right", "maybe", "Helm の実践", "少し速かったです", "ja"),
            ((int)stored["overall"]!, (int)stored["understanding"]!, (string?)stored["pace"], (string?)stored["length"],
             (string?)stored["comeNext"], (string?)stored["nextTopic"], (string?)stored["comment"], (string?)stored["language"]));

        // Opened again, the form shows the answer given, to be changed.
        var again = await client.GetStringAsync($"/rsvp/{token}/feedback");
        Assert.Matches("name=\"Form.Pace\"[^>]*value=\"too_fast\"[^>]*checked|value=\"too_fast\"[^>]*name=\"Form.Pace\"[^>]*checked", again);
        Assert.Contains("少し速かったです", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_answers_are_named_on_the_form_and_nothing_is_stored()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var token = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");
        AfterTheSession(time);

        var html = await (await FormPost.SubmitAsync(app.Client(), $"/rsvp/{token}/feedback", "survey",
            Fields(overall: "", pace: "sideways", comment: "kept while I fix the rest"))).Content.ReadAsStringAsync();

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"overall\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"pace\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-field=\"length\"", html, StringComparison.Ordinal);
        Assert.Contains("Choose one of the answers.", html, StringComparison.Ordinal); // in words, not the API's too_slow, …
        Assert.DoesNotContain("too_slow, just_right", html, StringComparison.Ordinal);
        Assert.Contains("kept while I fix the rest", html, StringComparison.Ordinal); // nothing typed is lost
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/rsvps/{token}/feedback")).StatusCode);
    }

    [Fact]
    public async Task Someone_not_checked_in_or_too_late_gets_a_friendly_page_without_a_form()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var absent = await AttendeeAsync(app, admin, session.Id, "No Show", "noshow@example.com", checkIn: false);
        var came = await AttendeeAsync(app, admin, session.Id, "Came", "came@example.com");

        var early = await app.Client().GetStringAsync($"/rsvp/{came}/feedback");
        Assert.Contains("feedback opens when it starts", early, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Overall\"", early, StringComparison.Ordinal);

        AfterTheSession(time);
        var notIn = await app.Client().GetStringAsync($"/rsvp/{absent}/feedback");
        Assert.Contains("Only people checked in to this session can give feedback on it.", notIn, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Overall\"", notIn, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromDays(8));
        var closed = await app.Client().GetStringAsync($"/rsvp/{came}/feedback");
        Assert.Contains("Feedback on this session is closed", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Overall\"", closed, StringComparison.Ordinal);

        var unknown = await app.Client().GetAsync("/rsvp/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/feedback");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_manage_page_offers_the_survey_once_the_person_is_checked_in()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var came = await AttendeeAsync(app, admin, session.Id, "Came", "came@example.com");
        var absent = await AttendeeAsync(app, admin, session.Id, "No Show", "noshow@example.com", checkIn: false);
        AfterTheSession(time);

        Assert.Contains($"href=\"/rsvp/{came}/feedback\"", await app.Client().GetStringAsync($"/rsvp/{came}"), StringComparison.Ordinal);
        Assert.DoesNotContain("/feedback\"", await app.Client().GetStringAsync($"/rsvp/{absent}"), StringComparison.Ordinal);
    }
}
