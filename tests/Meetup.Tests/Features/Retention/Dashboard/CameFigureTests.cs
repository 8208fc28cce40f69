using Meetup.Data.Entities;
using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Tests.Features.Retention.Dashboard;

/// <summary>The "came N of M" the people tables show must be the ratio their list is defined by (docs/retention.md).</summary>
public class CameFigureTests
{
    [Fact]
    public void An_at_risk_person_is_shown_the_share_they_came_before_their_current_run_of_misses()
    {
        // Person 1 came to the first 3 of 12 sessions and stopped; person 2 came to all 12.
        var sessions = Enumerable.Range(1, 12)
            .Select(i => new RetentionSession(i, new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc).AddDays(7 * i), $"#{i}", SessionFormat.InPerson, [], SessionStatus.Published))
            .ToList();
        var checkIns = sessions.Select(s => new SessionAttendee(s.Id, 2)).Concat(Enumerable.Range(1, 3).Select(i => new SessionAttendee(i, 1))).ToList();
        var report = RetentionCalculator.Compute(new RetentionInput
        {
            TimeZone = TimeZoneInfo.Utc,
            Now = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc),
            Sessions = sessions,
            People = [new RetentionPerson(1, "Stopped", "stopped@example.com"), new RetentionPerson(2, "Always", "always@example.com")],
            CheckIns = checkIns,
            ConfirmedRsvps = [],
        });

        var stopped = Assert.Single(report.AtRisk);
        // The API's figures keep their meaning: 3 of the 12 sessions since their first.
        Assert.Equal((1, 3, 12, 0.25), (stopped.AttendeeId, stopped.Attended, stopped.Eligible, stopped.Ratio));
        // The at-risk table shows 3 of the 3 sessions from their first to the last they came, not "3 / 12 (25%)".
        Assert.Equal(new CameFigure(3, 3, 1.0), CameFigure.BeforeMisses(stopped));
        Assert.Equal(new CameFigure(12, 12, 1.0), CameFigure.SinceFirst(Assert.Single(report.Regulars)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_figure_shown_in_the_people_tables_meets_its_lists_threshold(int seed)
    {
        var input = RandomHistories.Generate(seed);
        var report = RetentionCalculator.Compute(input);
        var t = input.Thresholds;

        Assert.All(report.AtRisk, p => Assert.True(CameFigure.BeforeMisses(p) is var f && f.Attended >= t.RegularMinSessions && f.Ratio >= t.RegularMinRatio,
            $"at risk {p.AttendeeId}: {CameFigure.BeforeMisses(p)}"));
        Assert.All(report.Regulars, p => Assert.True(CameFigure.SinceFirst(p) is var f && f.Attended >= t.RegularMinSessions && f.Ratio >= t.RegularMinRatio,
            $"regular {p.AttendeeId}: {CameFigure.SinceFirst(p)}"));
        Assert.All(report.Attendees, p => Assert.Equal(p.Eligible - p.MissedStreak, CameFigure.BeforeMisses(p).Of));
    }

    public static TheoryData<int> Seeds => [.. RandomHistories.Seeds.Take(20)];
}
