using System.Collections.Concurrent;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Notifications;

public class OutboxTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task When_smtp_is_down_the_message_waits_with_backoff_survives_a_restart_and_is_sent_once(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = MailKit.FreePort(); // nothing listens yet: SMTP is down
        var settings = MailKit.Smtp(port, senderRunning: false);
        await using var database = await TestDatabase.CreateAsync(provider);
        long id;
        await using (var first = new MeetupAppFactory(database, settings, time))
        {
            var admin = await ApiClientAsync(first);
            var session = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(10));
            await RsvpAsync(first.CreateClient(), session.Id, "A", "a@example.com");
            await MailKit.DrainAsync(first);

            await using var db = first.CreateDbContext();
            var row = await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.RsvpConfirmed);
            Assert.Null(row.SentAt);
            Assert.Equal(1, row.Attempts);
            Assert.False(string.IsNullOrEmpty(row.LastError));
            Assert.Equal(time.GetUtcNow().UtcDateTime.AddSeconds(30), row.NextAttemptAt!.Value, TimeSpan.FromSeconds(1));
            Assert.NotNull(row.Subject); // rendered once; the retry sends exactly this
            id = row.Id;
        } // the app stops here

        // SMTP is back (on a port of its own: binding the reserved one now could collide with another test).
        using var smtp = SimpleSmtpServer.Start();
        await using var second = new MeetupAppFactory(database, MailKit.Smtp(smtp.Configuration.Port, senderRunning: false), time);
        var sender = second.Services.GetRequiredService<OutboxSender>();
        Assert.Equal(0, await sender.RunOnceAsync()); // not due before its backoff
        time.Advance(TimeSpan.FromSeconds(31));
        await MailKit.DrainAsync(second);
        await MailKit.DrainAsync(second);

        var mail = Assert.Single(await MailKit.WaitForAsync(smtp, 1));
        Assert.Equal($"outbox-{id}@meetup.test", mail.MessageId);
        await using var after = second.CreateDbContext();
        var sent = await after.OutboxMessages.SingleAsync(o => o.Id == id);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.NextAttemptAt);
        Assert.Equal(2, sent.Attempts);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_senders_working_at_once_never_send_the_same_message(string provider)
    {
        await using var app = await StartAsync(provider, settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false", ["Notifications:BatchSize"] = "3" });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 100, DateTimeOffset.UtcNow.AddDays(10));
        var client = app.Client();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => RsvpAsync(client, session.Id, $"P{i}", $"p{i}@example.com")));
        var counting = new CountingTransport();
        var senders = Enumerable.Range(0, 3)
            .Select(_ => ActivatorUtilities.CreateInstance<OutboxSender>(app.Factory.Services, (IEmailTransport)counting)).ToList();

        await Task.WhenAll(senders.Select(async s =>
        {
            while (await s.RunOnceAsync() > 0)
            {
            }
        }));

        await using var db = app.Factory.CreateDbContext();
        var due = await db.OutboxMessages.Where(o => o.Kind == NotificationKind.RsvpConfirmed).Select(o => o.Id).ToListAsync();
        Assert.Equal(40, due.Count);
        Assert.All(due, id => Assert.Equal(1, counting.Sent.GetValueOrDefault($"outbox-{id}@meetup.local")));
        Assert.Equal(40, counting.Sent.Values.Sum());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_message_to_an_invalid_address_is_skipped_with_its_reason_and_never_sent(string provider)
    {
        await using var app = await StartAsync(provider, settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, DateTimeOffset.UtcNow.AddDays(10));
        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com");
        long skippedId;
        await using (var db = app.Factory.CreateDbContext())
        {
            // Someone imported by their connpass account (see AccountAddress), due like any reminder.
            var now = DateTime.UtcNow;
            var row = new OutboxMessage
            {
                Kind = NotificationKind.Reminder,
                DedupeKey = "test-invalid-recipient",
                Recipient = "taro_y@connpass.invalid",
                SessionId = session.Id,
                CreatedAt = now,
                DueAt = now,
                NextAttemptAt = now,
            };
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync();
            skippedId = row.Id;
        }
        var counting = new CountingTransport();
        var sender = ActivatorUtilities.CreateInstance<OutboxSender>(app.Factory.Services, (IEmailTransport)counting);

        while (await sender.RunOnceAsync() > 0)
        {
        }

        await using var after = app.Factory.CreateDbContext();
        var skipped = await after.OutboxMessages.SingleAsync(o => o.Id == skippedId);
        Assert.Equal((null, null, 0), (skipped.SentAt, skipped.NextAttemptAt, counting.Sent.GetValueOrDefault($"outbox-{skippedId}@meetup.local")));
        Assert.NotNull(skipped.FailedAt);
        Assert.Contains(".invalid", skipped.LastError, StringComparison.Ordinal);
        var confirmed = await after.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.RsvpConfirmed);
        Assert.NotNull(confirmed.SentAt); // the others still go out
        Assert.Equal(1, counting.Sent.GetValueOrDefault($"outbox-{confirmed.Id}@meetup.local"));
    }

    [Fact]
    public async Task The_reminder_goes_out_24_hours_before_and_follows_a_new_start_time()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time, new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(5));
        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com");
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(session.StartsAt.AddHours(-24), (await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.Reminder)).DueAt);
        }

        var moved = session.StartsAt.AddDays(2);
        await admin.PutAsJsonAsync($"/api/sessions/{session.Id}", Rsvps.RsvpApiTests.Edit(session, 5, moved));

        await using (var db = app.Factory.CreateDbContext())
        {
            var reminder = await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.Reminder);
            Assert.Equal(moved.AddHours(-24), reminder.DueAt);
            Assert.Single(await db.OutboxMessages.Where(o => o.Kind == NotificationKind.SessionChanged).ToListAsync());
        }
        await MailKit.DrainAsync(app.Factory);
        time.Advance(moved - time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(23));
        await MailKit.DrainAsync(app.Factory);
        await using (var db = app.Factory.CreateDbContext())
        {
            var sent = await db.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.Reminder);
            Assert.NotNull(sent.SentAt);
            Assert.StartsWith("Tomorrow:", sent.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cancelling_the_session_tells_everyone_and_drops_their_reminders()
    {
        await using var app = await StartAsync("Sqlite", settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, DateTimeOffset.UtcNow.AddDays(5));
        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com");
        await RsvpAsync(app.Client(), session.Id, "B", "b@example.com");

        await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/cancel", new { reason = "The room is closed." });

        await using var db = app.Factory.CreateDbContext();
        Assert.False(await db.OutboxMessages.AnyAsync(o => o.Kind == NotificationKind.Reminder));
        Assert.Equal(["a@example.com", "b@example.com"], await db.OutboxMessages.Where(o => o.Kind == NotificationKind.SessionCancelled).Select(o => o.Recipient).OrderBy(r => r).ToListAsync());
    }

    [Fact]
    public async Task Without_smtp_messages_become_eml_files_in_the_outbox_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "meetup-tests", $"outbox-{Guid.NewGuid():N}");
        await using var app = await StartAsync("Sqlite", settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false", ["Notifications:Directory"] = folder });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, DateTimeOffset.UtcNow.AddDays(5));
        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com", "ja");
        await RsvpAsync(app.Client(), session.Id, "B", "b@example.com", "zh");

        await MailKit.DrainAsync(app.Factory);

        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(2, files.Length);
        // Each in its reader's language (ja, zh): the seat for A, the waitlist for B.
        var subjects = files.Select(f => MimeMessage.Load(f)).ToDictionary(m => m.To.Mailboxes.Single().Address, m => m.Subject);
        Assert.StartsWith("参加確定：", subjects["a@example.com"], StringComparison.Ordinal);
        Assert.StartsWith("候补中（第1位）：", subjects["b@example.com"], StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(["ja", "zh-Hans"], await db.OutboxMessages.Where(o => o.Kind != NotificationKind.Reminder).OrderBy(o => o.Id).Select(o => o.Culture).ToListAsync());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Asking_for_the_link_again_is_limited_to_one_email_every_ten_minutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync("Sqlite", time, new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, time.GetUtcNow().AddDays(5));
        var first = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "A", "a@example.com"));

        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com"); // right after: the confirmation is the link
        time.Advance(TimeSpan.FromMinutes(11));
        var resend = await app.Client().PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps/resend", new { email = "A@example.com" });
        await app.Client().PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps/resend", new { email = "a@example.com" });
        var unknown = await app.Client().PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps/resend", new { email = "nobody@example.com" });

        Assert.Equal(System.Net.HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, unknown.StatusCode);
        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.ManageLink));
        // The new link comes on top: the one they hold keeps working (docs/api.md, RSVP: sending it again never stops it).
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Client().GetAsync($"/api/rsvps/{first.ManageToken}")).StatusCode);
        Assert.Equal(2, await db.RsvpManageTokens.CountAsync());
    }

    private static async Task<HttpClient> ApiClientAsync(MeetupAppFactory factory)
    {
        var client = factory.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword }))
            .Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!.Token);
        return client;
    }

    private sealed record TokenBody(string Token);

    private sealed class CountingTransport : IEmailTransport, IEmailConnection
    {
        public ConcurrentDictionary<string, int> Sent { get; } = new();

        public Task<IEmailConnection> ConnectAsync(CancellationToken ct) => Task.FromResult<IEmailConnection>(this);

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            await Task.Delay(5, ct); // long enough for the senders to overlap
            Sent.AddOrUpdate(message.MessageId ?? "", 1, (_, n) => n + 1);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
