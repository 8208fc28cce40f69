using Meetup.Data.Entities;
using Meetup.Web.Features.Retention;

namespace Meetup.Tests.Features.Retention;

/// <summary>
/// A deliberately naive reading of docs/retention.md: sets and LINQ, one formula per figure,
/// no cleverness and no speed. The calculator must agree with it on every figure.
/// Session numbers i are 1-based; A[0] and A[n+1] are empty.
/// </summary>
internal static class NaiveRetention
{
    public static RetentionReport Compute(RetentionInput input)
    {
        var checkIns = input.CheckIns.ToList();
        var rsvps = input.ConfirmedRsvps.ToList();
        var t = input.Thresholds;

        string? ReasonNotCounted(RetentionSession s) =>
            s.Status == SessionStatus.Cancelled ? "cancelled"
            : s.StartsAt > input.Now ? "upcoming"
            : !checkIns.Any(c => c.SessionId == s.Id) ? "noAttendanceRecorded"
            : null;

        var byStart = input.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
        var counted = byStart.Where(s => ReasonNotCounted(s) is null).ToList();
        var n = counted.Count;
        RetentionSession S(int i) => counted[i - 1];

        var A = new HashSet<int>[n + 2];
        A[0] = [];
        A[n + 1] = [];
        for (var i = 1; i <= n; i++)
        {
            A[i] = checkIns.Where(c => c.SessionId == S(i).Id).Select(c => c.AttendeeId).ToHashSet();
        }
        HashSet<int> N(int i) => A[i].Where(p => !Enumerable.Range(1, i - 1).Any(j => A[j].Contains(p))).ToHashSet();
        HashSet<int> Confirmed(int i) => rsvps.Where(r => r.SessionId == S(i).Id).Select(r => r.AttendeeId).ToHashSet();
        DateTime Local(RetentionSession s) => TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, input.TimeZone);
        bool InRange(int i)
        {
            var date = DateOnly.FromDateTime(Local(S(i)));
            return (input.From is null || date >= input.From) && (input.To is null || date <= input.To);
        }

        var rows = Enumerable.Range(1, n).Select(i => new RetentionSessionRow
        {
            Index = i,
            SessionId = S(i).Id,
            StartsAt = S(i).StartsAt,
            Title = S(i).Title,
            Attended = A[i].Count,
            New = N(i).Count,
            Returning = i == 1 ? 0 : A[i].Intersect(A[i - 1]).Count(),
            Resurrecting = i == 1 ? 0 : A[i].Except(A[i - 1]).Except(N(i)).Count(),
            Dormant = i == 1 ? 0 : A[i - 1].Except(A[i]).Count(),
            ReturnRate = i == n ? null : (double)A[i].Intersect(A[i + 1]).Count() / A[i].Count,
            FirstTimerReturnRate = i == n || N(i).Count == 0 ? null : (double)N(i).Intersect(A[i + 1]).Count() / N(i).Count,
            ConfirmedRsvps = Confirmed(i).Count,
            NoShows = Confirmed(i).Except(A[i]).Count(),
            NoShowRate = Confirmed(i).Count == 0 ? null : (double)Confirmed(i).Except(A[i]).Count() / Confirmed(i).Count,
            WalkIns = A[i].Except(Confirmed(i)).Count(),
        }).ToList();

        var shown = Enumerable.Range(1, n).Where(InRange).ToList();
        var followed = shown.Where(i => i < n).ToList();
        var returnDenominator = followed.Sum(i => A[i].Count);
        var firstTimerDenominator = followed.Sum(i => N(i).Count);
        var overall = new RetentionOverall
        {
            CountedSessions = shown.Count,
            UniqueAttendees = shown.SelectMany(i => A[i]).Distinct().Count(),
            ReturnRate = returnDenominator == 0 ? null
                : (double)followed.Sum(i => A[i].Intersect(A[i + 1]).Count()) / returnDenominator,
            FirstTimerReturnRate = firstTimerDenominator == 0 ? null
                : (double)followed.Sum(i => N(i).Intersect(A[i + 1]).Count()) / firstTimerDenominator,
        };

