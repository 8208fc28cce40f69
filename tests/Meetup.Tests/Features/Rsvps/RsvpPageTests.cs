using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Testing;
using Meetup.Tests.Features.Events;
using Meetup.Web.Features.Rsvps.Questions;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>The static RSVP form and manage page, posted as a browser without JavaScript would.</summary>
public partial class RsvpPageTests
{
    private static readonly DateTimeOffset InThreeWeeks = DateTimeOffset.UtcNow.AddDays(21);

    [Fact]
    public async Task The_form_gives_a_seat_and_a_link_to_the_rsvp_page()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        var client = app.Client();

        var response = await FormPost.SubmitAsync(client, $"/rsvp/new/{session.Id}", "rsvp", Fields("Gao Lin", "gao@example.com", "ja"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"confirmed\"", html, StringComparison.Ordinal);
        Assert.Contains("You have a seat!", html, StringComparison.Ordinal);
        var manage = ManageLink().Match(html);
        Assert.True(manage.Success, "The outcome links to the RSVP page.");
        await using var db = app.Factory.CreateDbContext();
        var rsvp = await db.Rsvps.Include(r => r.Attendee).SingleAsync();
        Assert.Equal(("Gao Lin", "ja"), (rsvp.Attendee!.DisplayName, rsvp.Attendee.PreferredLanguage));
        Assert.Equal(rsvp.Id, (await db.RsvpManageTokens.SingleAsync(t => t.Hash == ManageTokens.Hash(manage.Groups[1].Value))).RsvpId);
    }

