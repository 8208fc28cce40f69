using Meetup.Data.Entities;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// The retention report of docs/retention.md, computed from plain data: no database, no I/O,
/// no clock (the caller passes "now"). Linear in check-ins and RSVPs: ids are mapped to dense
/// indices, pairs are bucketed by session, and one ordered sweep over the counted sessions
/// yields every figure (see <see cref="AttendanceSweep"/>).
/// </summary>
public static class RetentionCalculator
{
    public static RetentionReport Compute(RetentionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input.Thresholds);

        var timeline = Timeline(input.Sessions, input.TimeZone);
        var reasons = PreliminaryReasons(timeline, AsUtc(input.Now));

        // Only sessions that may count (neither cancelled nor upcoming) collect pairs.
        var candidates = new DenseIdMap(CandidateIds(timeline, reasons));
        var people = PeopleMap(input.People);
        var checkIns = SessionBuckets.Collect(input.CheckIns, candidates, people);
        var confirmedRsvps = SessionBuckets.Collect(input.ConfirmedRsvps, candidates, people);

        // Counted: the candidates where at least one person checked in.
        var counted = new List<TimelineSession>();
        var bucketOf = new List<int> { -1 }; // 1-based: bucketOf[i] is counted session i's bucket
        var bucket = -1; // candidates were numbered in timeline order
        for (var t = 0; t < timeline.Length; t++)
        {
            if (reasons[t] is not null)
            {
                continue;
            }
            bucket++;
            if (checkIns.IsEmpty(bucket))
            {
                reasons[t] = ExclusionReasons.NoAttendanceRecorded;
                continue;
            }
            counted.Add(timeline[t]);
            bucketOf.Add(bucket);
        }

        var inRange = InRangeFlags(counted, input.From, input.To);
        var sweep = AttendanceSweep.Run(people.Count, checkIns, confirmedRsvps, [.. bucketOf], inRange);

