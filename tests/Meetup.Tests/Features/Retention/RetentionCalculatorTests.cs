using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Web.Features.Retention;

namespace Meetup.Tests.Features.Retention;

public class RetentionCalculatorTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static DateTime Utc(string text)
        => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>Session <paramref name="id"/> starting <paramref name="id"/> weeks after 2026-01-05 10:00 UTC unless told.</summary>
    private static RetentionSession Session(int id, DateTime? startsAt = null, SessionStatus status = SessionStatus.Published, params string[] languages)
        => new(id, startsAt ?? new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc).AddDays(7 * id), $"Session {id}", SessionFormat.InPerson, languages, status);

    private static SessionAttendee[] Pairs(params (int Session, int[] People)[] rows)
        => [.. rows.SelectMany(r => r.People.Select(p => new SessionAttendee(r.Session, p)))];

    private static RetentionInput Input(
        IReadOnlyList<RetentionSession> sessions,
        IEnumerable<SessionAttendee> checkIns,
        IEnumerable<SessionAttendee>? rsvps = null,
        IReadOnlyList<RetentionPerson>? people = null,
        TimeZoneInfo? timeZone = null)
    {
        var pairs = checkIns.ToList();
        return new RetentionInput
        {
            TimeZone = timeZone ?? Tokyo,
            Now = Now,
            Sessions = sessions,
            People = people ?? [.. pairs.Select(c => c.AttendeeId).Distinct().Select(id => new RetentionPerson(id, $"P{id}", $"p{id:D3}@example.com"))],
            CheckIns = pairs,
            ConfirmedRsvps = rsvps ?? [],
        };
    }

    [Fact]
    public void Saturday_2330_utc_is_a_Sunday_morning_session_in_Tokyo()
    {
        var saturdayNight = Utc("2026-01-03T23:30:00Z");
        Assert.Equal(DayOfWeek.Saturday, saturdayNight.DayOfWeek);

        var report = RetentionCalculator.Compute(Input([Session(1, saturdayNight)], Pairs((1, [1]))));

        Assert.Contains(report.Slots, s => s is { Dimension: "dayType", Value: "weekend" });
        Assert.Contains(report.Slots, s => s is { Dimension: "timeOfDay", Value: "morning" });
    }

    [Theory]
    [InlineData("Asia/Tokyo", "2026-01-02T23:30:00Z", "weekend", "morning")] // Friday in UTC, Saturday 08:30 in Tokyo
    [InlineData("UTC", "2026-01-02T23:30:00Z", "weekday", "evening")]
    [InlineData("UTC", "2026-01-03T23:30:00Z", "weekend", "evening")]
    [InlineData("America/New_York", "2026-01-05T03:00:00Z", "weekend", "evening")] // Monday in UTC, Sunday 22:00 in New York
    [InlineData("Asia/Tokyo", "2026-01-05T02:59:00Z", "weekday", "morning")] // 11:59
    [InlineData("Asia/Tokyo", "2026-01-05T03:00:00Z", "weekday", "afternoon")] // 12:00
    [InlineData("Asia/Tokyo", "2026-01-05T07:59:00Z", "weekday", "afternoon")] // 16:59
    [InlineData("Asia/Tokyo", "2026-01-05T08:00:00Z", "weekday", "evening")] // 17:00
    public void Day_type_and_time_of_day_are_read_in_the_event_time_zone(string zone, string startsAt, string dayType, string timeOfDay)
    {
        var report = RetentionCalculator.Compute(Input(
            [Session(1, Utc(startsAt))], Pairs((1, [1])), timeZone: TimeZoneInfo.FindSystemTimeZoneById(zone)));

        Assert.Equal(dayType, Assert.Single(report.Slots, s => s.Dimension == "dayType").Value);
        Assert.Equal(timeOfDay, Assert.Single(report.Slots, s => s.Dimension == "timeOfDay").Value);
    }

    [Theory]
    [InlineData("Asia/Tokyo", 1)]
    [InlineData("UTC", 0)]
    public void Date_range_is_read_in_local_dates(string zone, int rows)
    {
        var input = Input([Session(1, Utc("2026-01-02T23:30:00Z"))], Pairs((1, [1])), timeZone: TimeZoneInfo.FindSystemTimeZoneById(zone)) with
        {
            From = new DateOnly(2026, 1, 3),
            To = new DateOnly(2026, 1, 3),
        };

        var report = RetentionCalculator.Compute(input);

        Assert.Equal(rows, report.Sessions.Count);
        Assert.Equal(rows, report.Overall.CountedSessions);
        Assert.Single(report.Attendees); // attendees are about the whole history
    }

    [Fact]
    public void Exclusion_reasons_are_cancelled_then_upcoming_then_no_attendance_recorded()
    {
        var future = Now.AddDays(1);
        var report = RetentionCalculator.Compute(Input(
            [Session(1), Session(2, future, SessionStatus.Cancelled), Session(3, future.AddDays(1)), Session(4), Session(5, Now)],
            Pairs((1, [1]), (2, [1]), (3, [1]), (5, [1])),
            rsvps: Pairs((4, [1, 2]))));

        Assert.Equal(
            [(4, ExclusionReasons.NoAttendanceRecorded), (2, ExclusionReasons.Cancelled), (3, ExclusionReasons.Upcoming)],
            report.ExcludedSessions.Select(s => (s.SessionId, s.Reason)));
        // A session starting exactly now has started.
        Assert.Equal([1, 5], report.Sessions.Select(s => s.SessionId));
    }

    [Fact]
    public void Check_ins_at_excluded_sessions_count_for_nothing()
    {
        var report = RetentionCalculator.Compute(Input(
            [Session(1, status: SessionStatus.Cancelled), Session(2), Session(3)],
            Pairs((1, [7]), (2, [1]), (3, [1, 7]))));

        Assert.Equal([1, 1], report.Sessions.Select(s => s.New));
        var person = Assert.Single(report.Attendees, a => a.AttendeeId == 7);
        Assert.Equal((1, 1), (person.Attended, person.Eligible));
    }

    [Fact]
    public void Sessions_starting_together_are_ordered_by_id()
    {
        var start = Utc("2026-02-01T10:00:00Z");
        var report = RetentionCalculator.Compute(Input(
            [Session(9, start), Session(4, start), Session(6, start.AddMinutes(-1))],
            Pairs((9, [1]), (4, [2]), (6, [3]))));

        Assert.Equal([6, 4, 9], report.Sessions.Select(s => s.SessionId));
        Assert.Equal([1, 2, 3], report.Sessions.Select(s => s.Index));
    }

    [Fact]
    public void Duplicate_check_ins_and_rsvps_count_once()
    {
        var report = RetentionCalculator.Compute(Input(
            [Session(1), Session(2)],
            Pairs((1, [1, 1, 2]), (2, [1, 1])),
            rsvps: Pairs((1, [1, 1, 3, 3]))));

        var first = report.Sessions[0];
        Assert.Equal((2, 2, 2, 1, 1), (first.Attended, first.New, first.ConfirmedRsvps, first.NoShows, first.WalkIns));
        Assert.Equal(0.5, first.ReturnRate);
        Assert.Equal(2, report.Attendees.Single(a => a.AttendeeId == 1).Attended);
    }

    [Fact]
    public void Rsvp_and_no_show_figures_follow_confirmed_rsvps_only()
    {
        var report = RetentionCalculator.Compute(Input(
            [Session(1), Session(2)],
            Pairs((1, [1, 2, 3]), (2, [1])),
            rsvps: Pairs((1, [1, 2, 4, 5]))));

        var first = report.Sessions[0];
        Assert.Equal((4, 2, 0.5, 1), (first.ConfirmedRsvps, first.NoShows, first.NoShowRate, first.WalkIns));
        var second = report.Sessions[1];
        Assert.Equal((0, 0, null, 1), (second.ConfirmedRsvps, second.NoShows, second.NoShowRate, second.WalkIns));
    }

    [Fact]
    public void Check_ins_of_people_missing_from_the_people_list_still_count()
    {
        var report = RetentionCalculator.Compute(Input(
            [Session(1), Session(2)],
            Pairs((1, [1, 2]), (2, [2, 1])),
            people: [new RetentionPerson(2, "Bo", "bo@example.com")]));

        Assert.Equal([2, 2], report.Sessions.Select(s => s.Attended));
        Assert.Equal(
            [(2, "Bo", "bo@example.com"), (1, null, null)], // the unknown (or erased) person after the others
            report.Attendees.Select(a => (a.AttendeeId, a.Name, a.Email)));
    }

    [Fact]
    public void Attendees_are_ordered_by_sessions_attended_then_email()
    {
        var report = RetentionCalculator.Compute(Input(
            [Session(1), Session(2)],
            Pairs((1, [3, 1, 2]), (2, [2])),
            people: [new(1, "A", "zed@example.com"), new(2, "B", "mid@example.com"), new(3, "C", "amy@example.com")]));

        Assert.Equal([2, 3, 1], report.Attendees.Select(a => a.AttendeeId));
    }

    [Fact]
    public void Pairs_are_read_once_from_a_stream()
    {
        var pairs = Pairs((1, [1, 2, 3]), (2, [2, 3]), (3, [3, 4]));
        var arrays = Input([Session(1), Session(2), Session(3)], pairs, rsvps: Pairs((2, [1, 2])));
        var streamed = arrays with { CheckIns = new ReadOnce(pairs), ConfirmedRsvps = new ReadOnce(Pairs((2, [1, 2]))) };

        ReportJson.AssertMatches(
            ReportJson.Serialize(RetentionCalculator.Compute(arrays)),
            ReportJson.Serialize(RetentionCalculator.Compute(streamed)));
    }

    [Fact]
    public void Sparse_ids_give_the_same_figures_as_dense_ids()
    {
        const int Far = 1_900_000_000;
        var dense = Input(
            [Session(1), Session(2), Session(3)],
            Pairs((1, [1, 2, 3]), (2, [2, 3]), (3, [1, 3])),
            people: [new(1, "A", "a@example.com"), new(2, "B", "b@example.com"), new(3, "C", "c@example.com")]);
        var sparse = Input(
            [Session(-Far, Session(1).StartsAt) with { Title = "Session 1" }, Session(2), Session(Far, Session(3).StartsAt) with { Title = "Session 3" }],
            Pairs((-Far, [-Far, 2, Far]), (2, [2, Far]), (Far, [-Far, Far])),
            people: [new(-Far, "A", "a@example.com"), new(2, "B", "b@example.com"), new(Far, "C", "c@example.com")]);

        var ids = new HashSet<string> { "sessionId", "attendeeId" };
        var denseJson = ReportJson.Serialize(RetentionCalculator.Compute(dense));
        var sparseJson = ReportJson.Serialize(RetentionCalculator.Compute(sparse));
        foreach (var node in new[] { denseJson, sparseJson })
        {
            RemoveFields(node, ids);
        }
        ReportJson.AssertMatches(denseJson, sparseJson);
    }

    [Fact]
    public void A_single_counted_session_leaves_every_return_rate_pending()
    {
        var report = RetentionCalculator.Compute(Input([Session(1)], Pairs((1, [1, 2]))));

        var row = Assert.Single(report.Sessions);
        Assert.Null(row.ReturnRate);
        Assert.Null(row.FirstTimerReturnRate);
        Assert.Null(report.Overall.ReturnRate);
        Assert.Null(report.Overall.FirstTimerReturnRate);
        Assert.Equal([1.0], Assert.Single(report.Cohorts).Exact);
        Assert.Null(Assert.Single(report.Slots, s => s.Dimension == "format").MeanReturnRate);
    }

    [Fact]
    public void An_event_without_counted_sessions_has_an_empty_report_and_undefined_rates()
    {
        var report = RetentionCalculator.Compute(Input([Session(1)], []));

        Assert.Equal((0, 0, null, null), (report.Overall.CountedSessions, report.Overall.UniqueAttendees, report.Overall.ReturnRate, report.Overall.FirstTimerReturnRate));
        Assert.Empty(report.Sessions);
        Assert.Empty(report.Cohorts);
        Assert.Empty(report.Attendees);
        Assert.Empty(report.Slots);
        Assert.Equal(ExclusionReasons.NoAttendanceRecorded, Assert.Single(report.ExcludedSessions).Reason);
    }

    [Fact]
    public void Regulars_and_at_risk_people_follow_the_organizer_thresholds()
    {
        // Person 1 attended 1, 2, 4 of 5 and missed the last one; person 2 attended 1 and 2 only.
        var input = Input(
            [Session(1), Session(2), Session(3), Session(4), Session(5)],
            Pairs((1, [1, 2]), (2, [1, 2]), (3, [3]), (4, [1, 3]), (5, [3])));

        // Person 3 attended 3, 4, 5: 3 of 3.
        var defaults = RetentionCalculator.Compute(input);
        Assert.Equal([3], defaults.Regulars.Select(a => a.AttendeeId)); // person 1: 3 of 5 = 0.6 < 0.75
        Assert.Empty(defaults.AtRisk); // person 1 missed only 1, person 2 came only twice

        var lenient = RetentionCalculator.Compute(input with
        {
            Thresholds = new RetentionThresholds { RegularMinSessions = 2, RegularMinRatio = 0.6, AtRiskMissedSessions = 1 },
        });
        Assert.Equal([1, 3], lenient.Regulars.Select(a => a.AttendeeId)); // 3 of 5; 3 of 3
        Assert.Equal([1, 2], lenient.AtRisk.Select(a => a.AttendeeId)); // 3 of 4 until they stopped; 2 of 2
    }

    [Fact]
    public void A_regular_who_stopped_coming_is_at_risk()
    {
        var report = RetentionCalculator.Compute(Input(
            [Session(1), Session(2), Session(3), Session(4), Session(5), Session(6)],
            Pairs((1, [1, 2]), (2, [1, 2]), (3, [1, 2]), (4, [1, 2]), (5, [2]), (6, [2]))));

        var stopped = Assert.Single(report.AtRisk);
        Assert.Equal((1, 4, 6, 0, 2, false), (stopped.AttendeeId, stopped.Attended, stopped.Eligible, stopped.CurrentStreak, stopped.MissedStreak, stopped.Regular));
        Assert.Equal([2], report.Regulars.Select(a => a.AttendeeId)); // person 1: 4 of 6 < 0.75, no longer a regular
    }

    [Theory]
    [InlineData(0, 0.75, 2)]
    [InlineData(3, 1.5, 2)]
    [InlineData(3, double.NaN, 2)]
    [InlineData(3, 0.75, 0)]
    public void Invalid_thresholds_are_rejected(int minSessions, double minRatio, int missed)
    {
        var input = Input([Session(1)], Pairs((1, [1]))) with
        {
            Thresholds = new RetentionThresholds { RegularMinSessions = minSessions, RegularMinRatio = minRatio, AtRiskMissedSessions = missed },
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionCalculator.Compute(input));
    }

    [Fact]
    public void Language_codes_are_sorted_and_joined_with_plus()
    {
        var report = RetentionCalculator.Compute(Input(
            [Session(1, languages: ["zh", " ja ", "zh"]), Session(2, languages: [])],
            Pairs((1, [1]), (2, [1]))));

        Assert.Equal(["", "ja+zh"], report.Slots.Where(s => s.Dimension == "language").Select(s => s.Value));
    }

    [Fact]
    public void Instants_without_a_kind_are_read_as_utc()
    {
        var unspecified = DateTime.SpecifyKind(Utc("2026-01-03T23:30:00Z"), DateTimeKind.Unspecified);

        var report = RetentionCalculator.Compute(Input([Session(1, unspecified)], Pairs((1, [1]))));

        Assert.Equal(DateTimeKind.Utc, report.Sessions[0].StartsAt.Kind);
        Assert.Equal(Utc("2026-01-03T23:30:00Z"), report.Sessions[0].StartsAt);
        Assert.Equal("morning", Assert.Single(report.Slots, s => s.Dimension == "timeOfDay").Value);
    }

    private static void RemoveFields(System.Text.Json.Nodes.JsonNode? node, HashSet<string> names)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var name in names)
                {
                    o.Remove(name);
                }
                foreach (var (_, child) in o)
                {
                    RemoveFields(child, names);
                }
                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var child in a)
                {
                    RemoveFields(child, names);
                }
                break;
        }
    }

    /// <summary>A stream that, like a database reader, can be read only once.</summary>
    private sealed class ReadOnce(IEnumerable<SessionAttendee> pairs) : IEnumerable<SessionAttendee>
    {
        private bool _read;

        public IEnumerator<SessionAttendee> GetEnumerator()
        {
            Assert.False(_read, "The pairs were read twice.");
            _read = true;
            return pairs.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
