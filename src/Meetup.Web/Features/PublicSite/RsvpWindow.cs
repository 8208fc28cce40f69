using Meetup.Data.Entities;

namespace Meetup.Web.Features.PublicSite;

public enum RsvpState { NotYetOpen, Open, Closed, Started, Cancelled }

/// <summary>Whether people can RSVP to a session right now (docs/api.md: not for cancelled or started sessions, nor outside the window).</summary>
public static class RsvpWindow
{
    public static RsvpState StateAt(SessionStatus status, DateTime startsAt, DateTime? opensAt, DateTime? closesAt, DateTime now)
    {
        if (status == SessionStatus.Cancelled)
        {
            return RsvpState.Cancelled;
        }
        if (now >= startsAt)
        {
            return RsvpState.Started;
        }
        if (opensAt is { } opens && now < opens)
        {
            return RsvpState.NotYetOpen;
        }
        return closesAt is { } closes && now >= closes ? RsvpState.Closed : RsvpState.Open;
    }

    public static RsvpState StateAt(SessionPageModel s, DateTime now)
        => StateAt(s.Status, s.StartsAt, s.RsvpOpensAt, s.RsvpClosesAt, now);
}
