using Meetup.Data.Entities;
using Meetup.Web.Features.Retention;

namespace Meetup.Tests.Features.Retention;

/// <summary>
/// Small random attendance histories (fixed seeds) with the awkward cases mixed in: ties in start
/// time, cancelled and upcoming sessions with check-ins, sessions with RSVPs only, duplicate pairs,
/// pairs of unknown sessions, check-ins of people missing from the people list, erased people,
/// sparse ids, other time zones, date ranges and organizer thresholds.
/// </summary>
internal static class RandomHistories
{
    public const int Count = 400;

    public static readonly DateTime Now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Zones = ["Asia/Tokyo", "UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe"];
    private static readonly string[] Languages = ["ja", "zh", "en", " en ", ""];

    public static IEnumerable<int> Seeds => Enumerable.Range(1, Count);

    public static RetentionInput Generate(int seed)
    {
        var rng = new Random(seed);
        var sessions = GenerateSessions(rng);
        var people = GeneratePeople(rng);
        var (checkIns, rsvps) = GeneratePairs(rng, sessions, people);
        return new RetentionInput
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(Zones[rng.Next(Zones.Length)]),
            Now = Now,
            Thresholds = rng.Next(3) == 0
                ? new RetentionThresholds
                {
                    RegularMinSessions = rng.Next(1, 5),
                    RegularMinRatio = new[] { 0.5, 0.6, 0.75, 1.0 }[rng.Next(4)],
                    AtRiskMissedSessions = rng.Next(1, 4),
                }
                : RetentionThresholds.Default,
            From = RandomBound(rng, sessions),
            To = RandomBound(rng, sessions),
            Sessions = sessions,
            People = people,
            CheckIns = checkIns,
            ConfirmedRsvps = rsvps,
        };
    }

    private static List<RetentionSession> GenerateSessions(Random rng)
    {
        var count = rng.Next(0, 13);
        var ids = DistinctIds(rng, count);
        var start = Now.AddDays(-rng.Next(20, 150)).AddMinutes(rng.Next(0, 24 * 60));
        var sessions = new List<RetentionSession>();
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && rng.Next(8) != 0) // else: same start as the previous session
            {
                start = start.AddDays(rng.Next(0, 15)).AddMinutes(rng.Next(-600, 600));
            }
            sessions.Add(new RetentionSession(
                ids[i],
                start,
                $"Session {ids[i]}",
                (SessionFormat)rng.Next(3),
                Enumerable.Range(0, rng.Next(0, 3)).Select(_ => Languages[rng.Next(Languages.Length)]).ToList(),
                rng.Next(10) == 0 ? SessionStatus.Cancelled : SessionStatus.Published));
        }
        // The calculator must not rely on the caller's order.
        return [.. sessions.OrderBy(_ => rng.Next())];
    }

    private static List<RetentionPerson> GeneratePeople(Random rng)
    {
        var count = rng.Next(0, 16);
        var ids = DistinctIds(rng, count);
        var people = new List<RetentionPerson>();
        for (var i = 0; i < count; i++)
        {
            var erased = rng.Next(8) == 0;
            people.Add(new RetentionPerson(
                ids[i],
                erased ? null : $"Person {ids[i]}",
                erased ? null : $"p{rng.Next(1000):D3}.{ids[i]}@example.com"));
        }
        return people;
    }

    private static (SessionAttendee[] CheckIns, SessionAttendee[] Rsvps) GeneratePairs(
        Random rng, List<RetentionSession> sessions, List<RetentionPerson> people)
    {
        // Some attendees are not in the people list; their check-ins still count.
        var attendeeIds = people.Select(p => p.AttendeeId).Concat(rng.Next(4) == 0 ? [-7, 5_000_000] : []).Distinct().ToList();
        var loyalty = attendeeIds.ToDictionary(id => id, _ => rng.NextDouble());
        var checkIns = new List<SessionAttendee>();
        var rsvps = new List<SessionAttendee>();
        foreach (var session in sessions)
        {
            var quiet = rng.Next(6) == 0; // RSVPs but nobody checked in
            foreach (var id in attendeeIds)
            {
                var pair = new SessionAttendee(session.Id, id);
                var attends = !quiet && rng.NextDouble() < loyalty[id];
                if (attends)
                {
                    checkIns.Add(pair);
                }
                if (rng.NextDouble() < (attends ? 0.7 : 0.3))
                {
                    rsvps.Add(pair);
                }
                if (rng.Next(30) == 0)
                {
                    (rng.Next(2) == 0 ? checkIns : rsvps).Add(pair); // duplicate
                }
            }
        }
        if (rng.Next(5) == 0 && attendeeIds.Count > 0)
        {
            checkIns.Add(new SessionAttendee(987_654_321, attendeeIds[0])); // another event's session
        }
        return ([.. checkIns.OrderBy(_ => rng.Next())], [.. rsvps.OrderBy(_ => rng.Next())]);
    }

    /// <summary>Dense small ids or sparse huge ones (the calculator maps both).</summary>
    private static List<int> DistinctIds(Random rng, int count)
    {
        var sparse = rng.Next(4) == 0;
        var ids = new HashSet<int>();
        while (ids.Count < count)
        {
            ids.Add(sparse ? rng.Next(int.MinValue, int.MaxValue) : rng.Next(1, 3 * count + 2));
        }
        return [.. ids.OrderBy(_ => rng.Next())];
    }

    private static DateOnly? RandomBound(Random rng, List<RetentionSession> sessions)
    {
        if (sessions.Count == 0 || rng.Next(2) == 0)
        {
            return null;
        }
        var around = sessions[rng.Next(sessions.Count)].StartsAt.AddDays(rng.Next(-2, 3));
        return DateOnly.FromDateTime(around);
    }
}
