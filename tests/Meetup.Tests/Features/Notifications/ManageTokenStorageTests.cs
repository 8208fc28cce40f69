using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Notifications;

/// <summary>A manage token is a key to someone's RSVP and data: a copy of the database must not hold one.</summary>
public partial class ManageTokenStorageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task No_manage_token_nor_a_link_holding_one_is_in_the_database_before_rendering_after_rendering_or_after_sending(string provider)
    {
        var port = MailKit.FreePort();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, MailKit.Smtp(port, senderRunning: false), time);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 1, time.GetUtcNow().AddDays(10));
        var client = app.Client();
        var seated = await OutcomeAsync(await RsvpAsync(client, session.Id, "Gao Lin", "gao@example.com"));
        var waiting = await OutcomeAsync(await RsvpAsync(client, session.Id, "Kim Minjun", "minjun@example.com"));
        var tokens = new List<string> { seated.ManageToken!, waiting.ManageToken! };

        await AssertNowhereAsync(app, tokens); // queued
        // The SMTP server is down: each message is rendered and stored for its retries, then fails.
        await MailKit.DrainAsync(app.Factory);
        await AssertNowhereAsync(app, tokens); // rendered, waiting for a retry
        await using (var db = app.Factory.CreateDbContext())
        {
            var due = await db.OutboxMessages.Where(o => o.Kind != NotificationKind.Reminder).ToListAsync();
            Assert.Equal(2, due.Count);
            Assert.All(due, o => Assert.Equal((1, false, false), (o.Attempts, o.TextBody is null, o.Secret is null)));
        }

        using var smtp = SimpleSmtpServer.Start(port);
        time.Advance(TimeSpan.FromMinutes(1));
        await MailKit.DrainAsync(app.Factory);
        var mails = await MailKit.WaitForAsync(smtp, 2);
        Assert.Contains(mails, m => m.TextBody!.Contains($"/rsvp/{seated.ManageToken}", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.TextBody!.Contains($"/rsvp/{waiting.ManageToken}", StringComparison.Ordinal));
        await AssertNowhereAsync(app, tokens); // sent

        time.Advance(TimeSpan.FromMinutes(11));
        (await client.PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps/resend", new { email = "gao@example.com" })).EnsureSuccessStatusCode();
        var resent = await QueuedLinkAsync(app);
        tokens.Add(resent);
        await AssertNowhereAsync(app, tokens); // queued
        await MailKit.DrainAsync(app.Factory);
        var link = Assert.Single(await MailKit.WaitForAsync(smtp, 3), m => m.Subject!.StartsWith("Your RSVP link", StringComparison.Ordinal));
        var emailed = ManageLink().Match(link.TextBody!);
        Assert.Equal(resent, emailed.Groups[1].Value);
        Assert.Contains($"/rsvp/{resent}", link.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(emailed.Value).PathAndQuery)).StatusCode); // the page opens

        // The emailed link cancels; the seat goes to the waitlist, whose promotion is emailed too.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/rsvps/{resent}/cancel", null)).StatusCode);
        await MailKit.DrainAsync(app.Factory);
        Assert.Contains(await MailKit.WaitForAsync(smtp, 5), m => m.Subject!.StartsWith("A seat freed up", StringComparison.Ordinal));
        await using (var db = app.Factory.CreateDbContext())
        {
            var due = await db.OutboxMessages.Where(o => o.Kind != NotificationKind.Reminder).ToListAsync();
            Assert.Equal(5, due.Count);
            Assert.All(due, o => Assert.Equal((true, null), (o.SentAt is not null, o.Secret)));
        }
        await AssertNowhereAsync(app, tokens); // sent
    }

    private static async Task AssertNowhereAsync(TestApp app, IEnumerable<string> tokens)
    {
        await using var db = app.Factory.CreateDbContext();
        Assert.NotEmpty(await DatabaseScan.FindAsync(db, "minjun@example.com")); // the scan does read the tables
        foreach (var token in tokens)
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, token));
        }
        foreach (var attachments in await db.OutboxMessages.Where(o => o.Attachments != null).Select(o => o.Attachments!).ToListAsync())
        {
            foreach (var a in JsonSerializer.Deserialize<List<EmailAttachment>>(attachments, Outbox.Json)!)
            {
                var text = System.Text.Encoding.Latin1.GetString(Convert.FromBase64String(a.Base64));
                Assert.All(tokens, token => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>The token of the manage-link email waiting in the outbox, decrypted as the sender would.</summary>
    private static async Task<string> QueuedLinkAsync(TestApp app)
    {
        await using var db = app.Factory.CreateDbContext();
        var secret = await db.OutboxMessages.Where(o => o.Kind == NotificationKind.ManageLink).Select(o => o.Secret).SingleAsync();
        return app.Factory.Services.GetRequiredService<Outbox>().Unprotect(secret)!;
    }

    [GeneratedRegex(@"https?://[^/\s]+/rsvp/([A-Za-z0-9_-]{32})")]
    private static partial Regex ManageLink();
}
