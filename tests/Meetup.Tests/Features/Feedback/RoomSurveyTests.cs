using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meetup.Testing;
using Meetup.Tests.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Feedback.FeedbackKit;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>
/// The survey in the room: the QR code on the last slide (/admin/sessions/{id}/feedback-qr) leads to /feedback/{id},
/// where a person checked in names themselves by check-in code or email and answers once.
/// </summary>
public class RoomSurveyTests
{
    private static Dictionary<string, string> Fields(string who, string overall = "5", string comment = "")
        => new()
        {
            ["Who"] = who,
            ["Form.Overall"] = overall,
            ["Form.Understanding"] = "4",
            ["Form.Pace"] = "just_right",
            ["Form.Length"] = "too_long",
            ["Form.ComeNext"] = "yes",
            ["Form.NextTopic"] = "",
            ["Form.Comment"] = comment,
        };

    private static async Task<string> SubmitAsync(HttpClient client, int sessionId, Dictionary<string, string> fields)
        => await (await FormPost.SubmitAsync(client, $"/feedback/{sessionId}", "room-survey", fields)).Content.ReadAsStringAsync();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task People_checked_in_answer_by_check_in_code_or_email_once_and_nobody_else_can(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var aiko = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "佐藤 愛子", "aiko@example.com", "ja"));
        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { manageToken = aiko.ManageToken })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "walkin@example.com", name = "Walk In" })).EnsureSuccessStatusCode();
        await AttendeeAsync(app, admin, session.Id, "Absent", "absent@example.com", checkIn: false);
        AfterTheSession(time);
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja-JP"));

        var page = await client.GetStringAsync($"/feedback/{session.Id}");
        Assert.Contains("method=\"post\"", page, StringComparison.Ordinal); // a plain form: no JavaScript needed
        Assert.Contains("受付コード", page, StringComparison.Ordinal);

        // By check-in code as it is read out (a dash, lower case), in Japanese.
        var code = aiko.CheckInCode!.ToLowerInvariant();
        Assert.Contains("data-outcome=\"saved\"", await SubmitAsync(client, session.Id, Fields($"{code[..3]}-{code[3..]}", overall: "2", comment: "少し長かった")), StringComparison.Ordinal);
        // By email, however it is capitalized.
        Assert.Contains("data-outcome=\"saved\"", await SubmitAsync(app.Client(), session.Id, Fields(" WalkIn@Example.com ")), StringComparison.Ordinal);

        // Once: a second answer naming the same person changes nothing (that takes the emailed link).
        var again = await SubmitAsync(app.Client(), session.Id, Fields("aiko@example.com", overall: "5", comment: "overwritten?"));
        Assert.Contains("data-outcome=\"refused\"", again, StringComparison.Ordinal);
        var stored = (await app.Client().GetFromJsonAsync<JsonObject>($"/api/rsvps/{aiko.ManageToken}/feedback"))!;
        Assert.Equal((2, "少し長かった", "ja"), ((int)stored["overall"]!, (string?)stored["comment"], (string?)stored["language"]));

        // Unknown, registered but not checked in, or a wrong code: the same words, and nothing stored.
        var unknown = await SubmitAsync(app.Client(), session.Id, Fields("nobody@example.com", comment: "kept"));
        var absent = await SubmitAsync(app.Client(), session.Id, Fields("absent@example.com"));
        var wrongCode = await SubmitAsync(app.Client(), session.Id, Fields("ABC-DEF"));
        foreach (var html in new[] { unknown, absent, wrongCode })
        {
            Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
            Assert.Contains("data-field=\"who\">Nobody checked in to this session has this check-in code or email.", html, StringComparison.Ordinal);
        }
        Assert.Contains(">kept</textarea>", unknown, StringComparison.Ordinal); // what was typed stays

        var summary = (await admin.GetFromJsonAsync<JsonObject>($"/api/sessions/{session.Id}/feedback"))!;
        Assert.Equal((2, 3.5), ((int)summary["responses"]!, (double)summary["overallMean"]!));
    }

    [Fact]
    public async Task Every_missing_answer_is_named_and_the_form_is_closed_outside_its_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        using var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");

        var before = await app.Client().GetStringAsync($"/feedback/{session.Id}");
        Assert.Contains("data-outcome=\"closed\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Who\"", before, StringComparison.Ordinal);

        AfterTheSession(time);
        var html = await SubmitAsync(app.Client(), session.Id, Fields("", overall: ""));
        Assert.Contains("data-field=\"who\">Enter your check-in code or your email address.", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"overall\"", html, StringComparison.Ordinal);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(0, await db.Feedback.CountAsync());
        }

        time.Advance(TimeSpan.FromDays(8));
        Assert.Contains("data-outcome=\"closed\"", await app.Client().GetStringAsync($"/feedback/{session.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/feedback/{session.Id + 1000}")).StatusCode);
    }

    [Fact]
    public async Task The_organizer_gets_a_printable_qr_code_of_the_room_survey_and_drafts_have_none()
    {
        await using var app = await StartAsync("Sqlite");
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(3));
        var cookies = await BackOfficePage.SignInAsync(app);

        var html = await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}/feedback-qr", cookies, "en");

        Assert.Contains("<img src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Matches($"https?://[^<\"]+/feedback/{session.Id}</p>", html);
        Assert.Contains($"/admin/sessions/{session.Id}/feedback-qr", await BackOfficePage.GetAsync(app, $"/admin/sessions/{session.Id}", cookies, "en"), StringComparison.Ordinal);

        var draft = await SessionApiTests.CreateSessionAsync(admin, (await SessionApiTests.CreateEventAsync(admin)).Id);
        Assert.Contains("This session is a draft", await BackOfficePage.GetAsync(app, $"/admin/sessions/{draft.Id}/feedback-qr", cookies, "en"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/feedback/{draft.Id}")).StatusCode);
    }
}
