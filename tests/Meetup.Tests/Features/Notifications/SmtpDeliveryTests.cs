using System.Net.Http.Json;
using Ical.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using MimeKit;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Notifications;

public class SmtpDeliveryTests
{
    [Fact]
    public async Task The_confirmation_arrives_over_smtp_with_a_calendar_entry_a_qr_code_the_code_and_the_manage_link()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = await TestApp.StartAsync("Sqlite", MailKit.Smtp(smtp.Configuration.Port, senderRunning: true));
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, DateTimeOffset.UtcNow.AddDays(10));

        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com", "en"));

        var mail = Assert.Single(await MailKit.WaitForAsync(smtp, 1));
        Assert.Equal("gao@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains(session.Title, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(rsvp.ManageUrl!, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{rsvp.CheckInCode![..3]}-{rsvp.CheckInCode[3..]}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(mail.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png" && p.ContentId == "checkin-qr");

        var ics = mail.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(session.Title, entry.Summary);
        Assert.Equal(session.StartsAt, entry.DtStart!.AsUtc);
        Assert.Equal(session.EndsAt, entry.DtEnd!.AsUtc);
        Assert.Equal($"session-{session.Id}@meetup.local", entry.Uid); // the same UID as the public feed (CalendarUids)
        Assert.Contains("Room Fuji", entry.Location, StringComparison.Ordinal);

        // The SMTP server has the message before the background sender records it as sent: wait for that record.
        var row = await MailKit.WaitUntilSentAsync(app.Factory, NotificationKind.RsvpConfirmed);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.Secret);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_moved_session_sends_an_updated_calendar_entry_with_a_higher_sequence()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = await TestApp.StartAsync("Sqlite", MailKit.Smtp(smtp.Configuration.Port, senderRunning: false));
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(10));
        await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com");
        await MailKit.DrainAsync(app.Factory);
        smtp.ClearReceivedEmail();

        await admin.PutAsJsonAsync($"/api/sessions/{session.Id}", Rsvps.RsvpApiTests.Edit(session, 5, session.StartsAt.AddDays(1)));
        await MailKit.DrainAsync(app.Factory);

        var mail = Assert.Single(await MailKit.WaitForAsync(smtp, 1));
        Assert.StartsWith("Changed:", mail.Subject, StringComparison.Ordinal);
        var ics = mail.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var entry = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events.Single();
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(session.StartsAt.AddDays(1), entry.DtStart!.AsUtc);
    }
}
