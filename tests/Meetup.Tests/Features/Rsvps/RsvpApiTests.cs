using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Events;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

public class RsvpApiTests
{
    private static readonly DateTimeOffset InThreeWeeks = DateTimeOffset.UtcNow.AddDays(21);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_first_rsvp_gets_a_seat_a_manage_link_and_a_door_code_and_only_the_token_hash_is_stored(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 2, InThreeWeeks);

        var response = await RsvpAsync(app.Client(), session.Id, "Gao Lin", " Gao@Example.com ", "zh");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var outcome = await OutcomeAsync(response);
        Assert.Equal("confirmed", outcome.Status);
        Assert.Null(outcome.WaitlistPosition);
        Assert.Equal(32, outcome.ManageToken!.Length);
        Assert.EndsWith($"/rsvp/{outcome.ManageToken}", outcome.ManageUrl, StringComparison.Ordinal);
        Assert.Equal(6, outcome.CheckInCode!.Length);
        await using var db = app.Factory.CreateDbContext();
        var stored = await db.Rsvps.Include(r => r.Attendee).SingleAsync();
        var link = await db.RsvpManageTokens.SingleAsync();
        Assert.Equal((stored.Id, ManageTokens.Hash(outcome.ManageToken)), (link.RsvpId, link.Hash));
        Assert.DoesNotContain(outcome.ManageToken, link.Hash, StringComparison.Ordinal);
        Assert.Equal("gao@example.com", stored.Attendee!.Email);
        Assert.Equal("zh", stored.Attendee.PreferredLanguage);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rsvps_beyond_capacity_go_to_the_waitlist_in_order(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, InThreeWeeks);
        var client = app.Client();

        var first = await OutcomeAsync(await RsvpAsync(client, session.Id, "A", "a@example.com"));
        var second = await OutcomeAsync(await RsvpAsync(client, session.Id, "B", "b@example.com"));
        var third = await OutcomeAsync(await RsvpAsync(client, session.Id, "C", "c@example.com"));

        Assert.Equal(("confirmed", (int?)null), (first.Status, first.WaitlistPosition));
        Assert.Equal(("waitlisted", (int?)1), (second.Status, second.WaitlistPosition));
        Assert.Equal(("waitlisted", (int?)2), (third.Status, third.WaitlistPosition));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_person_again_gets_200_with_the_existing_status_and_no_token(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, InThreeWeeks);
        var client = app.Client();
        await RsvpAsync(client, session.Id, "A", "a@example.com");
        await RsvpAsync(client, session.Id, "B", "b@example.com");

