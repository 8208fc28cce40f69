using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Testing;
using Meetup.Tests.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using Mail = Meetup.Tests.Features.Notifications.MailKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// "Can't come after all?" in one click: the reminder, the promotion and later emails about an RSVP carry a fresh
/// link made at send time (stored only as a hash); its page changes nothing on GET, and its one button frees the seat
/// for the waitlist at once.
/// </summary>
public partial class CantComeLinkTests
{
    private const string ToTheWaitlistJa = "キャンセル待ちの先頭の方にすぐに回ります。";
    private const string ForSomeoneElseJa = "席を空けて、ほかの方に譲ってください。";
    private const string CancelToTheWaitlistJa = "空いた席はキャンセル待ちの先頭の方に回ります。";
    private const string CancelForSomeoneElseJa = "席が空き、ほかの方が参加できるようになります。";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_emailed_link_frees_the_seat_by_its_button_only_and_the_waitlist_moves_up(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, time.GetUtcNow().AddDays(3));
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        (await RsvpAsync(client, session.Id, "Kenji", "kenji@example.com", "ja")).EnsureSuccessStatusCode();
        (await RsvpAsync(client, session.Id, "Gao Lin", "gao@example.com", "zh")).EnsureSuccessStatusCode(); // waitlisted
        await Mail.DrainAsync(app.Factory);
        smtp.ClearReceivedEmail();

        // A later email (the organizer's message) and the 24-hour reminder: each with its own fresh link.
        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new { subject = "Room", message = "Room 3", to = "all" })).EnsureSuccessStatusCode();
        await Mail.DrainAsync(app.Factory);
        time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await Mail.DrainAsync(app.Factory);
        var mails = await Mail.WaitForAsync(smtp, 3);
        var toKenji = mails.Where(m => m.To.Mailboxes.Single().Address == "kenji@example.com").ToList();
        Assert.Equal(2, toKenji.Count); // the message and the reminder
        var kenjiLinks = toKenji.Select(LinkIn).ToList();
        Assert.Equal(2, kenjiLinks.Distinct().Count());
        var gaoLink = LinkIn(mails.Single(m => m.To.Mailboxes.Single().Address == "gao@example.com"));
        Assert.All(toKenji, m => Assert.Contains("/cant-come", m.HtmlBody, StringComparison.Ordinal));
        await using (var db = app.Factory.CreateDbContext())
        {
            foreach (var token in kenjiLinks.Append(gaoLink))
            {
                Assert.Empty(await DatabaseScan.FindAsync(db, token));
            }
            Assert.All(await db.OutboxMessages.ToListAsync(), o => Assert.Null(o.Secret));
        }

        // A mail scanner's GET changes nothing.
        var page = await client.GetAsync($"/rsvp/{kenjiLinks[1]}/cant-come");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var pageHtml = await page.Content.ReadAsStringAsync();
        Assert.Contains("席を空ける", pageHtml, StringComparison.Ordinal);
        Assert.Contains(ToTheWaitlistJa, pageHtml, StringComparison.Ordinal); // Gao waits
        Assert.Equal(["confirmed", "waitlisted"], await StatusesAsync(app, session.Id));
        // The manage page's "cancel my RSVP" asks by the same rule.
        var cancelBox = await client.GetStringAsync($"/rsvp/{kenjiLinks[1]}?cancel=1");
        Assert.Contains(CancelToTheWaitlistJa, cancelBox, StringComparison.Ordinal);
        Assert.DoesNotContain(CancelForSomeoneElseJa, cancelBox, StringComparison.Ordinal);

        // The button frees the seat; Gao moves up and is told, with a fresh link of her own.
        smtp.ClearReceivedEmail();
        var freed = await FormPost.SubmitAsync(client, $"/rsvp/{kenjiLinks[1]}/cant-come", "cant-come", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
        Assert.Contains("data-outcome=\"freed\"", await freed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["cancelled", "confirmed"], await StatusesAsync(app, session.Id));
        await Mail.DrainAsync(app.Factory);
        var promoted = (await Mail.WaitForAsync(smtp, 2)).Single(m => m.To.Mailboxes.Single().Address == "gao@example.com");
        var promotedLink = LinkIn(promoted);
        Assert.NotEqual(gaoLink, promotedLink);

        // Gao's own page: nobody waits now, so no waitlist is promised.
        var nobodyWaits = await (await client.GetAsync($"/rsvp/{promotedLink}/cant-come")).Content.ReadAsStringAsync();
        Assert.Contains(ForSomeoneElseJa, nobodyWaits, StringComparison.Ordinal);
        Assert.DoesNotContain(ToTheWaitlistJa, nobodyWaits, StringComparison.Ordinal);
        var nobodyWaitsCancel = await client.GetStringAsync($"/rsvp/{promotedLink}?cancel=1");
        Assert.Contains(CancelForSomeoneElseJa, nobodyWaitsCancel, StringComparison.Ordinal);
        Assert.DoesNotContain(CancelToTheWaitlistJa, nobodyWaitsCancel, StringComparison.Ordinal);

        // Again (a double click, the older link): still freed once, nothing else changes.
        var again = await FormPost.SubmitAsync(client, $"/rsvp/{kenjiLinks[0]}/cant-come", "cant-come", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-outcome=\"freed\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["cancelled", "confirmed"], await StatusesAsync(app, session.Id));

        // After the start, the page says so and frees nothing.
        time.Advance(TimeSpan.FromDays(1));
        var late = await client.GetAsync($"/rsvp/{promotedLink}/cant-come");
        Assert.Contains("data-outcome=\"past\"", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/rsvp/{new string('a', 32)}/cant-come")).StatusCode);
    }

    private static string LinkIn(MimeMessage mail)
    {
        var match = CantComeLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, $"No 'I can't come' link in: {mail.Subject}");
        return match.Groups[1].Value;
    }

    private static async Task<List<string>> StatusesAsync(TestApp app, int sessionId)
    {
        await using var db = app.Factory.CreateDbContext();
        var rows = await db.Rsvps.Where(r => r.SessionId == sessionId).OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
        return [.. rows.Select(s => s.ToString().ToLowerInvariant())];
    }

    [GeneratedRegex(@"/rsvp/([A-Za-z0-9_-]{32})/cant-come")]
    private static partial Regex CantComeLink();
}
