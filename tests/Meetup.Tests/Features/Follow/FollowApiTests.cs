using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Notifications;
using Meetup.Web.Features.Follow;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using Mail = Meetup.Tests.Features.Notifications.MailKit;

namespace Meetup.Tests.Features.Follow;

/// <summary>
/// Following a study group, double opt-in: a request only emails a confirmation link (in the person's language) and
/// answers the same whatever the address; the link confirms by POST only; an unsubscribe (API or RFC 8058 one-click)
/// holds at once and a later RSVP never undoes it. Tokens never stand readable in the database.
/// </summary>
public partial class FollowApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Nobody_follows_until_the_emailed_link_is_confirmed_and_every_request_answers_alike(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), new FakeTimeProvider(DateTimeOffset.UtcNow));
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var client = app.Client();

        var first = await FollowAsync(client, ev.Id, new { email = "Kenji@Example.com", name = "Kenji", language = "ja" });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        var subscribers = await SubscribersAsync(admin, ev.Id);
        var pending = Assert.Single(subscribers);
        Assert.Equal(("Kenji", "kenji@example.com", "ja", "pending"), (pending.Name, pending.Email, pending.Language, pending.Status));

        await Mail.DrainAsync(app.Factory);
        var mail = Assert.Single(await Mail.WaitForAsync(smtp, 1));
        Assert.Equal("kenji@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains("確認", mail.Subject, StringComparison.Ordinal); // in Japanese, the language asked for
        Mail.AssertPhoneShell(mail);
        Assert.DoesNotContain("ボタン", mail.TextBody, StringComparison.Ordinal); // the plain part has a link, no button
        Assert.Contains("リンク", mail.TextBody, StringComparison.Ordinal);
        var token = ConfirmToken(mail);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, token));
            Assert.All(await db.OutboxMessages.ToListAsync(), o => Assert.Null(o.Secret));
        }

        // A mail scanner's GET changes nothing; the POST confirms (twice is still once).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/follow/{token}")).StatusCode);
        Assert.Equal("pending", Assert.Single(await SubscribersAsync(admin, ev.Id)).Status);
        var confirmed = await client.PostAsync($"/api/subscriptions/{token}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("active", (await confirmed.Content.ReadFromJsonAsync<SubscriptionState>())!.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{token}/confirm", null)).StatusCode);
        var active = Assert.Single(await SubscribersAsync(admin, ev.Id));
        Assert.Equal(("active", pending.AttendeeId), (active.Status, active.AttendeeId));
        // The confirmed page and the unsubscribe page are no dead ends: they lead to the group's page.
        foreach (var path in new[] { $"/follow/{token}", $"/follow/{token}/unsubscribe" })
        {
            Assert.Contains($"<a href=\"/events/{ev.Slug}\" data-link=\"event\">", await client.GetStringAsync(path), StringComparison.Ordinal);
        }

        // Following, unknown, a stranger's name for a known address: the same 202 and body; nothing sent to a follower,
        // the known person's name unchanged.
        smtp.ClearReceivedEmail();
        foreach (var again in new object[]
        {
            new { email = "kenji@example.com", name = "Somebody Else" },
            new { email = "new@example.com" },
        })
        {
            var response = await FollowAsync(client, ev.Id, again);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
        }
        await Mail.DrainAsync(app.Factory);
        Assert.Equal("new@example.com", Assert.Single(await Mail.WaitForAsync(smtp, 1)).To.Mailboxes.Single().Address);
        var all = await SubscribersAsync(admin, ev.Id);
        Assert.Equal(["Kenji:active", "new:pending"], all.Select(s => $"{s.Name}:{s.Status}").Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/subscriptions/{new string('a', 32)}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/subscriptions/short/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FollowAsync(client, ev.Id + 1000, new { email = "x@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/events/{ev.Id + 1000}/subscribers")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_follow_request_names_each_field_and_writes_nothing(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var client = app.Client();

        var bad = await FollowAsync(client, ev.Id, new { email = "not an address", name = new string('x', 201), language = "fr" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["email", "language", "name"],
            (await JsonAsync(bad)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var empty = await client.PostAsync($"/api/events/{ev.Id}/subscriptions", JsonContent.Create(new { }));
        Assert.Equal(["email"], (await JsonAsync(empty)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var undeliverable = await FollowAsync(client, ev.Id, new { email = "someone@connpass.invalid", name = "Line\nbreak" });
        Assert.Equal(["email", "name"],
            (await JsonAsync(undeliverable)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(await db.Subscriptions.ToListAsync());
        Assert.Empty(await db.Attendees.ToListAsync());
        Assert.Empty(await db.OutboxMessages.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unsubscribing_holds_at_once_by_one_click_or_the_api_and_a_later_rsvp_does_not_undo_it(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var client = app.Client();
        var (confirm, unsubscribe) = await FollowerAsync(app, client, ev.Id, "mei@example.com");
        Assert.Equal("active", Assert.Single(await SubscribersAsync(admin, ev.Id)).Status);

        // RFC 8058: only the one-click form body unsubscribes; the URL opened in a browser shows a page and changes nothing.
        var url = new Uri(SubscriptionLinks.Unsubscribe("", unsubscribe), UriKind.Relative);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsJsonAsync(url, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(url, Form("List-Unsubscribe", "Yes"))).StatusCode);
        var opened = await client.GetAsync(url);
        Assert.True(opened.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, opened.StatusCode.ToString());
        Assert.Equal("active", Assert.Single(await SubscribersAsync(admin, ev.Id)).Status);

        time.Advance(TimeSpan.FromMinutes(5));
        var oneClick = await client.PostAsync(url, Form("List-Unsubscribe", "One-Click"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var after = Assert.Single(await SubscribersAsync(admin, ev.Id));
        Assert.Equal("unsubscribed", after.Status);
        Assert.Equal(time.GetUtcNow().UtcDateTime, after.Since, TimeSpan.FromSeconds(1));

        // A later RSVP (same address) leaves it unsubscribed; so does a second unsubscribe by the API.
        var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(7), eventId: ev.Id);
        Assert.True((await RsvpAsync(client, session.Id, "Mei", "mei@example.com")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{confirm}/unsubscribe", null)).StatusCode);
        Assert.Equal("unsubscribed", Assert.Single(await SubscribersAsync(admin, ev.Id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/unsubscribe/{new string('b', 32)}", Form("List-Unsubscribe", "One-Click"))).StatusCode);

        // The unsubscribe link cannot confirm: only the person's own new request and its emailed link follow again.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/subscriptions/{unsubscribe}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{confirm}/confirm", null)).StatusCode);
        Assert.Equal("active", Assert.Single(await SubscribersAsync(admin, ev.Id)).Status);
    }

    internal static Task<HttpResponseMessage> FollowAsync(HttpClient client, int eventId, object input)
        => client.PostAsJsonAsync($"/api/events/{eventId}/subscriptions", input);

    internal static async Task<List<SubscriberResource>> SubscribersAsync(HttpClient admin, int eventId)
        => (await admin.GetFromJsonAsync<List<SubscriberResource>>($"/api/events/{eventId}/subscribers"))!;

    /// <summary>A confirmed follower: their confirmation token, and an unsubscribe token as an announcement would carry.</summary>
    internal static async Task<(string Confirm, string Unsubscribe)> FollowerAsync(TestApp app, HttpClient client, int eventId, string email)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await FollowAsync(client, eventId, new { email })).StatusCode);
        await using var db = app.Factory.CreateDbContext();
        var subscription = await db.Subscriptions.SingleAsync(s => s.EventId == eventId && s.Attendee!.Email == email);
        var now = DateTime.UtcNow;
        var confirm = SubscriptionLinks.Issue(db, subscription, SubscriptionLinkPurpose.Confirm, now);
        var unsubscribe = SubscriptionLinks.Issue(db, subscription, SubscriptionLinkPurpose.Unsubscribe, now);
        await db.SaveChangesAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{confirm}/confirm", null)).StatusCode);
        return (confirm, unsubscribe);
    }

    private static FormUrlEncodedContent Form(string name, string value) => new([new(name, value)]);

    private static string ConfirmToken(MimeKit.MimeMessage mail)
    {
        var match = ConfirmLink().Match(mail.TextBody!);
        Assert.True(match.Success, mail.TextBody);
        Assert.Contains(match.Value, mail.HtmlBody, StringComparison.Ordinal);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"https?://[^/\s]+/follow/([A-Za-z0-9_-]{32})")]
    private static partial Regex ConfirmLink();
}
