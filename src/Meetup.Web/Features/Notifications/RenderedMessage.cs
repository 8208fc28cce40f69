namespace Meetup.Web.Features.Notifications;

/// <summary>A message as stored in the outbox once rendered (retries send exactly this).</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html, IReadOnlyList<EmailAttachment> Attachments)
{
    /// <summary>An RFC 8058 unsubscribe URL (token as <see cref="ManageLinkSlot.Placeholder"/>) for the headers; null: none.</summary>
    public string? ListUnsubscribe { get; init; }
}

/// <summary>An attachment; with a content id it is shown inline (the QR code).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Base64, string? ContentId = null);