        var again = await RsvpAsync(client, session.Id, "Someone else", "Ｂ@example.com ");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await JsonAsync(again);
        Assert.Equal("waitlisted", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("waitlistPosition").GetInt32());
        Assert.False(body.TryGetProperty("manageToken", out _), "Knowing an email must not reveal the manage link.");
        Assert.False(body.TryGetProperty("manageUrl", out _));
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(2, await db.Rsvps.CountAsync());
        Assert.Equal("B", (await db.Attendees.SingleAsync(a => a.Email == "b@example.com")).DisplayName);
    }

    [Fact]
    public async Task Rsvp_is_refused_with_409_when_the_session_is_a_draft_cancelled_started_or_outside_its_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time);
        var admin = await app.ApiClientAsync();
        var start = time.GetUtcNow().AddDays(10);
        var draft = await PublishedSessionAsync(admin, 5, start, publish: false);
        var cancelled = await PublishedSessionAsync(admin, 5, start);
        await admin.PostAsJsonAsync($"/api/sessions/{cancelled.Id}/cancel", new { reason = "Room closed" });
        var notYet = await PublishedSessionAsync(admin, 5, start, opensAt: time.GetUtcNow().AddDays(2));
        var closed = await PublishedSessionAsync(admin, 5, start, closesAt: time.GetUtcNow().AddDays(1));
        var soon = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddHours(1));
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        foreach (var id in new[] { draft.Id, cancelled.Id, notYet.Id, closed.Id, soon.Id })
        {
            var response = await RsvpAsync(app.Client(), id, "A", "a@example.com");
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await JsonAsync(response)).GetProperty("detail").GetString()));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await RsvpAsync(app.Client(), 9999, "A", "a@example.com")).StatusCode);
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Rsvps);
    }

    public static TheoryData<string, string> InvalidRsvps => new()
    {
        { """{"email":"a@example.com"}""", "name" },
        { """{"name":"   ","email":"a@example.com"}""", "name" },
        { """{"name":"A"}""", "email" },
        { """{"name":"A","email":"not-an-email"}""", "email" },
        { """{"name":"A","email":"taro_y@connpass.invalid"}""", "email" }, // an imported account's stand-in, never delivered
        { """{"name":"A","email":"a@example.com","language":"klingon"}""", "language" },
        { """{"name":"A","email":"a@example.com","answers":{"999":"x"}}""", "answers" },
        { """{"name":"A","email":"a@example.com","answers":"nonsense"}""", "" },
    };

    [Theory]
    [MemberData(nameof(InvalidRsvps))]
    public async Task Invalid_rsvps_get_400_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);

        var response = await app.Client().PostAsync($"/api/sessions/{session.Id}/rsvps", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        if (field.Length > 0)
        {
            await EventApiTests.AssertFieldError(response, field);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(db.Rsvps);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cancelling_a_seat_gives_it_at_once_to_the_first_on_the_waitlist(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, InThreeWeeks);
        var client = app.Client();
        var seated = await OutcomeAsync(await RsvpAsync(client, session.Id, "A", "a@example.com"));
        var next = await OutcomeAsync(await RsvpAsync(client, session.Id, "B", "b@example.com"));
        var last = await OutcomeAsync(await RsvpAsync(client, session.Id, "C", "c@example.com"));

        var cancel = await client.PostAsync($"/api/rsvps/{seated.ManageToken}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<RsvpDetails>())!.Status);
        var b = (await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{next.ManageToken}"))!;
        var c = (await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{last.ManageToken}"))!;
        Assert.Equal(("confirmed", (int?)null), (b.Status, b.WaitlistPosition));
        Assert.Equal(("waitlisted", (int?)1), (c.Status, c.WaitlistPosition));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/rsvps/{seated.ManageToken}/cancel", null)).StatusCode);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(1, await db.Rsvps.CountAsync(r => r.Status == RsvpStatus.Confirmed));
        Assert.Contains(await db.OutboxMessages.Select(o => o.Kind).ToListAsync(), k => k == NotificationKind.RsvpPromoted);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Leaving_the_waitlist_closes_the_gap(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, InThreeWeeks);
        var client = app.Client();
        await RsvpAsync(client, session.Id, "A", "a@example.com");
        var w1 = await OutcomeAsync(await RsvpAsync(client, session.Id, "B", "b@example.com"));
        var w2 = await OutcomeAsync(await RsvpAsync(client, session.Id, "C", "c@example.com"));
        var w3 = await OutcomeAsync(await RsvpAsync(client, session.Id, "D", "d@example.com"));

        await client.PostAsync($"/api/rsvps/{w2.ManageToken}/cancel", null);

        Assert.Equal(1, (await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{w1.ManageToken}"))!.WaitlistPosition);
        Assert.Equal(2, (await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{w3.ManageToken}"))!.WaitlistPosition);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Raising_capacity_promotes_in_order_and_lowering_it_unconfirms_nobody(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 2, InThreeWeeks);
        var client = app.Client();
        var people = new List<RsvpKit.Outcome>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await OutcomeAsync(await RsvpAsync(client, session.Id, $"P{i}", $"p{i}@example.com")));
        }

        await admin.PutAsJsonAsync($"/api/sessions/{session.Id}", Edit(session, capacity: 4));
        var statuses = new List<(string, int?)>();
        foreach (var p in people)
        {
            var d = (await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{p.ManageToken}"))!;
            statuses.Add((d.Status, d.WaitlistPosition));
        }
        await admin.PutAsJsonAsync($"/api/sessions/{session.Id}", Edit(session, capacity: 1));

        Assert.Equal([("confirmed", null), ("confirmed", null), ("confirmed", null), ("confirmed", null), ("waitlisted", 1)], statuses);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(4, await db.Rsvps.CountAsync(r => r.Status == RsvpStatus.Confirmed));
        var full = await RsvpAsync(client, session.Id, "Late", "late@example.com");
        Assert.Equal(2, (await OutcomeAsync(full)).WaitlistPosition);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task After_cancelling_the_same_person_can_rsvp_again_with_a_new_link(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 3, InThreeWeeks);
        var client = app.Client();
        var first = await OutcomeAsync(await RsvpAsync(client, session.Id, "A", "a@example.com"));
        await client.PostAsync($"/api/rsvps/{first.ManageToken}/cancel", null);

        var again = await RsvpAsync(client, session.Id, "A", "a@example.com");

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var second = await OutcomeAsync(again);
        Assert.Equal("confirmed", second.Status);
        // A known person: whoever typed the email gets no link; the new one is in the confirmation email.
        Assert.Equal((null, null, null), (second.ManageToken, second.ManageUrl, second.CheckInCode));
        var emailed = await EmailedTokenAsync(app, session.Id, "a@example.com");
        Assert.NotEqual(first.ManageToken, emailed);
        var renewed = (await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{emailed}"))!;
        Assert.Equal(("confirmed", first.CheckInCode), (renewed.Status, renewed.CheckInCode));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/rsvps/{first.ManageToken}")).StatusCode);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(1, await db.Rsvps.CountAsync());
    }

    [Fact]
    public async Task The_manage_link_shows_the_rsvp_and_changes_name_and_language_and_bad_tokens_are_404()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 3, InThreeWeeks);
        var client = app.Client();
        var mine = await OutcomeAsync(await RsvpAsync(client, session.Id, "A", "a@example.com", "en"));

        var updated = await client.PutAsJsonAsync($"/api/rsvps/{mine.ManageToken}", new { name = "Aiko", language = "ja" });

        var details = (await updated.Content.ReadFromJsonAsync<RsvpDetails>())!;
        Assert.Equal(("Aiko", "ja", "confirmed"), (details.Name, details.Language, details.Status));
        Assert.Equal(session.Id, details.SessionId);
        Assert.Equal(mine.CheckInCode, details.CheckInCode);
        await EventApiTests.AssertFieldError(await client.PutAsJsonAsync($"/api/rsvps/{mine.ManageToken}", new { name = "" }), "name");
        foreach (var bad in new[] { "nope", new string('x', 32), "%00", new string('a', 500) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/rsvps/{Uri.EscapeDataString(bad)}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/rsvps/{Uri.EscapeDataString(bad)}/cancel", null)).StatusCode);
        }
    }

    [Fact]
    public async Task Organizers_list_rsvps_door_helpers_and_anonymous_callers_cannot()
    {
        await using var app = await StartAsync("Sqlite");
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, InThreeWeeks);
        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com");
        await RsvpAsync(app.Client(), session.Id, "B", "b@example.com");

        var list = (await admin.GetFromJsonAsync<List<RsvpListItem>>($"/api/sessions/{session.Id}/rsvps"))!;

        Assert.Equal([("A", "confirmed", (int?)null), ("B", "waitlisted", 1)], list.Select(r => (r.Name!, r.Status, r.WaitlistPosition)));
        Assert.All(list, r => Assert.False(r.CheckedIn));
        Assert.Single((await admin.GetFromJsonAsync<List<RsvpListItem>>($"/api/sessions/{session.Id}/rsvps?status=waitlisted"))!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/api/sessions/{session.Id}/rsvps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await DoorHelperAsync(app)).GetAsync($"/api/sessions/{session.Id}/rsvps")).StatusCode);
    }

    internal static object Edit(Meetup.Web.Features.Sessions.SessionResource s, int capacity, DateTime? startsAt = null) => new
    {
        title = s.Title,
        startsAt = Utc(startsAt ?? s.StartsAt),
        durationMinutes = (int)(s.EndsAt - s.StartsAt).TotalMinutes,
        format = s.Format,
        venueName = s.VenueName,
        venueAddress = s.VenueAddress,
        onlineUrl = s.OnlineUrl,
        capacity,
        languages = s.Languages,
    };
}
