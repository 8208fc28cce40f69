using MailKit.Security;

namespace Meetup.Web.Features.Notifications;

/// <summary>SMTP through MailKit (section "Smtp"). Without a host, emails are written as .eml files.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Meetup <noreply@meetup.local>";

    /// <summary>Auto (STARTTLS when offered; TLS on 465), None, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>The outbox sender (section "Notifications").</summary>
public sealed class NotificationOptions
{
    /// <summary>Run the background sender (tests that drive it step by step switch it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where .eml files go when no SMTP host is configured.</summary>
    public string Directory { get; set; } = "data/outbox";

    public int PollSeconds { get; set; } = 10;
    public int BatchSize { get; set; } = 20;
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry after this; doubles per attempt up to <see cref="MaxBackoffSeconds"/>.</summary>
    public int BackoffSeconds { get; set; } = 30;

    public int MaxBackoffSeconds { get; set; } = 3600;

    /// <summary>How long a claimed message is reserved for its sender before another may take it over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>
    /// After this many days a sent or abandoned message keeps only its kind, ids and times: the address, payload,
    /// text and attachments (personal data) are blanked.
    /// </summary>
    public int KeepSentDays { get; set; } = 30;

    public TimeSpan Backoff(int attempts)
        => TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, BackoffSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
