using Meetup.Data;
using Meetup.Data.Entities;

namespace Meetup.Tests.Features.Announcements;

/// <summary>
/// A random group history written straight to the database (fixed seeds): past sessions (some cancelled, some without
/// check-ins, some starting together), people who come loyally and then stop, follows in every state with their dates,
/// erased people, undeliverable account addresses, and RSVPs for the announced session in every status.
/// </summary>
internal sealed class AnnouncementHistory
{
    public required int EventId { get; init; }
    public required List<Session> Past { get; init; }
    public required List<Attendee> People { get; init; }
    public required List<Subscription> Follows { get; init; }
    public required HashSet<(int SessionId, int AttendeeId)> CheckIns { get; init; }

    /// <summary>Writes a history for <paramref name="eventId"/>; <paramref name="upcoming"/> (if any) gets RSVPs in every status.</summary>
    public static async Task<AnnouncementHistory> WriteAsync(MeetupDb db, int eventId, int seed, int? upcoming, DateTime now)
    {
        var rng = new Random(seed);
        var sessions = new List<Session>();
        var start = now.AddDays(-90).AddMinutes(rng.Next(0, 600));
        var count = rng.Next(7, 12);
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && rng.Next(7) != 0) // else: starts with the previous one
            {
                start = start.AddDays(rng.Next(3, 10)).AddMinutes(rng.Next(-300, 300));
            }
            sessions.Add(new Session
            {
                EventId = eventId,
                Title = $"#{seed}.{i}",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                Status = rng.Next(9) == 0 ? SessionStatus.Cancelled : SessionStatus.Published,
                CreatedAt = now.AddDays(-100),
                UpdatedAt = now.AddDays(-100),
            });
        }
        db.Sessions.AddRange(sessions);
        var people = Enumerable.Range(0, rng.Next(10, 19)).Select(p => new Attendee
        {
            Email = rng.Next(9) == 0 ? $"s{seed}p{p}@connpass.invalid" : $"s{seed}p{p}@example.com",
            DisplayName = $"S{seed} P{p}",
            CreatedAt = now.AddDays(-100),
            ErasedAt = rng.Next(10) == 0 ? now.AddDays(-1) : null,
        }).ToList();
        db.Attendees.AddRange(people);
        await db.SaveChangesAsync();

        var checkIns = new HashSet<(int, int)>();
        foreach (var person in people)
        {
            var stops = rng.Next(2) == 0; // a regular who stopped coming
            var loyalty = stops ? 0.9 : rng.NextDouble();
            var stopsAfter = stops ? count - rng.Next(2, 5) : count;
            for (var i = 0; i < count; i++)
            {
                if (i < stopsAfter && (stops || rng.Next(8) != 0) && rng.NextDouble() < loyalty + 0.2)
                {
                    checkIns.Add((sessions[i].Id, person.Id));
                }
            }
        }
        foreach (var s in sessions.Where(_ => rng.Next(6) == 0))
        {
            checkIns.RemoveWhere(c => c.Item1 == s.Id); // nobody recorded
        }
        db.CheckIns.AddRange(checkIns.Select(c => new CheckIn { SessionId = c.Item1, AttendeeId = c.Item2, At = sessions.Single(s => s.Id == c.Item1).StartsAt, Method = CheckInMethod.Manual }));

        var follows = new List<Subscription>();
        foreach (var person in people)
        {
            var state = rng.Next(5);
            if (state == 0)
            {
                continue; // not following
            }
            var created = now.AddDays(-rng.Next(0, 95)).AddMinutes(rng.Next(0, 1440));
            var since = created.AddDays(rng.Next(0, 40)).AddMinutes(rng.Next(0, 1440));
            follows.Add(new Subscription
            {
                EventId = eventId,
                AttendeeId = person.Id,
                Status = state switch { 1 => SubscriptionStatus.Pending, 2 => SubscriptionStatus.Unsubscribed, _ => SubscriptionStatus.Active },
                CreatedAt = created,
                Since = since < now ? since : now.AddMinutes(-1),
            });
        }
        db.Subscriptions.AddRange(follows);

        if (upcoming is { } sessionId)
        {
            foreach (var person in people.Where(_ => rng.Next(3) == 0))
            {
                var status = (RsvpStatus)rng.Next(3); // confirmed, waitlisted or cancelled
                db.Rsvps.Add(new Rsvp
                {
                    SessionId = sessionId,
                    AttendeeId = person.Id,
                    Status = status,
                    WaitlistPosition = status == RsvpStatus.Waitlisted ? person.Id : null,
                    CreatedAt = now.AddDays(-2),
                    UpdatedAt = now.AddDays(-1),
                });
            }
        }
        await db.SaveChangesAsync();
        return new AnnouncementHistory { EventId = eventId, Past = sessions, People = people, Follows = follows, CheckIns = checkIns };
    }
}

/// <summary>
/// docs/retention.md read literally, with no code of the app: counted sessions as of an instant, and who is a past
/// attendee, a regular or at risk then (thresholds 3, 0.75, 2).
/// </summary>
internal static class NaiveAudiences
{
    public static (HashSet<int> Past, HashSet<int> Regulars, HashSet<int> AtRisk) AsOf(AnnouncementHistory h, DateTime asOf)
    {
        var counted = h.Past
            .Where(s => s.Status != SessionStatus.Cancelled && s.StartsAt <= asOf && h.CheckIns.Any(c => c.SessionId == s.Id))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
        var n = counted.Count;
        HashSet<int> past = [], regulars = [], atRisk = [];
        foreach (var person in h.People)
        {
            // 1-based numbers of the counted sessions this person checked in to.
            var came = Enumerable.Range(1, n).Where(i => h.CheckIns.Contains((counted[i - 1].Id, person.Id))).ToList();
            if (came.Count == 0)
            {
                continue;
            }
            past.Add(person.Id);
            int a = came.Count, f = came[0], missed = n - came[^1];
            if (a >= 3 && (double)a / (n - f + 1) >= 0.75)
            {
                regulars.Add(person.Id);
            }
            if (missed >= 2 && a >= 3 && (double)a / (n - missed - f + 1) >= 0.75)
            {
                atRisk.Add(person.Id);
            }
        }
        return (past, regulars, atRisk);
    }

    /// <summary>Whether the follow, as its row stands, was on at <paramref name="instant"/>.</summary>
    public static bool FollowedAt(Subscription s, DateTime instant) => s.Status switch
    {
        SubscriptionStatus.Active => s.Since <= instant,
        SubscriptionStatus.Unsubscribed => s.CreatedAt <= instant && instant < s.Since,
        _ => false,
    };
}