    [Fact]
    public async Task A_full_room_puts_the_form_on_the_waitlist_and_the_same_email_again_gets_a_generic_answer()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, InThreeWeeks);
        var client = app.Client();
        await FormPost.SubmitAsync(client, $"/rsvp/new/{session.Id}", "rsvp", Fields("A", "a@example.com"));

        var waitlisted = await (await FormPost.SubmitAsync(client, $"/rsvp/new/{session.Id}", "rsvp", Fields("B", "b@example.com"))).Content.ReadAsStringAsync();
        var again = await (await FormPost.SubmitAsync(client, $"/rsvp/new/{session.Id}", "rsvp", Fields("Mallory", "a@example.com"))).Content.ReadAsStringAsync();

        Assert.Contains("data-outcome=\"waitlisted\"", waitlisted, StringComparison.Ordinal);
        Assert.Contains("number 1", waitlisted, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"registered\"", again, StringComparison.Ordinal);
        Assert.DoesNotMatch(ManageLink(), again);
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_politely_and_nothing_is_stored_or_sent()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        var fields = Fields("Bot", "bot@example.com");
        fields["Form.Website"] = "https://spam.example.com";

        var html = await (await FormPost.SubmitAsync(app.Client(), $"/rsvp/new/{session.Id}", "rsvp", fields)).Content.ReadAsStringAsync();

        Assert.Contains("data-outcome=\"registered\"", html, StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Rsvps);
        Assert.Empty(db.Attendees);
        Assert.Empty(db.OutboxMessages);
    }

    [Fact]
    public async Task Field_errors_show_under_the_fields_and_keep_what_was_typed()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);

        var html = await (await FormPost.SubmitAsync(app.Client(), $"/rsvp/new/{session.Id}", "rsvp", Fields("", "not-an-email"))).Content.ReadAsStringAsync();

        Assert.Contains("data-field=\"name\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"email\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Rsvps);
    }

    [Fact]
    public async Task Registration_questions_are_asked_required_ones_enforced_and_answers_kept_with_their_prompt()
    {
        await using var app = await StartAsync("Sqlite");
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var put = await admin.PutAsJsonAsync($"/api/events/{ev.Id}/questions", new object[]
        {
            new { prompt = "Which track?", kind = "single_choice", options = new[] { "Beginner", "Advanced" }, required = true },
            new { prompt = "Anything we should know?", kind = "short_text" },
        });
        var questions = (await put.Content.ReadFromJsonAsync<List<QuestionResource>>())!;
        var session = await PublishedSessionAsync(admin, 5, InThreeWeeks, eventId: ev.Id);
        var track = $"Form.Answers[{questions[0].Id}]";

        var missing = await (await FormPost.SubmitAsync(app.Client(), $"/rsvp/new/{session.Id}", "rsvp", Fields("A", "a@example.com"))).Content.ReadAsStringAsync();
        var fields = Fields("A", "a@example.com");
        fields[track] = "Advanced";
        var answered = await (await FormPost.SubmitAsync(app.Client(), $"/rsvp/new/{session.Id}", "rsvp", fields)).Content.ReadAsStringAsync();

        Assert.Contains($"data-field=\"answers.{questions[0].Id}\"", missing, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"confirmed\"", answered, StringComparison.Ordinal);
        var list = (await admin.GetFromJsonAsync<List<RsvpListItem>>($"/api/sessions/{session.Id}/rsvps"))!;
        Assert.Equal([new AnswerSnapshot(questions[0].Id, "Which track?", "Advanced")], Assert.Single(list).Answers);
        await EventApiTests.AssertFieldError(await admin.PutAsJsonAsync($"/api/events/{ev.Id}/questions", new object[] { new { prompt = "Pick", kind = "single_choice", options = new[] { "Only" } } }), "[0].options");
    }

    [Fact]
    public async Task A_cancelled_session_explains_why_and_a_draft_is_not_found()
    {
        await using var app = await StartAsync("Sqlite");
        var admin = await app.ApiClientAsync();
        var cancelled = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        await admin.PostAsJsonAsync($"/api/sessions/{cancelled.Id}/cancel", new { });
        var draft = await PublishedSessionAsync(admin, 5, InThreeWeeks, publish: false);

        var page = await app.Client().GetStringAsync($"/rsvp/new/{cancelled.Id}");

        Assert.Contains("data-outcome=\"not-open\"", page, StringComparison.Ordinal);
        Assert.Contains("This session has been cancelled.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Email\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/rsvp/new/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_rsvp_page_shows_the_code_changes_the_name_and_cancels_after_a_confirmation()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, InThreeWeeks);
        var mine = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "A", "a@example.com"));
        var next = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "B", "b@example.com"));
        var url = $"/rsvp/{mine.ManageToken}";
        var client = app.Client();

        var page = await client.GetStringAsync(url);
        Assert.Contains($"data-code=\"{mine.CheckInCode}\"", page, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"confirmed\"", page, StringComparison.Ordinal);

        var renamed = await (await FormPost.SubmitAsync(client, url, "profile", new Dictionary<string, string> { ["Profile.Name"] = "Aiko", ["Profile.Language"] = "ja" })).Content.ReadAsStringAsync();
        Assert.Contains("Aiko", renamed, StringComparison.Ordinal);

        var confirm = await client.GetStringAsync($"{url}?cancel=1");
        Assert.Contains("Yes, cancel my RSVP", confirm, StringComparison.Ordinal);
        var cancelled = await (await FormPost.SubmitAsync(client, $"{url}?cancel=1", "cancel", new Dictionary<string, string> { ["CancelRequest"] = "yes" })).Content.ReadAsStringAsync();

        Assert.Contains("data-status=\"cancelled\"", cancelled, StringComparison.Ordinal);
        Assert.Equal("confirmed", (await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{next.ManageToken}"))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/rsvp/this-is-not-a-valid-token-at-all")).StatusCode);
    }

    [Fact]
    public async Task The_rsvp_page_offers_the_session_as_a_calendar_file()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, InThreeWeeks);
        var mine = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "A", "a@example.com"));

        var response = await app.Client().GetAsync($"/rsvp/{mine.ManageToken}/calendar.ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(session.Title, Assert.Single(calendar.Events).Summary);
    }

    [Fact]
    public async Task Too_many_form_posts_get_a_friendly_429_page()
    {
        await using var app = await TestApp.StartAsync("Sqlite", new Dictionary<string, string?> { ["RateLimiting:Rsvp:PermitLimit"] = "1" });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        await FormPost.SubmitAsync(app.Client(), $"/rsvp/new/{session.Id}", "rsvp", Fields("A", "a@example.com"));

        var limited = await FormPost.SubmitAsync(app.Client(), $"/rsvp/new/{session.Id}", "rsvp", Fields("B", "b@example.com"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("text/html", limited.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Please wait a moment", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string name, string email, string language = "en") => new()
    {
        ["Form.Name"] = name,
        ["Form.Email"] = email,
        ["Form.Language"] = language,
        ["Form.Website"] = "",
    };

    [GeneratedRegex("href=\"/rsvp/([A-Za-z0-9_-]{32})\"")]
    private static partial Regex ManageLink();
}
