using Meetup.Data.Entities;

namespace Meetup.Web.Features.Follow;

/// <summary>A request to follow a study group: the email is required, the name and language optional.</summary>
public sealed record FollowInput
{
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? Language { get; init; }
}

/// <summary>The one answer to a follow request, whatever the address's state (it reveals nobody).</summary>
public sealed record FollowAccepted(string Message);

/// <summary>A subscription after a confirm or unsubscribe by its link.</summary>
public sealed record SubscriptionState(int EventId, string EventName, string Status);

/// <summary>One follower (or would-be follower) of a study group, for the organizer.</summary>
public sealed record SubscriberResource(int AttendeeId, string? Name, string? Email, string? Language, string Status, DateTime Since);

/// <summary>
/// What the page behind an emailed link shows: the group, where the follow stands, whether the link can confirm and
/// whether it is too old to (<see cref="FollowService.ConfirmLinkLifetime"/>).
/// </summary>
public sealed record FollowLinkView(string EventName, string EventSlug, SubscriptionStatus Status, bool CanConfirm, bool Expired);
