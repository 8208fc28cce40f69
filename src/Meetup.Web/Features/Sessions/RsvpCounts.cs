using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Sessions;

/// <summary>The label of a link to a session's RSVP list (where its attendees are messaged), with who is on it.</summary>
public static class RsvpCounts
{
    public static string Label(IStringLocalizer<Strings> L, int confirmed, int waitlisted)
    {
        ArgumentNullException.ThrowIfNull(L);
        return waitlisted > 0
            ? L["RSVPs: {0} confirmed, {1} waiting", confirmed, waitlisted]
            : L["RSVPs: {0} confirmed", confirmed];
    }
}