        var rows = SessionRows(counted, sweep);
        var attendees = AttendeeRows(sweep, people, input.People, input.Thresholds);
        return new RetentionReport
        {
            Overall = Overall(inRange, sweep),
            Sessions = [.. rows.Where((_, i) => inRange[i + 1])],
            ExcludedSessions = ExcludedSessions(timeline, reasons),
            Cohorts = Cohorts(counted, sweep),
            Regulars = [.. attendees.Where(a => a.Regular)],
            AtRisk = [.. attendees.Where(a => a.AtRisk)],
            Attendees = attendees,
            Slots = SlotTable.Build(counted, rows),
        };
    }

    private static void Validate(RetentionThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholds.RegularMinSessions, 1, nameof(thresholds));
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholds.AtRiskMissedSessions, 1, nameof(thresholds));
        if (!(thresholds.RegularMinRatio is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholds), "RegularMinRatio must be within [0, 1].");
        }
    }

    /// <summary>Database instants are UTC even when read back without a kind.</summary>
    private static DateTime AsUtc(DateTime instant) => instant.Kind switch
    {
        DateTimeKind.Utc => instant,
        DateTimeKind.Local => instant.ToUniversalTime(),
        _ => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
    };

    /// <summary>All sessions by start, ties by id: the spec's order of counted sessions.</summary>
    private static TimelineSession[] Timeline(IReadOnlyList<RetentionSession> sessions, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(timeZone);
        var timeline = new TimelineSession[sessions.Count];
        for (var i = 0; i < timeline.Length; i++)
        {
            var startsAt = AsUtc(sessions[i].StartsAt);
            timeline[i] = new TimelineSession(sessions[i], startsAt, TimeZoneInfo.ConvertTimeFromUtc(startsAt, timeZone));
        }
        Array.Sort(timeline, static (x, y) =>
        {
            var byStart = x.StartsAt.CompareTo(y.StartsAt);
            return byStart != 0 ? byStart : x.Session.Id.CompareTo(y.Session.Id);
        });
        return timeline;
    }

    /// <summary>The reasons known before reading check-ins; null = may count.</summary>
    private static string?[] PreliminaryReasons(TimelineSession[] timeline, DateTime now)
    {
        var reasons = new string?[timeline.Length];
        for (var t = 0; t < timeline.Length; t++)
        {
            reasons[t] = timeline[t].Session.Status == SessionStatus.Cancelled ? ExclusionReasons.Cancelled
                : timeline[t].StartsAt > now ? ExclusionReasons.Upcoming
                : null;
        }
        return reasons;
    }

    private static int[] CandidateIds(TimelineSession[] timeline, string?[] reasons)
    {
        var ids = new List<int>(timeline.Length);
        for (var t = 0; t < timeline.Length; t++)
        {
            if (reasons[t] is null)
            {
                ids.Add(timeline[t].Session.Id);
            }
        }
        return [.. ids];
    }

    /// <summary>Known people first, so that dense index p &lt; People.Count is People[p].</summary>
    private static DenseIdMap PeopleMap(IReadOnlyList<RetentionPerson> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var ids = new int[people.Count];
        for (var p = 0; p < ids.Length; p++)
        {
            ids[p] = people[p].AttendeeId;
        }
        return new DenseIdMap(ids);
    }

    /// <summary>[i] (1-based) = whether counted session i starts on a local date within [from, to].</summary>
    private static bool[] InRangeFlags(List<TimelineSession> counted, DateOnly? from, DateOnly? to)
    {
        var inRange = new bool[counted.Count + 1];
        for (var i = 1; i <= counted.Count; i++)
        {
            // Not assumed contiguous: a DST change at midnight can move a local date backwards.
            var date = DateOnly.FromDateTime(counted[i - 1].LocalStart);
            inRange[i] = (from is null || date >= from) && (to is null || date <= to);
        }
        return inRange;
    }

    /// <summary>The rows of all counted sessions (the slots need them all, the report shows those in range).</summary>
    private static List<RetentionSessionRow> SessionRows(List<TimelineSession> counted, AttendanceSweep s)
    {
        var n = s.SessionCount;
        var rows = new List<RetentionSessionRow>(n);
        for (var i = 1; i <= n; i++)
        {
            var noShows = s.Confirmed[i] - s.ConfirmedAttended[i];
            rows.Add(new RetentionSessionRow
            {
                Index = i,
                SessionId = counted[i - 1].Session.Id,
                StartsAt = counted[i - 1].StartsAt,
                Title = counted[i - 1].Session.Title,
                Attended = s.Attended[i],
                New = s.New[i],
                Returning = s.Returning[i],
                Resurrecting = s.Attended[i] - s.New[i] - s.Returning[i],
                Dormant = i == 1 ? 0 : s.Attended[i - 1] - s.Returning[i],
                // |A(i) ∩ A(i+1)| is session i+1's "returning"; the last session's is pending.
                ReturnRate = i < n ? Ratio(s.Returning[i + 1], s.Attended[i]) : null,
                FirstTimerReturnRate = i < n && s.New[i] > 0 ? Ratio(s.NewcomersBack[i + 1], s.New[i]) : null,
                ConfirmedRsvps = s.Confirmed[i],
                NoShows = noShows,
                NoShowRate = s.Confirmed[i] > 0 ? Ratio(noShows, s.Confirmed[i]) : null,
                WalkIns = s.Attended[i] - s.ConfirmedAttended[i],
                LateCancellations = counted[i - 1].Session.LateCancellations,
            });
        }
        return rows;
    }

    /// <summary>Sums over the rows in range; weighted rates (Σ numerators / Σ denominators).</summary>
    private static RetentionOverall Overall(bool[] inRange, AttendanceSweep s)
    {
        int counted = 0, attended = 0, returned = 0, newcomers = 0, newcomersBack = 0;
        var n = s.SessionCount;
        for (var i = 1; i <= n; i++)
        {
            if (!inRange[i])
            {
                continue;
            }
            counted++;
            if (i < n)
            {
                attended += s.Attended[i];
                returned += s.Returning[i + 1];
                newcomers += s.New[i];
                newcomersBack += s.NewcomersBack[i + 1];
            }
        }
        return new RetentionOverall
        {
            CountedSessions = counted,
            UniqueAttendees = s.UniqueInRange,
            ReturnRate = attended > 0 ? Ratio(returned, attended) : null,
            FirstTimerReturnRate = newcomers > 0 ? Ratio(newcomersBack, newcomers) : null,
        };
    }

    private static List<ExcludedSession> ExcludedSessions(TimelineSession[] timeline, string?[] reasons)
    {
        var excluded = new List<ExcludedSession>();
        for (var t = 0; t < timeline.Length; t++)
        {
            if (reasons[t] is { } reason)
            {
                excluded.Add(new ExcludedSession
                {
                    SessionId = timeline[t].Session.Id,
                    StartsAt = timeline[t].StartsAt,
                    Title = timeline[t].Session.Title,
                    Reason = reason,
                });
            }
        }
        return excluded;
    }

    private static List<RetentionCohort> Cohorts(List<TimelineSession> counted, AttendanceSweep s)
    {
        var n = s.SessionCount;
        var lastHits = LastSessionHits(s);
        var cohorts = new List<RetentionCohort>();
        for (var f = 1; f <= n; f++)
        {
            var size = s.New[f];
            if (size == 0)
            {
                continue;
            }
            var exact = new double[n - f + 1];
            var onOrAfter = new double[n - f + 1];
            var stillComing = 0; // cohort members whose last session is f + k or later
            for (var k = n - f; k >= 0; k--)
            {
                stillComing += lastHits[f][k];
                exact[k] = Ratio(s.CohortHits[f][k], size);
                onOrAfter[k] = Ratio(stillComing, size);
            }
            cohorts.Add(new RetentionCohort
            {
                Index = f,
                SessionId = counted[f - 1].Session.Id,
                Size = size,
                Exact = exact,
                OnOrAfter = onOrAfter,
            });
        }
        return cohorts;
    }

    /// <summary>[f][k] = members of cohort f whose last counted session is f + k.</summary>
    private static int[][] LastSessionHits(AttendanceSweep s)
    {
        var n = s.SessionCount;
        var hits = new int[n + 1][];
        hits[0] = [];
        for (var f = 1; f <= n; f++)
        {
            hits[f] = new int[n - f + 1];
        }
        for (var p = 0; p < s.First.Length; p++)
        {
            if (s.First[p] != 0)
            {
                hits[s.First[p]][s.Last[p] - s.First[p]]++;
            }
        }
        return hits;
    }

    /// <summary>Everyone who attended a counted session: most sessions first, then by email (ordinal), then id.</summary>
    private static List<AttendeeRetention> AttendeeRows(
        AttendanceSweep s, DenseIdMap people, IReadOnlyList<RetentionPerson> known, RetentionThresholds thresholds)
    {
        // Dense indices below known.Count are known[p] (see PeopleMap); later ones came from pairs only.
        var keys = new List<AttendeeOrder>();
        for (var p = 0; p < s.Count.Length; p++)
        {
            if (s.Count[p] > 0)
            {
                keys.Add(new AttendeeOrder(s.Count[p], p < known.Count ? known[p].Email : null, people.IdAt(p), p));
            }
        }
        keys.Sort(); // a struct key: no delegate and no lookups per comparison

        var rows = new List<AttendeeRetention>(keys.Count);
        foreach (var key in keys)
        {
            var p = key.Person;
            rows.Add(AttendeeRow(s, p, key.AttendeeId, p < known.Count ? known[p] : null, thresholds));
        }
        return rows;
    }

    private static AttendeeRetention AttendeeRow(
        AttendanceSweep s, int p, int attendeeId, RetentionPerson? person, RetentionThresholds thresholds)
    {
        var n = s.SessionCount;
        var first = s.First[p];
        var attended = s.Count[p];
        var eligible = n - first + 1;
        var ratio = Ratio(attended, eligible);
        var missedStreak = n - s.Last[p];
        var row = new AttendeeRetention
        {
            AttendeeId = attendeeId,
            Name = person?.Name,
            Email = person?.Email,
            Attended = attended,
            Eligible = eligible,
            Ratio = ratio,
            CurrentStreak = missedStreak == 0 ? s.Streak[p] : 0,
            MissedStreak = missedStreak,
            Regular = attended >= thresholds.RegularMinSessions && ratio >= thresholds.RegularMinRatio,
            AtRisk = false,
        };
        // At risk: a regular over the sessions from their first to their last (the ratio the at-risk list shows).
        return row.MissedStreak >= thresholds.AtRiskMissedSessions && row.Attended >= thresholds.RegularMinSessions
            && row.RatioUntilStopped >= thresholds.RegularMinRatio
            ? row with { AtRisk = true }
            : row;
    }

    private static double Ratio(int numerator, int denominator) => (double)numerator / denominator;
}

/// <summary>The order of attendee rows: most sessions attended first, then email (ordinal; none last), then id.</summary>
internal readonly record struct AttendeeOrder(int Attended, string? Email, int AttendeeId, int Person) : IComparable<AttendeeOrder>
{
    public int CompareTo(AttendeeOrder other)
    {
        if (Attended != other.Attended)
        {
            return other.Attended.CompareTo(Attended);
        }
        var byEmail = (Email, other.Email) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(Email, other.Email),
        };
        return byEmail != 0 ? byEmail : AttendeeId.CompareTo(other.AttendeeId);
    }
}

/// <summary>A session with its start as a UTC instant and as local time in the event's zone.</summary>
internal readonly record struct TimelineSession(RetentionSession Session, DateTime StartsAt, DateTime LocalStart);
