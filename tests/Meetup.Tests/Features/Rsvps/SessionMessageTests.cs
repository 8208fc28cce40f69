using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Rsvps.Messages;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using Mail = Meetup.Tests.Features.Notifications.MailKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// The organizer writes to the people registered for a session (confirmed, waitlisted or both): one email each, in
/// their language, the text as plain text; the cancelled, the erased and the undeliverable get nothing.
/// </summary>
public class SessionMessageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_message_reaches_each_registered_person_once_in_their_language_as_plain_text(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), time);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, time.GetUtcNow().AddDays(10));
        var client = app.Client();
        (await RsvpAsync(client, session.Id, "Kenji", "kenji@example.com", "ja")).EnsureSuccessStatusCode();
        (await RsvpAsync(client, session.Id, "Gao Lin", "gao@example.com", "zh")).EnsureSuccessStatusCode(); // waitlisted
        var gone = await OutcomeAsync(await RsvpAsync(client, session.Id, "Gone", "gone@example.com"));
        (await client.PostAsync($"/api/rsvps/{gone.ManageToken}/cancel", null)).EnsureSuccessStatusCode();
        var erased = await OutcomeAsync(await RsvpAsync(client, session.Id, "Erased", "erased@example.com"));
        (await client.PostAsync($"/api/rsvps/{erased.ManageToken}/erase", null)).EnsureSuccessStatusCode();
        await using (var db = app.Factory.CreateDbContext())
        {
            // Imported by an account on another site: no mailbox (the forms refuse such addresses, an import keeps them).
            var now = time.GetUtcNow().UtcDateTime;
            db.Rsvps.Add(new Rsvp
            {
                SessionId = session.Id,
                Status = RsvpStatus.Waitlisted,
                WaitlistPosition = 2,
                CreatedAt = now,
                UpdatedAt = now,
                Attendee = new Attendee { Email = "someone@connpass.invalid", DisplayName = "Account", CreatedAt = now },
            });
            await db.SaveChangesAsync();
        }
        await Mail.DrainAsync(app.Factory);
        smtp.ClearReceivedEmail();

        var sent = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/messages",
            new { subject = "Room change", message = "We moved to <b>Room 3</b>.\nBring your laptop.", to = "all" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(2, (await JsonAsync(sent)).GetProperty("recipients").GetInt32());
        await Mail.DrainAsync(app.Factory);
        var mails = (await Mail.WaitForAsync(smtp, 2)).OrderBy(m => m.To.Mailboxes.Single().Address, StringComparer.Ordinal).ToList();
        Assert.Equal(["gao@example.com", "kenji@example.com"], mails.Select(m => m.To.Mailboxes.Single().Address));
        var (gao, kenji) = (mails[0], mails[1]);
        Assert.All(mails, m =>
        {
            Assert.Contains("Room change", m.Subject, StringComparison.Ordinal);
            Assert.Contains(session.Title, m.Subject, StringComparison.Ordinal);
            Assert.Contains("We moved to <b>Room 3</b>.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;Room 3&lt;/b&gt;.<br>Bring your laptop.", m.HtmlBody, StringComparison.Ordinal); // its line break kept
            Mail.AssertPhoneShell(m);
            Assert.DoesNotContain("<b>Room 3", m.HtmlBody, StringComparison.Ordinal);
        });
        Assert.Contains("主催者", kenji.TextBody, StringComparison.Ordinal); // Japanese
        Assert.Contains("组织者", gao.TextBody, StringComparison.Ordinal); // Chinese
        Assert.Contains("/rsvp/", kenji.TextBody, StringComparison.Ordinal); // their manage link
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(2, await db.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.SessionMessage));
        }

        smtp.ClearReceivedEmail();
        var confirmedOnly = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new { subject = "Slides", message = "Here they are.", to = "confirmed" });
        Assert.Equal(1, (await JsonAsync(confirmedOnly)).GetProperty("recipients").GetInt32());
        var waitlistedOnly = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new { subject = "Waitlist", message = "Hang on.", to = "waitlisted" });
        Assert.Equal(1, (await JsonAsync(waitlistedOnly)).GetProperty("recipients").GetInt32());
        await Mail.DrainAsync(app.Factory);
        var two = await Mail.WaitForAsync(smtp, 2);
        Assert.Equal(["gao@example.com:Waitlist", "kenji@example.com:Slides"],
            two.Select(m => $"{m.To.Mailboxes.Single().Address}:{((m.Subject ?? "").Contains("Slides", StringComparison.Ordinal) ? "Slides" : "Waitlist")}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_message_names_each_field_and_sends_nothing(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, time.GetUtcNow().AddDays(10));
        (await RsvpAsync(app.Client(), session.Id, "Kenji", "kenji@example.com")).EnsureSuccessStatusCode();

        var bad = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new { subject = new string('s', 201), message = "", to = "everyone" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["message", "subject", "to"],
            (await JsonAsync(bad)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var tooLong = await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new { subject = " ", message = new string('m', 5001), to = "all" });
        Assert.Equal(["message", "subject"],
            (await JsonAsync(tooLong)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PostAsJsonAsync($"/api/sessions/{session.Id + 1000}/messages", new { subject = "a", message = "b", to = "all" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await app.Client().PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new { subject = "a", message = "b", to = "all" })).StatusCode);

        await using var db = app.Factory.CreateDbContext();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.SessionMessage));
    }

    /// <summary>
    /// The dialog's check before it asks "send?": the same field errors as a send, else how many it would reach — the
    /// deliverable addresses only, as a send counts them (and as the dialog's group counts show) — and nothing queued.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_check_before_confirming_names_the_field_errors_or_counts_whom_a_send_reaches_and_sends_nothing(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, SenderOff);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, time.GetUtcNow().AddDays(10));
        (await RsvpAsync(app.Client(), session.Id, "Kenji", "kenji@example.com")).EnsureSuccessStatusCode();
        await using (var db = app.Factory.CreateDbContext())
        {
            // Waitlisted, imported from another site: no mailbox, so nobody on the waitlist can be written to.
            var now = time.GetUtcNow().UtcDateTime;
            db.Rsvps.Add(new Rsvp
            {
                SessionId = session.Id,
                Status = RsvpStatus.Waitlisted,
                WaitlistPosition = 1,
                CreatedAt = now,
                UpdatedAt = now,
                Attendee = new Attendee { Email = "someone@connpass.invalid", DisplayName = "Account", CreatedAt = now },
            });
            await db.SaveChangesAsync();
        }
        using var scope = app.Factory.Services.CreateScope();
        var messages = scope.ServiceProvider.GetRequiredService<SessionMessageService>();

        var empty = await messages.CheckAsync(session.Id, new SessionMessageInput("", " ", "confirmed"));
        Assert.Equal(OperationStatus.Invalid, empty.Status);
        Assert.Equal(["message", "subject"], empty.Errors.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(["to"], (await messages.CheckAsync(session.Id, new SessionMessageInput("Room", "Room 3", "everyone"))).Errors.Fields);

        Assert.Equal(1, (await messages.CheckAsync(session.Id, new SessionMessageInput("Room", "Room 3", "confirmed"))).Value!.Recipients);
        Assert.Equal(0, (await messages.CheckAsync(session.Id, new SessionMessageInput("Room", "Room 3", "waitlisted"))).Value!.Recipients);
        Assert.Equal(1, (await messages.CheckAsync(session.Id, new SessionMessageInput("Room", "Room 3", "all"))).Value!.Recipients);
        Assert.Equal(new SessionMessageAudience(1, 0), (await messages.AudienceAsync(session.Id)).Value);
        Assert.Equal(OperationStatus.NotFound, (await messages.CheckAsync(session.Id + 1000, new SessionMessageInput("Room", "Room 3", "all"))).Status);

        await using var check = app.Factory.CreateDbContext();
        Assert.Equal(0, await check.OutboxMessages.CountAsync(o => o.Kind == NotificationKind.SessionMessage));
    }
}
