using Meetup.Data.Entities;

namespace Meetup.Web.Features.Demo;

internal sealed partial class CommunityBuilder
{
    /// <summary>Held sessions back from the latest that people followed the group from (the button is newer than the group).</summary>
    private const int FollowWindow = 12;

    /// <summary>How many held sessions before the latest, at least, the at-risk invitation was sent for.</summary>
    private const int InvitedSessionFromLatest = 2;

    /// <summary>
    /// Who follows the group: people who came to the recent sessions, the more often the likelier, each confirmed at a
    /// time spread over those sessions (so "new followers" per session has something to show); a few stopped again,
    /// two have not confirmed yet. And one at-risk invitation: sent a week before a recent session to the regulars who
    /// followed and had missed the two sessions before it (the dashboard's rule, as the demo's defaults set it), so the
    /// announce page's win-back panel has a row. Its own random sequence, so the community above stays the same.
    /// </summary>
    private (List<Subscription> Follows, List<Announcement> Announcements) FollowsAndInvitation(Event ev, IReadOnlyList<Session> held)
    {
        var random = new Random(Seed + 2);
        var from = Math.Max(0, held.Count - FollowWindow);
        // The latest session but two (or the nearest before it) that had people at risk just before it.
        var invited = Enumerable.Range(from + 3, Math.Max(0, held.Count - InvitedSessionFromLatest - from - 3)).Reverse()
            .FirstOrDefault(i => _people.Any(p => WasAtRisk(p, i)), held.Count - 1 - InvitedSessionFromLatest);
        var sendAt = held[invited].StartsAt.AddDays(-7);
        var atRisk = _people.Where(p => WasAtRisk(p, invited)).ToHashSet();
        var follows = new List<Subscription>();
        foreach (var person in _people.Where(p => p.Attended.Any(i => i >= from)))
        {
            var visits = person.Attended.Count(i => i >= from);
            if (random.NextDouble() >= (atRisk.Contains(person) ? 0.8 : Math.Min(0.85, 0.2 + (0.1 * visits))))
            {
                continue;
            }
            // From their first visit in the window until the latest session (a few since; the at-risk: before the invitation).
            var earliest = held[person.Attended.First(i => i >= from)].StartsAt;
            var latest = atRisk.Contains(person) ? sendAt.AddDays(-1) : random.NextDouble() < 0.8 ? held[^1].StartsAt : _now.AddDays(-1);
            var confirmed = earliest < latest ? Between(random, earliest, latest) : earliest;
            var requested = confirmed.AddMinutes(-random.Next(2, 600));
            var follow = new Subscription
            {
                Event = ev,
                Attendee = person.Attendee,
                Language = person.Attendee.PreferredLanguage,
                Status = SubscriptionStatus.Active,
                CreatedAt = requested,
                Since = confirmed,
                ConfirmedAt = confirmed,
            };
            if (random.NextDouble() < 0.1 && !atRisk.Contains(person))
            {
                follow.Status = SubscriptionStatus.Unsubscribed;
                follow.UnsubscribedAt = Between(random, confirmed, _now);
                follow.Since = follow.UnsubscribedAt.Value;
            }
            follows.Add(follow);
        }

        // Two people from the latest session asked to follow yesterday and have not clicked the emailed link yet.
        var following = follows.Select(f => f.Attendee).ToHashSet();
        foreach (var person in _people.Where(p => p.Attended.Contains(held.Count - 1) && !following.Contains(p.Attendee)).Take(2))
        {
            var asked = _now.AddHours(-random.Next(12, 36));
            follows.Add(new Subscription
            {
                Event = ev,
                Attendee = person.Attendee,
                Language = person.Attendee.PreferredLanguage,
                Status = SubscriptionStatus.Pending,
                CreatedAt = asked,
                Since = asked,
            });
        }

        var recipients = follows.Where(f => f.Status == SubscriptionStatus.Active && f.ConfirmedAt < sendAt && atRisk.Any(p => p.Attendee == f.Attendee)).ToList();
        if (recipients.Count == 0)
        {
            return (follows, []);
        }
        var invitation = new Announcement
        {
            Event = ev,
            Session = held[invited],
            Audience = AnnouncementAudience.AtRisk,
            Message = DemoCommunity.InvitationMessage,
            CreatedAt = sendAt.AddMinutes(-3),
            SendAt = sendAt,
            SentAt = sendAt,
        };
        invitation.Recipients.AddRange(recipients.Select(f => new AnnouncementRecipient { Attendee = f.Attendee }));
        RegisteredAfter(random, held[invited], sendAt, recipients.Select(f => f.Attendee!).ToHashSet());
        return (follows, [invitation]);
    }

    /// <summary>
    /// An announcement leaves out whoever is registered for the session when it goes (AudienceSelector), so a recipient's
    /// RSVP for it was made after it: moved into the week between the invitation and the session (its list then reads
    /// "registered after it" for the recipients who came with one, not "came" alone).
    /// </summary>
    private static void RegisteredAfter(Random random, Session session, DateTime sendAt, HashSet<Attendee> recipients)
    {
        foreach (var rsvp in session.Rsvps.Where(r => recipients.Contains(r.Attendee!) && r.CreatedAt < sendAt
            && !(r.Status == RsvpStatus.Cancelled && r.UpdatedAt < sendAt)))
        {
            var at = Between(random, sendAt, session.StartsAt.AddMinutes(-30));
            rsvp.UpdatedAt = rsvp.Status == RsvpStatus.Cancelled ? Between(random, at, session.StartsAt) : at;
            rsvp.CreatedAt = at;
        }
    }

    private static DateTime Between(Random random, DateTime from, DateTime to)
        => from.AddSeconds(Math.Floor(random.NextDouble() * (to - from).TotalSeconds));

    /// <summary>
    /// At risk just before held session <paramref name="index"/>: a regular (3 visits or more, three quarters of the
    /// sessions since their first) who missed the two sessions before it.
    /// </summary>
    private static bool WasAtRisk(Person person, int index)
    {
        var before = person.Attended.Where(i => i < index).ToList();
        if (before.Count < 3 || before.Contains(index - 1) || before.Contains(index - 2))
        {
            return false;
        }
        var since = index - before.Min();
        return before.Count >= 0.75 * since;
    }
}
