using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Events;
using Meetup.Web.Features.CheckIns;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.CheckIns;

public class CheckInApiTests
{
    private static readonly DateTimeOffset InThreeWeeks = DateTimeOffset.UtcNow.AddDays(21);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_door_helper_checks_in_by_code_201_and_again_200(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com"));
        var door = await DoorHelperAsync(app);
        var typed = $"{rsvp.CheckInCode![..3].ToLowerInvariant()}-{rsvp.CheckInCode[3..]}";

        var first = await door.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { code = typed });
        var again = await door.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { code = rsvp.CheckInCode });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var result = (await first.Content.ReadFromJsonAsync<CheckInResult>())!;
        Assert.Equal(("Gao Lin", "code", "confirmed"), (result.Name, result.Method, result.RsvpStatus));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(result.CheckedInAt, (await again.Content.ReadFromJsonAsync<CheckInResult>())!.CheckedInAt);
        await using var db = app.Factory.CreateDbContext();
        var stored = await db.CheckIns.SingleAsync();
        Assert.Equal(CheckInMethod.Code, stored.Method);
        Assert.NotNull(stored.ByUserId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Check_in_by_manage_token_attendee_id_and_email_and_an_unknown_email_is_a_walk_in(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        var a = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "A", "a@example.com"));
        await RsvpAsync(app.Client(), session.Id, "B", "b@example.com");
        await RsvpAsync(app.Client(), session.Id, "C", "c@example.com");
        var list = (await admin.GetFromJsonAsync<List<Meetup.Web.Features.Rsvps.Registering.RsvpListItem>>($"/api/sessions/{session.Id}/rsvps"))!;
        var url = $"/api/sessions/{session.Id}/checkins";

        var byToken = await admin.PostAsJsonAsync(url, new { manageToken = a.ManageToken });
        var byId = await admin.PostAsJsonAsync(url, new { attendeeId = list.Single(r => r.Name == "B").AttendeeId });
        var byEmail = await admin.PostAsJsonAsync(url, new { email = "C@Example.com" });
        var walkIn = await admin.PostAsJsonAsync(url, new { email = "newcomer@example.com", name = "Newcomer" });

        Assert.All(new[] { byToken, byId, byEmail, walkIn }, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal("qr", (await byToken.Content.ReadFromJsonAsync<CheckInResult>())!.Method);
        Assert.Equal("manual", (await byId.Content.ReadFromJsonAsync<CheckInResult>())!.Method);
        Assert.Equal("manual", (await byEmail.Content.ReadFromJsonAsync<CheckInResult>())!.Method);
        var w = (await walkIn.Content.ReadFromJsonAsync<CheckInResult>())!;
        Assert.Equal(("walk_in", "Newcomer", (string?)null), (w.Method, w.Name, w.RsvpStatus));
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(4, await db.CheckIns.CountAsync());
        Assert.True(await db.Attendees.AnyAsync(p => p.Email == "newcomer@example.com"));
        var door = (await admin.GetFromJsonAsync<DoorList>(url))!;
        Assert.Equal((4, 3), (door.Counts.CheckedIn, door.Counts.Confirmed));
        Assert.Equal(4, door.People.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_door_helper_checks_in_only_people_of_that_session_and_learns_no_other_name(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var door = await DoorHelperAsync(app);
        var here = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        var elsewhere = await PublishedSessionAsync(admin, 5, InThreeWeeks); // another event
        await RsvpAsync(app.Client(), here.Id, "Gao Lin", "gao@example.com");
        var secret = await OutcomeAsync(await RsvpAsync(app.Client(), elsewhere.Id, "Secret Person", "secret@example.com"));
        var gaoId = await AttendeeIdAsync(admin, here.Id, "Gao Lin");
        var secretId = await AttendeeIdAsync(admin, elsewhere.Id, "Secret Person");
        var url = $"/api/sessions/{here.Id}/checkins";

        var stranger = await door.PostAsJsonAsync(url, new { attendeeId = secretId });
        var nobody = await door.PostAsJsonAsync(url, new { attendeeId = secretId + 1000 });
        var otherCode = await door.PostAsJsonAsync(url, new { code = secret.CheckInCode });
        var otherToken = await door.PostAsJsonAsync(url, new { manageToken = secret.ManageToken });
        var expected = await door.PostAsJsonAsync(url, new { attendeeId = gaoId });

        foreach (var refused in new[] { stranger, nobody, otherCode, otherToken })
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain("Secret", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal((await JsonAsync(nobody)).GetProperty("detail").GetString(), (await JsonAsync(stranger)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, expected.StatusCode);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.False(await db.CheckIns.AnyAsync(c => c.AttendeeId == secretId));
        }

        // Organizers keep their full power: anyone, by id.
        var byOrganizer = await admin.PostAsJsonAsync(url, new { attendeeId = secretId });
        Assert.Equal(HttpStatusCode.Created, byOrganizer.StatusCode);
        Assert.Equal("Secret Person", (await JsonAsync(byOrganizer)).GetProperty("name").GetString());

        // Now that they are in, the helper may see and undo them like any other person of the session.
        Assert.Equal(HttpStatusCode.OK, (await door.PostAsJsonAsync(url, new { attendeeId = secretId })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_door_helpers_walk_in_with_the_email_of_someone_from_another_event_answers_no_stored_name(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var door = await DoorHelperAsync(app);
        var here = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        var elsewhere = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        await RsvpAsync(app.Client(), elsewhere.Id, "Secret Person", "secret@example.com");
        await RsvpAsync(app.Client(), elsewhere.Id, "Hidden Too", "hidden@example.com");
        await RsvpAsync(app.Client(), here.Id, "Gao Lin", "gao@example.com");
        var url = $"/api/sessions/{here.Id}/checkins";

        var typed = await door.PostAsJsonAsync(url, new { email = "SECRET@example.com", name = "Sam" });
        var bare = await door.PostAsJsonAsync(url, new { email = "hidden@example.com" });
        var expected = await door.PostAsJsonAsync(url, new { email = "gao@example.com" });

        Assert.Equal(HttpStatusCode.Created, typed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bare.StatusCode);
        var typedBody = await typed.Content.ReadAsStringAsync();
        var bareBody = await bare.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Secret Person", typedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Too", bareBody, StringComparison.Ordinal);
        Assert.Equal("Sam", (await JsonAsync(typed)).GetProperty("name").GetString());
        Assert.Equal("walk_in", (await JsonAsync(bare)).GetProperty("method").GetString());
        Assert.Equal("Gao Lin", (await JsonAsync(expected)).GetProperty("name").GetString()); // expected here: named
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal("Secret Person", await db.Attendees.Where(a => a.Email == "secret@example.com").Select(a => a.DisplayName).SingleAsync());
        Assert.Equal(3, await db.Attendees.CountAsync()); // the same people, not new ones
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_door_list_sends_no_check_in_codes_but_finds_a_person_by_code(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var door = await DoorHelperAsync(app);
        var session = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        var a = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "A Person", "a@example.com"));
        var b = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "B Person", "b@example.com"));
        var url = $"/api/sessions/{session.Id}/checkins";

        foreach (var client in new[] { door, admin })
        {
            var all = await client.GetAsync(url);
            var body = await all.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, all.StatusCode);
            Assert.Equal(2, (await JsonAsync(all)).GetProperty("people").GetArrayLength());
            Assert.DoesNotContain(a.CheckInCode!, body, StringComparison.Ordinal);
            Assert.DoesNotContain(b.CheckInCode!, body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"code\"", body, StringComparison.Ordinal);
        }
        var found = await JsonAsync(await door.GetAsync($"{url}?search={Uri.EscapeDataString(b.CheckInCode!.ToLowerInvariant())}"));
        Assert.Equal("B Person", found.GetProperty("people").EnumerateArray().Single().GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Door_counts_keep_walk_ins_apart_from_the_confirmed(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 3, InThreeWeeks);
        var codes = new List<string>();
        foreach (var n in new[] { "A", "B", "C", "D" })
        {
            codes.Add((await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, n, $"{n}@example.com"))).CheckInCode!);
        }
        var url = $"/api/sessions/{session.Id}/checkins";
        await admin.PostAsJsonAsync(url, new { code = codes[0] });
        await admin.PostAsJsonAsync(url, new { code = codes[1] });
        await admin.PostAsJsonAsync(url, new { code = codes[3] }); // D is waitlisted
        await admin.PostAsJsonAsync(url, new { email = "walkin@example.com", name = "Walk In" });

        var counts = (await JsonAsync(await admin.GetAsync(url))).GetProperty("counts");

        Assert.Equal(4, counts.GetProperty("checkedIn").GetInt32());
        Assert.Equal(3, counts.GetProperty("confirmed").GetInt32());
        Assert.Equal(2, counts.GetProperty("confirmedCheckedIn").GetInt32());
        Assert.Equal(1, counts.GetProperty("waitlistedCheckedIn").GetInt32());
        Assert.Equal(1, counts.GetProperty("walkIns").GetInt32());
    }

    private static async Task<int> AttendeeIdAsync(HttpClient organizer, int sessionId, string name)
    {
        var list = await JsonAsync(await organizer.GetAsync($"/api/sessions/{sessionId}/rsvps"));
        return list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("attendeeId").GetInt32();
    }

    [Fact]
    public async Task Check_in_needs_a_signed_in_staff_member_401_anonymous_403_without_a_role()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OrganizerUser>>();
            await users.CreateAsync(new OrganizerUser { UserName = "nobody@test.example", Email = "nobody@test.example" }, "no-role-password");
        }
        var roleless = await app.ApiClientAsync("nobody@test.example", "no-role-password");
        var url = $"/api/sessions/{session.Id}/checkins";

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().PostAsJsonAsync(url, new { code = "ABCDEF" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().DeleteAsync($"{url}/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await roleless.PostAsJsonAsync(url, new { code = "ABCDEF" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await roleless.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Undo_removes_the_check_in_and_its_thank_you()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "A", "a@example.com"));
        var door = await DoorHelperAsync(app);
        var result = (await (await door.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { code = rsvp.CheckInCode })).Content.ReadFromJsonAsync<CheckInResult>())!;
        await using (var db = app.Factory.CreateDbContext())
        {
            var thanks = await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.ThankYou);
            Assert.Equal(session.EndsAt + CheckInService.ThankYouDelay, thanks.DueAt);
        }

        var undo = await door.DeleteAsync($"/api/sessions/{session.Id}/checkins/{result.AttendeeId}");

        Assert.Equal(HttpStatusCode.NoContent, undo.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await door.DeleteAsync($"/api/sessions/{session.Id}/checkins/{result.AttendeeId}")).StatusCode);
        await using var after = app.Factory.CreateDbContext();
        Assert.Empty(after.CheckIns);
        Assert.False(await after.OutboxMessages.AnyAsync(o => o.Kind == NotificationKind.ThankYou));
    }

    public static TheoryData<string, string> InvalidCheckIns => new()
    {
        { "{}", "code" },
        { """{"code":"AB","email":"a@example.com"}""", "code" },
        { """{"code":"!!"}""", "code" },
        { """{"email":"nope"}""", "email" },
    };

    [Theory]
    [MemberData(nameof(InvalidCheckIns))]
    public async Task Invalid_check_ins_get_400_naming_the_field(string json, string field)
    {
        await using var app = await StartAsync("Sqlite");
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, InThreeWeeks);

        var response = await admin.PostAsync($"/api/sessions/{session.Id}/checkins", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await EventApiTests.AssertFieldError(response, field);
    }

    [Fact]
    public async Task Unknown_codes_are_404_and_a_cancelled_session_is_409()
    {
        await using var app = await StartAsync("Sqlite");
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { code = "ABCDEF" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/sessions/999/checkins", new { code = "ABCDEF" })).StatusCode);

        await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/cancel", new { });

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "a@example.com" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_helpers_checking_in_the_same_person_at_once_make_one_check_in(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, InThreeWeeks);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "walkin@example.com", name = "Walk In" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(1, await db.CheckIns.CountAsync());
        Assert.Equal(1, await db.Attendees.CountAsync());
    }

    [Fact]
    public async Task Join_records_online_attendance_during_the_session_and_answers_the_link_only_to_the_confirmed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, time.GetUtcNow().AddDays(3), format: "hybrid");
        var seated = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "A", "a@example.com"));
        var waiting = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "B", "b@example.com"));
        var client = app.Client();

        var early = await client.PostAsync($"/api/rsvps/{seated.ManageToken}/join", null);
        time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(10));
        var onTime = await client.PostAsync($"/api/rsvps/{seated.ManageToken}/join", null);
        var notConfirmed = await client.PostAsync($"/api/rsvps/{waiting.ManageToken}/join", null);
        var twice = await client.PostAsync($"/api/rsvps/{seated.ManageToken}/join", null);
        time.Advance(TimeSpan.FromHours(3));
        var late = await client.PostAsync($"/api/rsvps/{seated.ManageToken}/join", null);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
        Assert.Equal("https://meet.example.com/k8s", await onTime.Content.ReadFromJsonAsync<string>());
        Assert.Equal(HttpStatusCode.Conflict, notConfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(CheckInMethod.OnlineJoin, (await db.CheckIns.SingleAsync()).Method);
    }
}
