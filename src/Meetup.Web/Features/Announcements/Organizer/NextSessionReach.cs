using Meetup.Web.Features.Retention.Dashboard;
using Meetup.Web.Features.Sessions;

namespace Meetup.Web.Features.Announcements.Organizer;

/// <summary>
/// The dashboard's "invite them to the next session": for the session the announce page preselects (the next
/// published one, <see cref="SessionService.UpcomingPublishedAsync"/>, as the page's), the same followers and exclusions
/// as the announcement itself (<see cref="AudienceSelector"/>).
/// </summary>
internal sealed class NextSessionReach(SessionService sessions, AudienceSelector audiences) : IInvitationReach
{
    public async Task<InvitationReach?> ReadAsync(int eventId, IReadOnlyCollection<int> people, CancellationToken ct = default)
    {
        if ((await sessions.UpcomingPublishedAsync(eventId, ct)).FirstOrDefault() is not { Id: var sessionId })
        {
            return null;
        }
        var keep = people.ToHashSet();
        var followers = (await audiences.FollowersAsync(eventId, sessionId, ct)).Where(f => keep.Contains(f.AttendeeId)).ToList();
        var selection = AudienceSelector.Narrow(followers, keep);
        return new InvitationReach(sessionId,
            Following: followers.Select(f => f.AttendeeId).ToHashSet(),
            Invited: followers.Where(f => f.Announced && !f.Registered).Select(f => f.AttendeeId).ToHashSet(),
            Registered: followers.Where(f => f.Registered).Select(f => f.AttendeeId).ToHashSet(),
            Reachable: selection.Recipients.Select(f => f.AttendeeId).ToHashSet());
    }
}
