using System.Net.Http.Json;
using Ical.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Notifications;

/// <summary>
/// An email is written in the language chosen on the RSVP form, date format included, subject to .ics
/// (docs/i18n.md). Needs the Japanese and Chinese resources (Strings.ja.resx, Strings.zh-Hans.resx).
/// </summary>
public class EmailLanguageTests
{
    // Wednesday 6 January 2027, 19:00–21:00 in Asia/Tokyo (the test event's zone).
    private static readonly DateTimeOffset Wednesday = new(2027, 1, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_japanese_rsvp_gets_its_confirmation_in_japanese_with_the_japanese_date()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = await TestApp.StartAsync("Sqlite", MailKit.Smtp(smtp.Configuration.Port, senderRunning: true));
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, Wednesday);

        await RsvpAsync(app.Client(), session.Id, "佐藤 愛子", "aiko@example.com", "ja");

        var mail = Assert.Single(await MailKit.WaitForAsync(smtp, 1));
        Assert.Equal($"参加確定：{session.Title}", mail.Subject);
        Assert.Contains($"佐藤 愛子 様、{session.Title}への参加が確定しました。", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("日時：2027年1月6日(水) 19:00 – 21:00（Asia/Tokyo）", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("受付コード：", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("登録内容の確認・変更・キャンセル", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("You have a seat", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ja\">", mail.HtmlBody, StringComparison.Ordinal);
        MailKit.AssertPhoneShell(mail);
        Assert.Contains("alt=\"受付用QRコード\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("2027年1月6日(水) 19:00", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chinese_rsvp_gets_its_confirmation_in_chinese_with_the_chinese_date_and_calendar_entry()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = await TestApp.StartAsync("Sqlite", MailKit.Smtp(smtp.Configuration.Port, senderRunning: true));
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, Wednesday, format: "online");

        await RsvpAsync(app.Client(), session.Id, "高林", "gao@example.com", "zh");

        var mail = Assert.Single(await MailKit.WaitForAsync(smtp, 1));
        Assert.Equal($"报名成功：{session.Title}", mail.Subject);
        Assert.Contains($"你好，高林！你已成功报名{session.Title}。", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("时间：2027年1月6日 周三 19:00 – 21:00（Asia/Tokyo）", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("线上：在报名页面点击“线上参加”", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("你的签到码", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("You have a seat", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("2027年1月6日 周三 19:00", mail.HtmlBody, StringComparison.Ordinal);

        var ics = mail.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var entry = Assert.Single(Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events);
        Assert.Equal("线上", entry.Location);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_language_changed_on_the_manage_page_applies_to_the_emails_still_waiting_to_be_written(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, DateTimeOffset.UtcNow.AddDays(10));
        var client = app.Client();
        var mine = await OutcomeAsync(await RsvpAsync(client, session.Id, "Aiko", "aiko@example.com", "ja"));
        await RsvpAsync(client, session.Id, "Gao Lin", "gao@example.com", "ja");

        (await client.PutAsJsonAsync($"/api/rsvps/{mine.ManageToken}", new { language = "zh" })).EnsureSuccessStatusCode();

        await using var db = app.Factory.CreateDbContext();
        var rows = await db.OutboxMessages.AsNoTracking().Select(o => new { o.Recipient, o.Kind, o.Culture }).ToListAsync();
        Assert.Equal(2, rows.Count(r => r.Recipient == "aiko@example.com"));
        Assert.All(rows.Where(r => r.Recipient == "aiko@example.com"), r => Assert.Equal("zh-Hans", r.Culture)); // the confirmation and the reminder
        Assert.Contains(rows, r => r.Recipient == "aiko@example.com" && r.Kind == NotificationKind.Reminder);
        Assert.All(rows.Where(r => r.Recipient == "gao@example.com"), r => Assert.Equal("ja", r.Culture)); // nobody else's
    }
}
