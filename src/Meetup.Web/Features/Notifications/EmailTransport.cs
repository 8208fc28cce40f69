using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Meetup.Web.Features.Notifications;

/// <summary>Where rendered messages go: an SMTP server, or .eml files when none is configured.</summary>
public interface IEmailTransport
{
    /// <summary>A connection for a batch of messages (one SMTP session per batch).</summary>
    Task<IEmailConnection> ConnectAsync(CancellationToken ct);
}

public interface IEmailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Chooses SMTP when Smtp:Host is set, else .eml files in Notifications:Directory (a fresh install loses nothing).</summary>
public sealed class ConfiguredEmailTransport(IOptions<SmtpOptions> smtp, IOptions<NotificationOptions> options, IHostEnvironment env, ILogger<ConfiguredEmailTransport> logger)
    : IEmailTransport
{
    public async Task<IEmailConnection> ConnectAsync(CancellationToken ct)
    {
        var s = smtp.Value;
        if (!s.Configured)
        {
            var dir = Path.GetFullPath(options.Value.Directory, env.ContentRootPath);
            Directory.CreateDirectory(dir);
            return new EmlConnection(dir, logger);
        }
        var client = new SmtpClient { Timeout = s.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(s.Host!, s.Port, s.Security, ct);
            if (!string.IsNullOrEmpty(s.Username))
            {
                await client.AuthenticateAsync(s.Username, s.Password ?? "", ct);
            }
            return new SmtpConnection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class SmtpConnection(SmtpClient client) : IEmailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct) => await client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    private sealed class EmlConnection(string directory, ILogger logger) : IEmailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Sanitize(message.MessageId)}.eml";
            var path = Path.Combine(directory, name);
            await message.WriteToAsync(path, ct);
            logger.LogInformation("No SMTP configured: email \"{Subject}\" to {To} written to {Path}", message.Subject, message.To.ToString(), path);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static string Sanitize(string? id) => new([.. (id ?? Guid.NewGuid().ToString("N")).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')]);
    }
}
