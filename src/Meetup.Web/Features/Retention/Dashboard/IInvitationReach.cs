namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// Whom an invitation to the event's next session can still reach among some people (the at-risk list), supplied by
/// the room that sends announcements, so that the dashboard does not depend on it.
/// </summary>
public interface IInvitationReach
{
    /// <summary>Null when no published session is ahead (there is nothing to invite to).</summary>
    Task<InvitationReach?> ReadAsync(int eventId, IReadOnlyCollection<int> people, CancellationToken ct = default);
}

/// <summary>
/// Of the people asked about, for the next published session: who follows the group (only they can be sent an
/// announcement), who already received one of it, who registered for it, and whom an invitation would reach now.
/// </summary>
public sealed record InvitationReach(
    int SessionId, IReadOnlySet<int> Following, IReadOnlySet<int> Invited, IReadOnlySet<int> Registered, IReadOnlySet<int> Reachable)
{
    /// <summary>
    /// What the at-risk table says of a person: <c>registered</c>, <c>invited</c>, <c>follows</c> (reachable),
    /// <c>undeliverable</c> (follows, but no address that can receive mail) or <c>not_following</c>.
    /// </summary>
    public string Of(int attendeeId)
        => Registered.Contains(attendeeId) ? "registered"
            : Invited.Contains(attendeeId) ? "invited"
            : Reachable.Contains(attendeeId) ? "follows"
            : Following.Contains(attendeeId) ? "undeliverable"
            : "not_following";
}
