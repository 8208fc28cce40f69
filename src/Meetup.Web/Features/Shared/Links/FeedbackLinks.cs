using Meetup.Data;
using Meetup.Data.Entities;

namespace Meetup.Web.Features.Shared.Links;

/// <summary>
/// Personal survey links (<see cref="FeedbackLink"/>): issued when a thank-you email is written, one per email, as a
/// hash; the token reaches only the email (<see cref="ManageTokens"/> makes and hashes it). It opens the survey of one
/// session for one person and nothing else, so it also serves walk-ins, who have no manage link.
/// </summary>
internal static class FeedbackLinks
{
    /// <summary>Adds a new link to the unit of work and returns its token.</summary>
    public static string Issue(MeetupDb db, int sessionId, int attendeeId, DateTime now)
    {
        var token = ManageTokens.New();
        db.FeedbackLinks.Add(new FeedbackLink { SessionId = sessionId, AttendeeId = attendeeId, Hash = ManageTokens.Hash(token), CreatedAt = now });
        return token;
    }
}
