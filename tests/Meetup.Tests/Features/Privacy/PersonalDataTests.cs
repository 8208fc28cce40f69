using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Rsvps.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Privacy;

/// <summary>GET /api/rsvps/{manageToken}/my-data and POST /api/rsvps/{manageToken}/erase (docs/api.md, RSVP).</summary>
public class PersonalDataTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_link_holder_gets_everything_held_about_them_across_events(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var (first, question) = await SessionWithQuestionAsync(admin, 5, time.GetUtcNow().AddDays(10));
        var other = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(20));
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), first.Id, "Gao Lin", "gao@example.com", "zh", new Dictionary<string, string> { [question.ToString()] = "Rust, please" }));
        await RsvpAsync(app.Client(), other.Id, "Gao Lin", "Gao@Example.com");
        (await admin.PostAsJsonAsync($"/api/sessions/{other.Id}/checkins", new { email = "gao@example.com" })).EnsureSuccessStatusCode();
        await RsvpAsync(app.Client(), first.Id, "Someone Else", "else@example.com");

        var data = (await app.Client().GetFromJsonAsync<JsonObject>($"/api/rsvps/{rsvp.ManageToken}/my-data"))!;

        var person = data["person"]!;
        Assert.Equal(("Gao Lin", "gao@example.com", "zh"), ((string?)person["name"], (string?)person["email"], (string?)person["preferredLanguage"]));
        var rsvps = data["rsvps"]!.AsArray();
        Assert.Equal([first.Id, other.Id], rsvps.Select(r => (int)r!["sessionId"]!));
        Assert.Equal(("confirmed", rsvp.CheckInCode), ((string?)rsvps[0]!["status"], (string?)rsvps[0]!["checkInCode"]));
        var answer = Assert.Single(rsvps[0]!["answers"]!.AsArray())!;
        Assert.Equal(("Which topic next?", "Rust, please"), ((string?)answer["question"], (string?)answer["answer"]));
        var checkIn = Assert.Single(data["checkIns"]!.AsArray())!;
        Assert.Equal((other.Id, "manual"), ((int)checkIn["sessionId"]!, (string?)checkIn["method"]));
        var emails = data["emails"]!.AsArray();
        Assert.Contains(emails, e => (string?)e!["kind"] == "rsvp_confirmed" && (string?)e["to"] == "gao@example.com");
        Assert.DoesNotContain(data.ToJsonString(), "else@example.com", StringComparison.Ordinal);

        // The same as a file from the manage page.
        using var file = await app.Client().GetAsync($"/rsvp/{rsvp.ManageToken}/my-data.json");
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Gao Lin", (string?)JsonNode.Parse(await file.Content.ReadAsStringAsync())!["person"]!["name"]);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/api/rsvps/not-a-token/my-data")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/rsvps/{new string('A', 32)}/my-data")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Erasing_removes_name_email_and_answers_for_good_frees_the_seat_and_keeps_the_figures(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var (upcoming, question) = await SessionWithQuestionAsync(admin, 1, time.GetUtcNow().AddDays(10));
        var past = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddMinutes(30), eventId: upcoming.EventId);
        var gao = await OutcomeAsync(await RsvpAsync(app.Client(), upcoming.Id, "Gao Lin", "gao@example.com", "zh", new Dictionary<string, string> { [question.ToString()] = "Rust" }));
        var waiting = await OutcomeAsync(await RsvpAsync(app.Client(), upcoming.Id, "Kim Minjun", "minjun@example.com"));
        await RsvpAsync(app.Client(), past.Id, "Gao Lin", "gao@example.com");
        (await admin.PostAsJsonAsync($"/api/sessions/{past.Id}/checkins", new { email = "gao@example.com" })).EnsureSuccessStatusCode();
        time.Advance(TimeSpan.FromHours(3)); // the second session is over
        await Notifications.MailKit.DrainAsync(app.Factory); // the confirmations go out (and are kept, for now)
        int gaoId;
        await using (var db = app.Factory.CreateDbContext())
        {
            gaoId = await db.Attendees.Where(a => a.Email == "gao@example.com").Select(a => a.Id).SingleAsync();
            db.AttendeeAliases.Add(new AttendeeAlias { Email = "gao.lin@work.example", AttendeeId = gaoId, CreatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var before = await ReportAsync(admin, upcoming.EventId);
        Assert.Equal("waitlisted", waiting.Status);

        using var erased = await app.Client().PostAsync($"/api/rsvps/{gao.ManageToken}/erase", null);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, (int)(await erased.Content.ReadFromJsonAsync<JsonObject>())!["rsvpsCancelled"]!);
        await using (var db = app.Factory.CreateDbContext())
        {
            var person = await db.Attendees.SingleAsync(a => a.Id == gaoId);
            Assert.Equal((null, null, null), (person.Email, person.DisplayName, person.PreferredLanguage));
            Assert.NotNull(person.ErasedAt);
            Assert.Empty(await db.AttendeeAliases.ToListAsync());
            Assert.All(await db.Rsvps.Where(r => r.AttendeeId == gaoId).ToListAsync(), r => Assert.Null(r.Answers));
            Assert.Empty(await db.RsvpManageTokens.Where(t => t.Rsvp!.AttendeeId == gaoId).ToListAsync());
            Assert.Equal(RsvpStatus.Cancelled, (await db.Rsvps.SingleAsync(r => r.AttendeeId == gaoId && r.SessionId == upcoming.Id)).Status);
            // Their seat went to the waitlist at once, and the promoted person is told.
            var minjun = await db.Rsvps.Include(r => r.Attendee).SingleAsync(r => r.Attendee!.Email == "minjun@example.com");
            Assert.Equal((RsvpStatus.Confirmed, (int?)null), (minjun.Status, minjun.WaitlistPosition));
            Assert.True(await db.OutboxMessages.AnyAsync(o => o.Kind == NotificationKind.RsvpPromoted && o.AttendeeId == minjun.AttendeeId));
            // Nothing waits to be sent to them; what was sent keeps only its kind and times.
            var theirs = await db.OutboxMessages.Where(o => o.AttendeeId == gaoId).ToListAsync();
            Assert.NotEmpty(theirs);
            Assert.All(theirs, o =>
            {
                Assert.NotNull(o.SentAt);
                Assert.Equal(("", "{}", null, null, null), (o.Recipient, o.Payload, o.Subject, o.TextBody, o.Attachments));
            });
            // Their attendance stays, anonymous.
            Assert.True(await db.CheckIns.AnyAsync(c => c.AttendeeId == gaoId && c.SessionId == past.Id));
        }
        var after = await ReportAsync(admin, upcoming.EventId);
        Assert.Equal((int)before["overall"]!["uniqueAttendees"]!, (int)after["overall"]!["uniqueAttendees"]!);
        Assert.DoesNotContain("gao@example.com", after.ToJsonString(), StringComparison.Ordinal);

        // The link is dead; erasing again finds nobody; the same email later is a new person.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/rsvps/{gao.ManageToken}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().PostAsync($"/api/rsvps/{gao.ManageToken}/erase", null)).StatusCode);
        var later = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(30), eventId: upcoming.EventId);
        Assert.NotNull((await OutcomeAsync(await RsvpAsync(app.Client(), later.Id, "Gao Lin", "gao@example.com"))).ManageUrl);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.NotEqual(gaoId, await db.Attendees.Where(a => a.Email == "gao@example.com").Select(a => a.Id).SingleAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_organizer_erases_a_person_who_asked_them_to(string provider)
    {
        await using var app = await StartAsync(provider);
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(10));
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com"));
        int id;
        await using (var db = app.Factory.CreateDbContext())
        {
            id = await db.Attendees.Select(a => a.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().PostAsync($"/api/attendees/{id}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Import.HistoryApi.DoorHelperClientAsync(app)).PostAsync($"/api/attendees/{id}/erase", null)).StatusCode);

        using var erased = await admin.PostAsync($"/api/attendees/{id}/erase", null);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, (int)(await erased.Content.ReadFromJsonAsync<JsonObject>())!["rsvpsCancelled"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/rsvps/{rsvp.ManageToken}")).StatusCode);
        var history = (await admin.GetFromJsonAsync<JsonObject>($"/api/attendees/{id}"))!;
        Assert.Equal((true, null, null), ((bool)history["erased"]!, (string?)history["name"], (string?)history["email"]));
        using var again = await admin.PostAsync($"/api/attendees/{id}/erase", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("already erased", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_rsvp_that_meets_an_erasure_in_progress_waits_for_it_and_does_not_revive_the_erased_person(string provider)
    {
        await using var app = await StartAsync(provider);
        using var admin = await app.ApiClientAsync();
        var first = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(10));
        var second = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(20), eventId: first.EventId);
        await RsvpAsync(app.Client(), first.Id, "Gao Lin", "gao@example.com");
        int gao;
        await using (var db = app.Factory.CreateDbContext())
        {
            gao = await db.Attendees.Select(a => a.Id).SingleAsync();
        }

        // An erasure of Gao holds their row (on SQLite: the database) while Gao RSVPs again.
        await using var erasure = app.Factory.CreateDbContext();
        await using var tx = await erasure.Database.BeginTransactionAsync();
        await erasure.Attendees.Where(a => a.Id == gao).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Email, (string?)null).SetProperty(a => a.DisplayName, (string?)null).SetProperty(a => a.ErasedAt, DateTime.UtcNow));
        var rsvp = RsvpAsync(app.Client(), second.Id, "Gao Lin", "gao@example.com");
        await Task.Delay(500);
        Assert.False(rsvp.IsCompleted, "The RSVP waits for the erasure.");
        await tx.CommitAsync();

        Assert.NotNull((await OutcomeAsync(await rsvp)).ManageUrl); // a new RSVP …
        await using var after = app.Factory.CreateDbContext();
        var holder = await after.Rsvps.Where(r => r.SessionId == second.Id).Select(r => r.AttendeeId).SingleAsync();
        Assert.NotEqual(gao, holder); // … of a new person: the erased one stays erased, with no upcoming RSVP
        Assert.Equal("gao@example.com", await after.Attendees.Where(a => a.Id == holder).Select(a => a.Email).SingleAsync());
    }

    [Fact]
    public async Task The_manage_pages_erase_form_works_without_javascript_and_a_second_send_gets_a_page_not_an_error()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, DateTimeOffset.UtcNow.AddDays(10));
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com"));
        var client = app.Client();
        var page = await client.GetAsync($"/rsvp/{rsvp.ManageToken}?erase=1");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Erase your data for good?", html, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookies = FormPost.Cookies(page);

        async Task<string> SendAsync()
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/rsvp/{rsvp.ManageToken}?erase=1")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "erase",
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                    ["EraseRequest"] = "yes",
                }),
            };
            post.Headers.Add("Cookie", cookies);
            using var response = await client.SendAsync(post);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Your data is erased", await SendAsync(), StringComparison.Ordinal);
        Assert.Contains("If you have just erased your data, it is gone.", await SendAsync(), StringComparison.Ordinal); // a double click
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/rsvp/{rsvp.ManageToken}")).StatusCode);
        await using var db = app.Factory.CreateDbContext();
        Assert.NotNull((await db.Attendees.SingleAsync()).ErasedAt);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task My_data_holds_their_feedback_and_erasure_blanks_its_free_text_and_keeps_the_numbers(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        using var admin = await app.ApiClientAsync();
        var session = await Feedback.FeedbackKit.SessionInAnHourAsync(admin, time);
        var gao = await Feedback.FeedbackKit.AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com", "zh");
        Feedback.FeedbackKit.AfterTheSession(time);
        (await Feedback.FeedbackKit.PutAsync(app, gao, Feedback.FeedbackKit.Answer(
            overall: 4, understanding: 2, pace: "too_fast", nextTopic: "Helm", comment: "Gao here: too fast"))).EnsureSuccessStatusCode();

        var data = (await app.Client().GetFromJsonAsync<JsonObject>($"/api/rsvps/{gao}/my-data"))!;

        var mine = Assert.Single(data["feedback"]!.AsArray())!;
        Assert.Equal((session.Id, 4, 2, "too_fast", "Helm", "Gao here: too fast", "zh"),
            ((int)mine["sessionId"]!, (int)mine["overall"]!, (int)mine["understanding"]!, (string?)mine["pace"],
                (string?)mine["nextTopic"], (string?)mine["comment"], (string?)mine["language"]));

        (await app.Client().PostAsync($"/api/rsvps/{gao}/erase", null)).EnsureSuccessStatusCode();

        var summary = (await admin.GetFromJsonAsync<JsonObject>($"/api/sessions/{session.Id}/feedback"))!;
        Assert.Equal((1, 4.0, 2.0), ((int)summary["responses"]!, (double)summary["overallMean"]!, (double)summary["understandingMean"]!));
        Assert.Equal(1, (int)summary["pace"]!["too_fast"]!);
        Assert.Empty(summary["nextTopics"]!.AsArray());
        Assert.Empty(summary["comments"]!.AsArray());
        Assert.DoesNotContain("Gao here", summary.ToJsonString(), StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(await Notifications.DatabaseScan.FindAsync(db, "Gao here")); // gone from every table, not just the summary
        Assert.Empty(await Notifications.DatabaseScan.FindAsync(db, "Helm"));
    }

    private static async Task<(Meetup.Web.Features.Sessions.SessionResource Session, int QuestionId)> SessionWithQuestionAsync(HttpClient admin, int capacity, DateTimeOffset startsAt)
    {
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var put = await admin.PutAsJsonAsync($"/api/events/{ev.Id}/questions", new object[] { new { prompt = "Which topic next?", kind = "short_text" } });
        var question = Assert.Single((await put.Content.ReadFromJsonAsync<List<QuestionResource>>())!);
        return (await PublishedSessionAsync(admin, capacity, startsAt, eventId: ev.Id), question.Id);
    }

    private static async Task<JsonNode> ReportAsync(HttpClient admin, int eventId)
        => JsonNode.Parse(await admin.GetStringAsync($"/api/events/{eventId}/retention"))!;
}
