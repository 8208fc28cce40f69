using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// "Tell me about new sessions" ticked with an RSVP: inside the batch's one commit, a pending follow (unless the
/// person has one) and a confirmation link (its hash; the token reaches only the RSVP's status email). Double opt-in:
/// a follower is left as is (nothing to confirm), an unsubscribed person stays unsubscribed until they confirm.
/// Costs nothing for RSVPs without the box.
/// </summary>
internal static class RsvpFollows
{
    /// <summary>The follow each asking request's email names, by the request's index.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> RequestAsync(
        MeetupDb db, int eventId, IReadOnlyList<RsvpRequest> requests, List<(int Index, Placement Placement)> placed, DateTime now, CancellationToken ct)
    {
        var asking = placed.Where(p => requests[p.Index].FollowToken is not null).ToList();
        if (asking.Count == 0)
        {
            return Empty;
        }
        var ids = asking.Select(p => p.Placement.Person.Id).ToList();
        var known = await db.Subscriptions.Where(s => s.EventId == eventId && ids.Contains(s.AttendeeId)).ToDictionaryAsync(s => s.AttendeeId, ct);
        var links = new List<(int Index, Subscription Subscription)>();
        foreach (var (index, p) in asking)
        {
            var subscription = known.GetValueOrDefault(p.Person.Id);
            if (subscription?.Status == SubscriptionStatus.Active)
            {
                continue; // already following: nothing to confirm
            }
            if (subscription is null)
            {
                subscription = new Subscription
                {
                    EventId = eventId,
                    AttendeeId = p.Person.Id,
                    Status = SubscriptionStatus.Pending,
                    CreatedAt = now,
                    Since = now,
                };
                db.Subscriptions.Add(subscription);
                known[p.Person.Id] = subscription;
            }
            subscription.Language ??= p.Person.PreferredLanguage;
            db.SubscriptionLinks.Add(new SubscriptionLink
            {
                Subscription = subscription,
                Purpose = SubscriptionLinkPurpose.Confirm,
                Hash = ManageTokens.Hash(requests[index].FollowToken!),
                CreatedAt = now,
            });
            links.Add((index, subscription));
        }
        if (links.Count == 0)
        {
            return Empty;
        }
        await db.SaveChangesAsync(ct); // in the batch's transaction: the new follows' keys name them in the emails
        return links.ToDictionary(x => x.Index, x => x.Subscription.Id);
    }

    private static readonly IReadOnlyDictionary<int, int> Empty = new Dictionary<int, int>();
}
