using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Attendees;

/// <summary>
/// A merge's follows: each group the merged person followed moves to the kept one. Where both followed the same group,
/// one row stays: an unsubscribe wins (a merge never undoes one), then an active follow over a pending one; the
/// links of both keep working on it.
/// </summary>
internal static class SubscriptionMerge
{
    public static async Task MoveAsync(MeetupDb db, int mergeId, int keepId, CancellationToken ct)
    {
        var rows = await db.Subscriptions.Where(s => s.AttendeeId == mergeId || s.AttendeeId == keepId).ToListAsync(ct);
        foreach (var theirs in rows.Where(s => s.AttendeeId == mergeId))
        {
            var ours = rows.FirstOrDefault(s => s.AttendeeId == keepId && s.EventId == theirs.EventId);
            if (ours is null)
            {
                theirs.AttendeeId = keepId;
                continue;
            }
            if (Rank(theirs.Status) > Rank(ours.Status))
            {
                (ours.Status, ours.Since) = (theirs.Status, theirs.Since);
            }
            await db.SubscriptionLinks.Where(x => x.SubscriptionId == theirs.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.SubscriptionId, ours.Id), ct);
            db.Subscriptions.Remove(theirs);
        }
        await db.SaveChangesAsync(ct);
    }

    private static int Rank(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Unsubscribed => 2,
        SubscriptionStatus.Active => 1,
        _ => 0,
    };
}
