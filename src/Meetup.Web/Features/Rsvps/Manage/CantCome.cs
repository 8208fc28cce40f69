using Meetup.Web.Features.Rsvps.Registering;

namespace Meetup.Web.Features.Rsvps.Manage;

public enum CantComeState { Open, Freed, SessionCancelled, Past }

/// <summary>
/// What the one-click "I can't come" page may do: free an active seat (or waitlist place) of a published session
/// that has not started; otherwise say what happened. Freeing is the manage page's cancel.
/// </summary>
public static class CantCome
{
    public static CantComeState Of(RsvpDetails rsvp, DateTime now) => rsvp switch
    {
        { Status: "cancelled" } => CantComeState.Freed,
        { SessionStatus: "cancelled" } => CantComeState.SessionCancelled,
        _ when now >= rsvp.StartsAt => CantComeState.Past,
        _ => CantComeState.Open,
    };

    /// <summary>
    /// Whether freeing this RSVP hands its seat to someone: a confirmed seat while <paramref name="waiting"/> people wait.
    /// The pages that free a seat (this one, the manage page's cancel) promise the waitlist only then.
    /// </summary>
    public static bool SeatGoesToWaitlist(RsvpDetails rsvp, int waiting) => rsvp.Status == "confirmed" && waiting > 0;
}
