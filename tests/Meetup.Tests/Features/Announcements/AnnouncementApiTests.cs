using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Notifications;
using Meetup.Web.Features.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using Mail = Meetup.Tests.Features.Notifications.MailKit;

namespace Meetup.Tests.Features.Announcements;

/// <summary>
/// Announcing a session: a dry run counts and names without writing; a send emails each active follower once (not the
/// registered, erased, unsubscribed, pending or undeliverable), in their language, with a personal RSVP link and an
/// RFC 8058 unsubscribe, tokens never readable in the database; scheduling, cancelling, racing senders; bad input 400.
/// </summary>
public partial class AnnouncementApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_announcement_emails_each_active_follower_once_with_rsvp_and_one_click_unsubscribe(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false));
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(14), eventId: ev.Id);
        var client = app.Client();
        (await RsvpAsync(client, session.Id, "Registered", "reg@example.com")).EnsureSuccessStatusCode();
        await Mail.DrainAsync(app.Factory);
        await Mail.WaitForAsync(smtp, 1);
        smtp.ClearReceivedEmail(); // the RSVP's confirmation: only announcements from here on
        await FollowersAsync(app, ev.Id,
            ("Aiko", "aiko@example.com", "ja", SubscriptionStatus.Active, false),
            ("Ben", "ben@example.com", null, SubscriptionStatus.Active, false),
            ("Registered", "reg@example.com", null, SubscriptionStatus.Active, false),
            ("Gone", "gone@example.com", null, SubscriptionStatus.Active, true),
            ("Account", "acct@connpass.invalid", null, SubscriptionStatus.Active, false),
            ("Quit", "quit@example.com", null, SubscriptionStatus.Unsubscribed, false),
            ("Waiting", "wait@example.com", null, SubscriptionStatus.Pending, false));

        var dry = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements", new { sessionId = session.Id, audience = "followers", dryRun = true });
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var preview = (await dry.Content.ReadFromJsonAsync<AnnouncementDryRun>())!;
        Assert.Equal(2, preview.Recipients);
        Assert.Equal(["aiko@example.com", "ben@example.com"], preview.Sample.Select(s => s.Email).Order(StringComparer.Ordinal));
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Empty(await db.Announcements.ToListAsync());
        }

        var sent = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements",
            new { sessionId = session.Id, audience = "followers", message = "<b>Bring your laptop</b>\nand a charger." });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var accepted = (await sent.Content.ReadFromJsonAsync<AnnouncementAccepted>())!;
        Assert.Equal((2, (DateTime?)null), (accepted.Recipients, accepted.SentAt)); // counted as accepted, written by the sender
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Empty(await db.AnnouncementRecipients.ToListAsync());
        }
        // While it goes out, another send now of this session (a second tab) would be counted before its recipients
        // are written: 409 (its dry run too), nothing written.
        foreach (var dryRun in new[] { true, false })
        {
            var again = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements", new { sessionId = session.Id, audience = "followers", dryRun });
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("being sent right now", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(1, await db.Announcements.CountAsync());
        }
        using (var scope = app.Factory.Services.CreateScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<AnnouncementSender>(); // what the woken loop runs (switched off here)
            Assert.Equal(2, await sender.SendAsync(accepted.Id));
            Assert.Null(await sender.SendAsync(accepted.Id)); // a second send: nobody twice
        }

        await Mail.DrainAsync(app.Factory);
        var mails = await Mail.WaitForAsync(smtp, 2);
        Assert.Equal(["aiko@example.com", "ben@example.com"], mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        var aiko = mails.Single(m => m.To.Mailboxes.Single().Address == "aiko@example.com");
        Assert.Contains("新しい開催回", aiko.Subject, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", aiko.Headers["List-Unsubscribe-Post"]);
        var header = Regex.Match(aiko.Headers["List-Unsubscribe"] ?? "", "^<(?<url>https?://[^>]+/unsubscribe/(?<token>[A-Za-z0-9_-]+))>$");
        Assert.True(header.Success, aiko.Headers["List-Unsubscribe"]);
        var token = header.Groups["token"].Value;
        Assert.Contains($"/rsvp/new/{session.Id}?invite={token}", aiko.TextBody, StringComparison.Ordinal);
        Assert.Contains(header.Groups["url"].Value, aiko.TextBody, StringComparison.Ordinal); // the visible link too
        // Plain text, never markup; its line break kept in both parts.
        Assert.Contains("&lt;b&gt;Bring your laptop&lt;/b&gt;<br>and a charger.", aiko.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<b>Bring your laptop</b>\nand a charger.", aiko.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Mail.AssertPhoneShell(aiko);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, token));
            Assert.Equal(2, await db.AnnouncementRecipients.CountAsync());
        }

        // The personal link fills the form (and registers nobody); a made-up token fills nothing.
        var page = await client.GetStringAsync($"/rsvp/new/{session.Id}?invite={token}");
        Assert.Contains("value=\"aiko@example.com\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Aiko\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("aiko@example.com", await client.GetStringAsync($"/rsvp/new/{session.Id}?invite={new string('A', token.Length)}"), StringComparison.Ordinal);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.False(await db.Rsvps.AnyAsync(r => r.Attendee!.Email == "aiko@example.com"));
        }

        // RSVP from it, then one-click unsubscribe from the header's URL.
        (await RsvpAsync(client, session.Id, "Aiko", "aiko@example.com")).EnsureSuccessStatusCode();
        var list = (await admin.GetFromJsonAsync<List<AnnouncementSummary>>($"/api/events/{ev.Id}/announcements"))!;
        var summary = Assert.Single(list);
        Assert.Equal((accepted.Id, session.Id, "followers", 2, 1, 0), (summary.Id, summary.SessionId, summary.Audience, summary.Recipients, summary.Rsvps, summary.Attended));
        var oneClick = await client.PostAsync(new Uri(header.Groups["url"].Value).AbsolutePath,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(SubscriptionStatus.Unsubscribed, (await db.Subscriptions.SingleAsync(s => s.Attendee!.Email == "aiko@example.com")).Status);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_announcements_answer_400_naming_each_field_and_write_nothing(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var draft = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7), publish: false, eventId: ev.Id);
        var elsewhere = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7));
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(7), eventId: ev.Id);

        async Task<string[]> ErrorsAsync(object body)
        {
            var response = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["audience", "message", "sendAt", "subject"], await ErrorsAsync(new
        {
            sessionId = session.Id,
            audience = "everyone",
            subject = new string('s', AnnouncementService.SubjectMaxLength + 1),
            message = new string('m', AnnouncementService.MessageMaxLength + 1),
            sendAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        }));
        // A "new session" email scheduled for after the session has started would announce what is over.
        Assert.Equal(["sendAt"], await ErrorsAsync(new { sessionId = session.Id, audience = "followers", sendAt = DateTimeOffset.UtcNow.AddDays(8) }));
        Assert.Equal(["sessionId"], await ErrorsAsync(new { sessionId = elsewhere.Id, audience = "followers" }));
        Assert.Equal(["sessionId"], await ErrorsAsync(new { sessionId = draft.Id, audience = "regulars" }));
        Assert.Equal(["audience", "sessionId"], await ErrorsAsync(new { }));
        await using var db = app.Factory.CreateDbContext();
        Assert.Empty(await db.Announcements.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_scheduled_announcement_goes_once_when_due_even_to_two_senders_and_cancels_only_until_then(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var session = await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(14), eventId: ev.Id);
        var people = Enumerable.Range(1, 25).Select(i => ($"P{i}", $"p{i}@example.com", (string?)null, SubscriptionStatus.Active, false)).ToArray();
        await FollowersAsync(app, ev.Id, people);

        async Task<AnnouncementAccepted> ScheduleAsync()
        {
            var response = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements",
                new { sessionId = session.Id, audience = "followers", sendAt = time.GetUtcNow().AddHours(1) });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<AnnouncementAccepted>())!;
        }

        var cancelled = await ScheduleAsync();
        var scheduled = await ScheduleAsync();
        Assert.Equal((0, (DateTime?)null), (scheduled.Recipients, scheduled.SentAt));
        Assert.Equal(0, await SendDueAsync(app)); // not due yet
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/announcements/{cancelled.Id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/announcements/{cancelled.Id}/cancel", null)).StatusCode);

        time.Advance(TimeSpan.FromHours(2));
        var racers = await Task.WhenAll(SendDueAsync(app), SendDueAsync(app), SendDueAsync(app));
        Assert.Equal(people.Length, racers.Sum());
        await using (var db = app.Factory.CreateDbContext())
        {
            var recipients = await db.AnnouncementRecipients.Select(r => new { r.AnnouncementId, r.AttendeeId }).ToListAsync();
            Assert.Equal(people.Length, recipients.Count);
            Assert.All(recipients, r => Assert.Equal(scheduled.Id, r.AnnouncementId));
            var emails = await db.OutboxMessages.Where(o => o.Kind == NotificationKind.Announcement).Select(o => o.Recipient).ToListAsync();
            Assert.Equal(people.Select(p => p.Item2).Order(StringComparer.Ordinal), emails.Order(StringComparer.Ordinal));
        }
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/announcements/{scheduled.Id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/announcements/999999/cancel", null)).StatusCode);
        var list = (await admin.GetFromJsonAsync<List<AnnouncementSummary>>($"/api/events/{ev.Id}/announcements"))!;
        Assert.Equal([(scheduled.Id, people.Length, true, false), (cancelled.Id, 0, false, true)],
            list.Select(a => (a.Id, a.Recipients, a.SentAt is not null, a.CancelledAt is not null)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_send_now_is_answered_before_it_is_written_and_the_woken_loop_writes_it_without_waiting_for_its_poll(string provider)
    {
        // The clock stands still: the loop's half-minute poll never comes, so only the POST's wake can start a send.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        await using var app = await StartAsync(provider, time, Mail.Smtp(port, senderRunning: true));
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        // Two sessions: a second announcement of the same session would leave out everyone the first reached.
        var sessions = new[]
        {
            await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(14), eventId: ev.Id),
            await PublishedSessionAsync(admin, 10, time.GetUtcNow().AddDays(28), eventId: ev.Id),
        };
        await FollowersAsync(app, ev.Id, [.. Enumerable.Range(1, 5).Select(i => ($"P{i}", $"p{i}@example.com", (string?)null, SubscriptionStatus.Active, false))]);

        foreach (var round in new[] { 1, 2 }) // the second surely after the loop's first pass, so woken, not started
        {
            var response = await admin.PostAsJsonAsync($"/api/events/{ev.Id}/announcements", new { sessionId = sessions[round - 1].Id, audience = "followers" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var accepted = (await response.Content.ReadFromJsonAsync<AnnouncementAccepted>())!;
            Assert.Equal(5, accepted.Recipients);
            var done = await CompletedAsync(app, accepted.Id);
            Assert.True(done is not null, $"Round {round}: the woken loop did not write the send.");
            await using var db = app.Factory.CreateDbContext();
            Assert.Equal(5, await db.AnnouncementRecipients.CountAsync(r => r.AnnouncementId == accepted.Id));
        }
    }

    /// <summary>Waits (up to 30 s) for the background sender to complete the send; its CompletedAt, or null if it never did.</summary>
    private static async Task<DateTime?> CompletedAsync(TestApp app, int announcementId)
    {
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(50))
        {
            await using var db = app.Factory.CreateDbContext();
            if (await db.Announcements.Where(a => a.Id == announcementId).Select(a => a.CompletedAt).SingleAsync() is { } completed)
            {
                return completed;
            }
        }
        return null;
    }

    private static async Task<int> SendDueAsync(TestApp app)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementSender>().SendDueAsync();
    }

    /// <summary>Followers written straight to the database (the follow flow has its own tests); an erased one is blanked as erasure leaves them.</summary>
    internal static async Task FollowersAsync(TestApp app, int eventId, params (string Name, string Email, string? Language, SubscriptionStatus Status, bool Erased)[] people)
    {
        await using var db = app.Factory.CreateDbContext();
        var now = DateTime.UtcNow.AddDays(-1);
        foreach (var p in people)
        {
            var person = await db.Attendees.FirstOrDefaultAsync(a => a.Email == p.Email)
                ?? db.Attendees.Add(new Attendee { Email = p.Email, DisplayName = p.Name, PreferredLanguage = p.Language, CreatedAt = now }).Entity;
            if (p.Erased)
            {
                person.ErasedAt = now;
            }
            db.Subscriptions.Add(new Subscription { EventId = eventId, Attendee = person, Status = p.Status, Language = p.Language, CreatedAt = now, Since = now });
        }
        await db.SaveChangesAsync();
    }
}
