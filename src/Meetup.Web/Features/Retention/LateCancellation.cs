using Meetup.Web.Features.Rsvps.Seats;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// A late cancellation (docs/retention.md): an RSVP the person cancelled themselves (<c>Rsvp.CancelledAt</c>) at
/// StartsAt − <see cref="Window"/> ≤ CancelledAt &lt; StartsAt. Shown next to the no-shows: both are seats lost
/// too late to give to someone else.
/// </summary>
public static class LateCancellation
{
    /// <summary>
    /// The reminder's lead (<see cref="RsvpNotices.ReminderLead"/>, 24 hours): whoever cancels after the reminder
    /// frees a seat that the waitlist can hardly use any more.
    /// </summary>
    public static readonly TimeSpan Window = RsvpNotices.ReminderLead;

    public static bool IsLate(DateTime cancelledAt, DateTime startsAt) => cancelledAt >= startsAt - Window && cancelledAt < startsAt;

    /// <summary>How many of <paramref name="cancelledAt"/> (the person's cancels of one session) were late.</summary>
    public static int Count(DateTime startsAt, IEnumerable<DateTime> cancelledAt) => cancelledAt.Count(at => IsLate(at, startsAt));
}
