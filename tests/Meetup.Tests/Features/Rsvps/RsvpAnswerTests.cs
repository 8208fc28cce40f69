using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Rsvps.Registering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using static Meetup.Tests.Features.Follow.FollowApiTests;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using Mail = Meetup.Tests.Features.Notifications.MailKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// What the RSVP page answers, as a first-time attendee reads it: the answer names the one email that was sent (and
/// the follow request inside it only when the box was ticked), in every variant; an announcement's personal link
/// opened again after registering says so, and emails a new manage link rather than an empty form.
/// </summary>
public partial class RsvpAnswerTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_answer_names_one_email_and_the_follow_request_in_it_only_when_ticked(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var first = await PublishedSessionAsync(admin, 2, DateTimeOffset.UtcNow.AddDays(14));
        var second = await PublishedSessionAsync(admin, 1, DateTimeOffset.UtcNow.AddDays(21));
        var client = app.Client();

        var variants = new[]
        {
            (Session: first.Id, Email: "ann@example.com", Follow: true, Expect: "We have emailed you a confirmation with a calendar entry and your check-in code."),
            (Session: first.Id, Email: "ben@example.com", Follow: false, Expect: "We have emailed you a confirmation with a calendar entry and your check-in code."),
            (Session: first.Id, Email: "cai@example.com", Follow: true, Expect: "We have emailed you a confirmation of your place on the waitlist."),
            // Known addresses: the manage link goes only to the inbox, in that same email.
            (Session: second.Id, Email: "ann@example.com", Follow: true, Expect: "We have emailed you a confirmation with a calendar entry, your check-in code and the link to manage your RSVP."),
            (Session: second.Id, Email: "ben@example.com", Follow: false, Expect: "We have emailed you a confirmation of your place on the waitlist, with the link to manage your RSVP."),
        };
        foreach (var v in variants)
        {
            var fields = new Dictionary<string, string>
            {
                ["Form.Name"] = "P",
                ["Form.Email"] = v.Email,
                ["Form.Language"] = "en",
                ["Form.Website"] = "",
            };
            if (v.Follow)
            {
                fields["Form.Subscribe"] = "true";
            }
            var html = await (await FormPost.SubmitAsync(client, $"/rsvp/new/{v.Session}", "rsvp", fields)).Content.ReadAsStringAsync();
            var what = $"{v.Email} on {v.Session}";
            Assert.True(html.Contains(v.Expect, StringComparison.Ordinal), what);
            Assert.True(Regex.Matches(html, "We have emailed").Count == 1, $"{what}: the answer speaks of one email");
            Assert.Single(Regex.Matches(html, "data-emailed=\"one\""));
            Assert.True(v.Follow == html.Contains("data-emailed=\"follow\"", StringComparison.Ordinal), what);
            Assert.True(v.Follow == html.Contains("the same email asks you to confirm it", StringComparison.Ordinal), what);
        }

        // What the answers say is what was queued: one status email per RSVP, no separate follow confirmation.
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(5, await db.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.RsvpConfirmed || o.Kind == NotificationKind.RsvpWaitlisted));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.SubscriptionConfirm));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_invite_link_opened_after_registering_says_so_and_emails_a_new_manage_link(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, time.GetUtcNow().AddDays(14));
        int eventId;
        await using (var db = app.Factory.CreateDbContext())
        {
            eventId = await db.Sessions.Where(s => s.Id == session.Id).Select(s => s.EventId).SingleAsync();
        }
        var client = app.Client();
        var (_, aiko) = await FollowerAsync(app, client, eventId, "aiko@example.com"); // a link as an announcement carries
        var (_, ben) = await FollowerAsync(app, client, eventId, "ben@example.com");
        var invite = $"/rsvp/new/{session.Id}?invite={aiko}";

        // Before registering: the link fills the form.
        var before = await client.GetStringAsync(invite);
        Assert.Contains("value=\"aiko@example.com\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("already-registered", before, StringComparison.Ordinal);

        (await RsvpAsync(client, session.Id, "Aiko", "aiko@example.com")).EnsureSuccessStatusCode();
        (await RsvpAsync(client, session.Id, "Ben", "ben@example.com")).EnsureSuccessStatusCode(); // waitlisted

        // Opened again: it says so, with their RSVP's state, and no empty form (nor any manage link on the page).
        var again = await client.GetStringAsync(invite);
        Assert.Contains("data-outcome=\"already-registered\"", again, StringComparison.Ordinal);
        Assert.Contains("You are already registered for this session.", again, StringComparison.Ordinal);
        Assert.Contains("You have a seat.", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Email\"", again, StringComparison.Ordinal);
        Assert.DoesNotMatch(ManageLink(), again);
        Assert.Contains($"href=\"/rsvp/new/{session.Id}\" data-link=\"someone-else\"", again, StringComparison.Ordinal);
        Assert.Contains("You are number 1 on the waitlist.", await client.GetStringAsync($"/rsvp/new/{session.Id}?invite={ben}"), StringComparison.Ordinal);
        // Without their link, nothing about them: the plain form, and a made-up token is the plain form too.
        foreach (var url in new[] { $"/rsvp/new/{session.Id}", $"/rsvp/new/{session.Id}?invite={new string('A', aiko.Length)}" })
        {
            var plain = await client.GetStringAsync(url);
            Assert.Contains("name=\"Form.Email\"", plain, StringComparison.Ordinal);
            Assert.DoesNotContain("already-registered", plain, StringComparison.Ordinal);
            Assert.DoesNotContain("aiko@example.com", plain, StringComparison.Ordinal);
        }

        // Its button emails a new manage link to the inbox (not to the page); the link opens their RSVP.
        time.Advance(TimeSpan.FromMinutes(11)); // past the resend throttle after the confirmation
        await Mail.DrainAsync(app.Factory);
        smtp.ClearReceivedEmail();
        var resent = await FormPost.SubmitAsync(client, invite, "rsvp-resend", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var answer = await resent.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"link-resent\"", answer, StringComparison.Ordinal);
        Assert.DoesNotMatch(ManageLink(), answer);
        await Mail.DrainAsync(app.Factory);
        var mail = Assert.Single(await Mail.WaitForAsync(smtp, 1));
        Assert.Equal("aiko@example.com", mail.To.Mailboxes.Single().Address);
        var token = EmailedManageLink().Match(mail.TextBody ?? "");
        Assert.True(token.Success, mail.TextBody);
        var rsvp = await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{token.Groups[1].Value}");
        Assert.Equal(("confirmed", "aiko@example.com"), (rsvp!.Status, rsvp.Email));
    }

    [GeneratedRegex("href=\"/rsvp/([A-Za-z0-9_-]{32})\"")]
    private static partial Regex ManageLink();

    [GeneratedRegex(@"https?://[^/\s]+/rsvp/([A-Za-z0-9_-]{32})(?![A-Za-z0-9_/-])")]
    private static partial Regex EmailedManageLink();
}
