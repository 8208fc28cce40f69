namespace Meetup.Data.Entities;

/// <summary>
/// A link in an email about a <see cref="Subscription"/> (confirm it, or unsubscribe), as the SHA-256 (hex) of its
/// token; the token itself is never stored (docs/design.md, "Manage links"). One per email, so a new email never
/// stops a link the person already holds; erasure deletes them with the subscription.
/// </summary>
public class SubscriptionLink
{
    public long Id { get; set; }
    public int SubscriptionId { get; set; }
    public Subscription? Subscription { get; set; }
    public SubscriptionLinkPurpose Purpose { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
}