        var cohorts = Enumerable.Range(1, n).Where(i => N(i).Count > 0).Select(i => new RetentionCohort
        {
            Index = i,
            SessionId = S(i).Id,
            Size = N(i).Count,
            Exact = [.. Enumerable.Range(0, n - i + 1).Select(k => (double)N(i).Intersect(A[i + k]).Count() / N(i).Count)],
            OnOrAfter = [.. Enumerable.Range(0, n - i + 1).Select(k =>
                (double)N(i).Count(p => Enumerable.Range(i + k, n - i - k + 1).Any(j => A[j].Contains(p))) / N(i).Count)],
        }).ToList();

        var attendees = A.SelectMany(a => a).Distinct().Select(p =>
        {
            var f = Enumerable.Range(1, n).First(i => A[i].Contains(p));
            var a = Enumerable.Range(1, n).Count(i => A[i].Contains(p));
            var eligible = n - f + 1;
            var ratio = (double)a / eligible;
            var currentStreak = Enumerable.Range(1, n).Reverse().TakeWhile(i => A[i].Contains(p)).Count();
            var missedStreak = Enumerable.Range(1, n).Reverse().TakeWhile(i => !A[i].Contains(p)).Count();
            var person = input.People.FirstOrDefault(x => x.AttendeeId == p);
            return new AttendeeRetention
            {
                AttendeeId = p,
                Name = person?.Name,
                Email = person?.Email,
                Attended = a,
                Eligible = eligible,
                Ratio = ratio,
                CurrentStreak = currentStreak,
                MissedStreak = missedStreak,
                Regular = a >= t.RegularMinSessions && ratio >= t.RegularMinRatio,
                AtRisk = missedStreak >= t.AtRiskMissedSessions && a >= t.RegularMinSessions
                    && (double)a / (n - missedStreak - f + 1) >= t.RegularMinRatio,
            };
        })
        .OrderByDescending(a => a.Attended)
        .ThenBy(a => a.Email is null)
        .ThenBy(a => a.Email, StringComparer.Ordinal)
        .ThenBy(a => a.AttendeeId)
        .ToList();

        string Language(RetentionSession s) => string.Join('+',
            s.Languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal));
        var dimensions = new (string Name, Func<RetentionSession, string> ValueOf)[]
        {
            ("dayType", s => Local(s).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "weekend" : "weekday"),
            ("timeOfDay", s => Local(s).Hour < 12 ? "morning" : Local(s).Hour < 17 ? "afternoon" : "evening"),
            ("format", s => s.Format.ToSnakeCase()),
            ("language", Language),
        };
        var slots = dimensions.SelectMany(d => rows
            .GroupBy(r => d.ValueOf(S(r.Index)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RetentionSlot
            {
                Dimension = d.Name,
                Value = g.Key,
                Sessions = g.Count(),
                MeanAttendance = g.Average(r => r.Attended),
                MeanReturnRate = g.Any(r => r.ReturnRate is not null) ? g.Where(r => r.ReturnRate is not null).Average(r => r.ReturnRate!.Value) : null,
                MeanNoShowRate = g.Any(r => r.NoShowRate is not null) ? g.Where(r => r.NoShowRate is not null).Average(r => r.NoShowRate!.Value) : null,
            })).ToList();

        return new RetentionReport
        {
            Overall = overall,
            Sessions = [.. rows.Where(r => InRange(r.Index))],
            ExcludedSessions = [.. byStart.Where(s => ReasonNotCounted(s) is not null).Select(s => new ExcludedSession
            {
                SessionId = s.Id,
                StartsAt = s.StartsAt,
                Title = s.Title,
                Reason = ReasonNotCounted(s)!,
            })],
            Cohorts = cohorts,
            Regulars = [.. attendees.Where(a => a.Regular)],
            AtRisk = [.. attendees.Where(a => a.AtRisk)],
            Attendees = attendees,
            Slots = slots,
        };
    }
}
