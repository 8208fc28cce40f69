using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Retention.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Announcements.Organizer;

/// <summary>
/// The dashboard's "invite them to the next session": for the session the announce page preselects (the next
/// published one), the same followers and exclusions as the announcement itself (<see cref="AudienceSelector"/>).
/// </summary>
internal sealed class NextSessionReach(IDbContextFactory<MeetupDb> dbFactory, AudienceSelector audiences, TimeProvider time) : IInvitationReach
{
    public async Task<InvitationReach?> ReadAsync(int eventId, IReadOnlyCollection<int> people, CancellationToken ct = default)
    {
        int? next;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            next = await db.Sessions.AsNoTracking()
                .Where(s => s.EventId == eventId && s.Status == SessionStatus.Published && s.StartsAt > now)
                .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        }
        if (next is not { } sessionId)
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
