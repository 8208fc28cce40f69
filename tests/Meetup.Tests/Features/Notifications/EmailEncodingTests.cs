using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Notifications;

/// <summary>
/// A Japanese or Chinese body sent as undeclared 8-bit can be mangled by a relay: every text part declares
/// quoted-printable or base64 (MimeKit's choice), the message is 7-bit on the wire and in the demo's .eml files, and each
/// part decodes back to exactly the text that was written (docs/architecture.md, Email).
/// </summary>
public class EmailEncodingTests
{
    [Fact]
    public async Task A_japanese_eml_declares_a_seven_bit_encoding_on_every_text_part_and_decodes_to_the_written_text()
    {
        var folder = Path.Combine(Path.GetTempPath(), "meetup-tests", $"outbox-{Guid.NewGuid():N}");
        await using var app = await StartAsync("Sqlite", settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "false", ["Notifications:Directory"] = folder });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, DateTimeOffset.UtcNow.AddDays(5));
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "佐藤 愛子", "aiko@example.com", "ja"));

        await MailKit.DrainAsync(app.Factory);

        var raw = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")));
        await AssertDeclaredAndFaithfulAsync(app, raw, rsvp.ManageToken!);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_japanese_email_over_smtp_declares_a_seven_bit_encoding_on_every_text_part_and_decodes_to_the_written_text()
    {
        using var smtp = SimpleSmtpServer.Start(MailKit.FreePort());
        await using var app = await TestApp.StartAsync("Sqlite", MailKit.Smtp(smtp.Configuration.Port, senderRunning: false));
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, DateTimeOffset.UtcNow.AddDays(5));
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "佐藤 愛子", "aiko@example.com", "ja"));

        await MailKit.DrainAsync(app.Factory);

        await MailKit.WaitForAsync(smtp, 1);
        var data = System.Text.RegularExpressions.Regex.Replace(Assert.Single(smtp.ReceivedEmail).Data, @"(?m)^\.\.", ".");
        await AssertDeclaredAndFaithfulAsync(app, System.Text.Encoding.UTF8.GetBytes(data), rsvp.ManageToken!);
    }

    private static async Task AssertDeclaredAndFaithfulAsync(TestApp app, byte[] raw, string token)
    {
        Assert.All(raw, b => Assert.True(b < 0x80, $"an 8-bit byte 0x{b:X2} on the wire"));
        using var stream = new MemoryStream(raw);
        var mail = await MimeMessage.LoadAsync(stream);
        var texts = mail.BodyParts.OfType<TextPart>().ToList();
        Assert.Contains(texts, t => t.IsPlain);
        Assert.Contains(texts, t => t.IsHtml);
        Assert.All(texts, t =>
        {
            Assert.True(t.Headers.Contains(HeaderId.ContentTransferEncoding), $"{t.ContentType.MimeType} has no Content-Transfer-Encoding");
            Assert.Contains(t.ContentTransferEncoding, new[] { ContentEncoding.QuotedPrintable, ContentEncoding.Base64 });
        });

        await using var db = app.Factory.CreateDbContext();
        var written = await db.OutboxMessages.AsNoTracking().SingleAsync(o => o.Kind == NotificationKind.RsvpConfirmed);
        Assert.Contains("参加が確定しました", written.TextBody, StringComparison.Ordinal);
        Assert.Equal(ManageLinkSlot.Fill(written.TextBody, token)!.ReplaceLineEndings("\n"), texts.Single(t => t.IsPlain).Text.ReplaceLineEndings("\n"));
        Assert.Equal(ManageLinkSlot.Fill(written.HtmlBody, token)!.ReplaceLineEndings("\n"), texts.Single(t => t.IsHtml).Text.ReplaceLineEndings("\n"));
        Assert.Equal(written.Subject, mail.Subject);
    }
}
