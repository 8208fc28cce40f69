using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meetup.Testing;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Feedback.FeedbackKit;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>PUT/GET /api/rsvps/{manageToken}/feedback: who may answer, when, once, and what is refused (docs/api.md, Feedback).</summary>
public class FeedbackApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_checked_in_person_answers_and_a_second_answer_replaces_the_first(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var token = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com", "zh");
        AfterTheSession(time);

        using var first = await PutAsync(app, token, Answer(overall: 2, understanding: 1, pace: "too_fast", nextTopic: "  Helm charts  ", comment: "太快了"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stored = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((session.Id, 2, 1, "too_fast", "too_long", "yes"),
            ((int)stored["sessionId"]!, (int)stored["overall"]!, (int)stored["understanding"]!, (string?)stored["pace"], (string?)stored["length"], (string?)stored["comeNext"]));
        Assert.Equal(("Helm charts", "太快了", "zh"), ((string?)stored["nextTopic"], (string?)stored["comment"], (string?)stored["language"]));

        time.Advance(TimeSpan.FromDays(1));
        using var second = await PutAsync(app, token, Answer(overall: 5, understanding: 4, pace: "just_right", length: "just_right", comeNext: "maybe"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var got = (await app.Client().GetFromJsonAsync<JsonObject>($"/api/rsvps/{token}/feedback"))!;
        Assert.Equal((5, 4, "just_right", "just_right", "maybe"),
            ((int)got["overall"]!, (int)got["understanding"]!, (string?)got["pace"], (string?)got["length"], (string?)got["comeNext"]));
        Assert.Equal(((string?)null, (string?)null), ((string?)got["nextTopic"], (string?)got["comment"])); // replaced, not merged
        Assert.True((DateTime)got["updatedAt"]! > (DateTime)got["createdAt"]!);
        using var organizer = await app.ApiClientAsync(); // a day later: a new bearer token
        var summary = (await organizer.GetFromJsonAsync<JsonObject>($"/api/sessions/{session.Id}/feedback"))!;
        Assert.Equal((1, 5.0), ((int)summary["responses"]!, (double)summary["overallMean"]!)); // one answer per person and session
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Someone_registered_but_not_checked_in_gets_409_and_nothing_is_stored(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var token = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com", checkIn: false);
        AfterTheSession(time);

        using var put = await PutAsync(app, token, Answer());

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("checked in", (await JsonAsync(put)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/rsvps/{token}/feedback")).StatusCode);
        var summary = (await admin.GetFromJsonAsync<JsonObject>($"/api/sessions/{session.Id}/feedback"))!;
        Assert.Equal((0, 0), ((int)summary["responses"]!, (int)summary["checkedIn"]!));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_online_join_counts_as_checked_in(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time, format: "online");
        var token = await AttendeeAsync(app, admin, session.Id, "Kim Minjun", "minjun@example.com", checkIn: false);
        time.Advance(TimeSpan.FromMinutes(70));
        (await app.Client().PostAsync($"/api/rsvps/{token}/join", null)).EnsureSuccessStatusCode();

        using var put = await PutAsync(app, token, Answer());

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_survey_opens_at_the_start_and_closes_seven_days_after_the_end(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var token = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");

        using var early = await PutAsync(app, token, Answer());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("not started", (await JsonAsync(early)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(61)); // during the session
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(app, token, Answer(overall: 3))).StatusCode);

        time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromDays(6)); // day 6 after the end
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(app, token, Answer(overall: 4))).StatusCode);

        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // just over 7 days after the end
        using var late = await PutAsync(app, token, Answer(overall: 1));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("closed", (await JsonAsync(late)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The answer given in time stays, and can still be read.
        Assert.Equal(4, (int)(await app.Client().GetFromJsonAsync<JsonObject>($"/api/rsvps/{token}/feedback"))!["overall"]!);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_bad_field_is_named_in_a_400_and_nothing_is_stored(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var token = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");
        AfterTheSession(time);

        using var bad = await PutAsync(app, token, new
        {
            overall = 0,
            understanding = 6,
            pace = "fast",
            length = "1",
            comeNext = "perhaps",
            nextTopic = new string('x', 501),
            comment = new string('y', 2001),
        });
        using var missing = await PutAsync(app, token, new { });
        using var control = await PutAsync(app, token, Answer(nextTopic: "Rust\u0000", comment: "ok\u001b[31m"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.Equal(["comeNext", "comment", "length", "nextTopic", "overall", "pace", "understanding"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["comeNext", "length", "overall", "pace", "understanding"],
            (await JsonAsync(missing)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Equal(["comment", "nextTopic"],
            (await JsonAsync(control)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/rsvps/{token}/feedback")).StatusCode);

        // At the limits, the same texts are fine.
        using var fine = await PutAsync(app, token, Answer(overall: 1, understanding: 5, nextTopic: new string('x', 500), comment: new string('y', 2000)));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unknown_link_is_404(string provider)
    {
        await using var app = await StartAsync(provider);

        foreach (var token in new[] { "not-a-token", new string('A', 32) })
        {
            using var put = await PutAsync(app, token, Answer());
            using var get = await app.Client().GetAsync($"/api/rsvps/{token}/feedback");
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (put.StatusCode, get.StatusCode));
            Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        }
    }
}
