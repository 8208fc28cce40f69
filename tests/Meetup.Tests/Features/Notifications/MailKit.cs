using System.Net;
using System.Net.Sockets;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Meetup.Tests.Features.Notifications;

/// <summary>Helpers for email tests: a free port for a real SMTP server, driving the sender, reading what arrived.</summary>
internal static class MailKit
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Dictionary<string, string?> Smtp(int port, bool senderRunning) => new()
    {
        ["RateLimiting:Enabled"] = "false",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "Meetup <noreply@meetup.test>",
        ["Notifications:Enabled"] = senderRunning ? "true" : "false",
        ["Notifications:PollSeconds"] = "1",
    };

    /// <summary>Runs sender passes until nothing due is left.</summary>
    public static async Task DrainAsync(MeetupAppFactory factory)
    {
        var sender = factory.Services.GetRequiredService<OutboxSender>();
        while (await sender.RunOnceAsync() > 0)
        {
        }
    }

    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(SimpleSmtpServer server, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (server.ReceivedEmailCount < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        return [.. server.ReceivedEmail.Select(Parse)];
    }

    /// <summary>The outbox row of that kind once the background sender has recorded it as sent (or as it is after 60 s).</summary>
    public static async Task<OutboxMessage> WaitUntilSentAsync(MeetupAppFactory factory, NotificationKind kind)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var db = factory.CreateDbContext();
            var row = await db.OutboxMessages.AsNoTracking().SingleAsync(o => o.Kind == kind);
            if (row.SentAt is not null || DateTime.UtcNow >= until)
            {
                return row;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Every HTML email is written in one shell (<c>EmailBody</c>): one head, with the viewport that keeps a phone's mail
    /// app from showing it as a shrunk desktop page.
    /// </summary>
    public static void AssertPhoneShell(MimeMessage mail)
    {
        var html = mail.HtmlBody ?? "";
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<head>"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<body[ >]"));
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        // A link that shows its address (an unsubscribe link) wraps instead of widening the email past a phone's width.
        foreach (System.Text.RegularExpressions.Match shown in System.Text.RegularExpressions.Regex.Matches(html, "<a ([^>]*)>https?://[^<]*</a>"))
        {
            Assert.Contains("word-break:break-all", shown.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The message as the recipient would read it. netDumbster keeps the SMTP transparency dots
    /// (RFC 5321 §4.5.2: a line starting with "." is sent as ".."), which a real server removes;
    /// without this, a quoted-printable line that happens to start with "." reads "..".
    /// </summary>
    public static MimeMessage Parse(SmtpMessage raw)
    {
        var data = System.Text.RegularExpressions.Regex.Replace(raw.Data, @"(?m)^\.\.", ".");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data));
        return MimeMessage.Load(stream);
    }
}
