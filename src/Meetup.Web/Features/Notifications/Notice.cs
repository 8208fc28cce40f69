using Meetup.Data.Entities;

namespace Meetup.Web.Features.Notifications;

/// <summary>The facts a message reports, as they were when it was enqueued.</summary>
public sealed record NotificationPayload
{
    /// <summary>The base for links in the email, as <see cref="Shared.Links.PublicBase"/> allowed it for the request that caused the message (checked again when rendered).</summary>
    public string BaseUrl { get; init; } = "";
    public string? Status { get; init; }
    public int? WaitlistPosition { get; init; }
    public int? Sequence { get; init; }
    public string? Reason { get; init; }

    /// <summary>The follow a confirmation email is about (it names no session).</summary>
    public int? SubscriptionId { get; init; }

    /// <summary>The announcement an email belongs to.</summary>
    public int? AnnouncementId { get; init; }

    /// <summary>The <c>List-Unsubscribe</c> URL with <see cref="ManageLinkSlot.Placeholder"/> for its token, set when rendered.</summary>
    public string? ListUnsubscribe { get; init; }
}

/// <summary>A message to enqueue; see <see cref="Outbox"/>.</summary>
public sealed record Notice(NotificationKind Kind, string DedupeKey, string Recipient, string? Language, DateTime DueAt)
{
    public int? SessionId { get; init; }
    public int? RsvpId { get; init; }
    public int? AttendeeId { get; init; }
    public NotificationPayload Payload { get; init; } = new();

    /// <summary>A manage token the message must carry; stored encrypted until rendered.</summary>
    public string? ManageToken { get; init; }

    /// <summary>The same, already encrypted (<see cref="Outbox.Protect"/>) outside a lock.</summary>
    public string? ProtectedManageToken { get; init; }
}
