using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Testing;
using Meetup.Tests.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using static Meetup.Tests.Features.Follow.FollowApiTests;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using Mail = Meetup.Tests.Features.Notifications.MailKit;

namespace Meetup.Tests.Features.Follow;

/// <summary>
/// "Tell me about new sessions" with an RSVP (<c>subscribe: true</c>): the RSVP's own confirmation email asks for the
/// follow (double opt-in), its token only in the email; without the box nothing is created; the answer is the same
/// whatever the address's follow state.
/// </summary>
public partial class RsvpSubscribeTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_rsvp_with_subscribe_asks_for_the_follow_in_its_confirmation_email_and_confirming_makes_a_follower(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(7));
        var eventId = await EventOfAsync(app, session.Id);
        // The group's next session, which she has not registered for (her link for this one now says she is registered).
        var next = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(14), eventId: eventId);
        var client = app.Client();

        var answer = await client.PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps", new { name = "Aiko", email = "aiko@example.com", subscribe = true });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("pending", Assert.Single(await SubscribersAsync(admin, eventId)).Status);

        await Mail.DrainAsync(app.Factory);
        var mail = Assert.Single(await Mail.WaitForAsync(smtp, 1));
        Assert.Contains("Yes, tell me about new sessions: http", mail.TextBody, StringComparison.Ordinal);
        // Every link line reads "text: URL", never "label: text: URL" (a second colon read as a stutter, most in Japanese).
        Assert.DoesNotMatch(DoubleColonLink(), mail.TextBody!);
        Assert.Contains("/rsvp/", mail.TextBody, StringComparison.Ordinal); // the RSVP's own manage link is still there
        var token = FollowToken(mail);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, token));
            Assert.Single(await db.SubscriptionLinks.ToListAsync());
        }
        Assert.Equal("pending", Assert.Single(await SubscribersAsync(admin, eventId)).Status);
        // A personal link of theirs (as an announcement's) still offers the box while the follow waits for its confirmation.
        Assert.Matches(CheckBox(), await client.GetStringAsync($"/rsvp/new/{next.Id}?invite={token}"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{token}/confirm", null)).StatusCode);
        Assert.Equal("active", Assert.Single(await SubscribersAsync(admin, eventId)).Status);

        // Following now: their link fills the form without offering what they already have; the plain form still offers it.
        var invited = await client.GetStringAsync($"/rsvp/new/{next.Id}?invite={token}");
        Assert.Contains("value=\"aiko@example.com\"", invited, StringComparison.Ordinal);
        Assert.DoesNotMatch(CheckBox(), invited);
        Assert.Contains($"action=\"/rsvp/new/{next.Id}?invite={token}\"", invited, StringComparison.Ordinal);
        Assert.Matches(CheckBox(), await client.GetStringAsync($"/rsvp/new/{next.Id}"));
        // Her link for the session she registered for: no form to fill again, it says she is registered.
        Assert.Contains("data-outcome=\"already-registered\"", await client.GetStringAsync($"/rsvp/new/{session.Id}?invite={token}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Without_the_box_nothing_is_created_and_the_email_has_no_follow_link(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, time.GetUtcNow().AddDays(7));
        var client = app.Client();

        Assert.Equal(HttpStatusCode.Created, (await RsvpAsync(client, session.Id, "Ben", "ben@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps",
            new { name = "Cai", email = "cai@example.com", subscribe = false })).StatusCode);
        await Mail.DrainAsync(app.Factory);
        var mails = await Mail.WaitForAsync(smtp, 2);
        Assert.All(mails, m => Assert.DoesNotContain("/follow/", m.TextBody, StringComparison.Ordinal));
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(await db.Subscriptions.ToListAsync());
        Assert.Empty(await db.SubscriptionLinks.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_answer_is_the_same_whatever_the_follow_state_and_only_a_confirmation_changes_it(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), time);
        var admin = await app.ApiClientAsync();
        var earlier = await PublishedSessionAsync(admin, 1, time.GetUtcNow().AddDays(3));
        var eventId = await EventOfAsync(app, earlier.Id);
        var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(7), eventId: eventId);
        var client = app.Client();
        // Three known people: one follows, one unsubscribed, one never asked.
        foreach (var email in new[] { "fan@example.com", "gone@example.com", "new@example.com" })
        {
            Assert.True((await RsvpAsync(client, earlier.Id, "P", email)).IsSuccessStatusCode);
        }
        await FollowerAsync(app, client, eventId, "fan@example.com");
        var (confirm, _) = await FollowerAsync(app, client, eventId, "gone@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{confirm}/unsubscribe", null)).StatusCode);
        await Mail.DrainAsync(app.Factory);
        smtp.ClearReceivedEmail();

        var bodies = new List<string>();
        foreach (var email in new[] { "fan@example.com", "gone@example.com", "new@example.com" })
        {
            var response = await client.PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps", new { name = "P", email, subscribe = true });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            bodies.Add(Regex.Replace(await response.Content.ReadAsStringAsync(), @"""waitlistPosition"":\d+", "", RegexOptions.None, TimeSpan.FromSeconds(1)));
        }
        Assert.Single(bodies.Distinct());

        var states = (await SubscribersAsync(admin, eventId)).ToDictionary(s => s.Email!, s => s.Status);
        Assert.Equal("active", states["fan@example.com"]);
        Assert.Equal("unsubscribed", states["gone@example.com"]); // nothing changes until confirmed
        Assert.Equal("pending", states["new@example.com"]);

        await Mail.DrainAsync(app.Factory);
        var mails = (await Mail.WaitForAsync(smtp, 3)).ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("/follow/", mails["fan@example.com"].TextBody, StringComparison.Ordinal); // already following
        Assert.Contains("Yes, tell me about new sessions: http", mails["gone@example.com"].TextBody, StringComparison.Ordinal);
        var again = FollowToken(mails["gone@example.com"]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/subscriptions/{again}/confirm", null)).StatusCode);
        Assert.Equal("active", (await SubscribersAsync(admin, eventId)).Single(s => s.Email == "gone@example.com").Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_rsvp_forms_box_is_unchecked_by_default_and_ticked_asks_for_the_follow(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(7));
        var eventId = await EventOfAsync(app, session.Id);
        var client = app.Client();

        var form = await client.GetStringAsync($"/rsvp/new/{session.Id}");
        var box = CheckBox().Match(form);
        Assert.True(box.Success, form);
        Assert.DoesNotContain("checked", box.Value, StringComparison.Ordinal);
        Assert.Contains("Tell me about new sessions", form, StringComparison.Ordinal);

        await FormPost.SubmitAsync(client, $"/rsvp/new/{session.Id}", "rsvp", new Dictionary<string, string>
        {
            ["Form.Name"] = "Dan",
            ["Form.Email"] = "dan@example.com",
            ["Form.Language"] = "en",
            ["Form.Website"] = "",
        });
        var ticked = await FormPost.SubmitAsync(client, $"/rsvp/new/{session.Id}", "rsvp", new Dictionary<string, string>
        {
            ["Form.Name"] = "Eri",
            ["Form.Email"] = "eri@example.com",
            ["Form.Language"] = "ja",
            ["Form.Website"] = "",
            ["Form.Subscribe"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);

        var subscriber = Assert.Single(await SubscribersAsync(admin, eventId));
        Assert.Equal(("eri@example.com", "pending", "ja"), (subscriber.Email, subscriber.Status, subscriber.Language));
    }

    [GeneratedRegex(@"(?m)^[^\r\n:：]+[:：][^\r\n:：]+[:：] ?https?://")]
    private static partial Regex DoubleColonLink();

    [GeneratedRegex("<input[^>]*name=\"Form.Subscribe\"[^>]*>")]
    private static partial Regex CheckBox();

    private static async Task<int> EventOfAsync(TestApp app, int sessionId)
    {
        await using var db = app.Factory.CreateDbContext();
        return await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.EventId).SingleAsync();
    }

    private static string FollowToken(MimeKit.MimeMessage mail)
    {
        var match = FollowLink().Match(mail.TextBody!);
        Assert.True(match.Success, mail.TextBody);
        Assert.Contains(match.Value, mail.HtmlBody, StringComparison.Ordinal);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"https?://[^/\s]+/follow/([A-Za-z0-9_-]{32})")]
    private static partial Regex FollowLink();
}
