using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Tests.Features.Retention.Dashboard;

/// <summary>The KPI cards of the worked example: October 2018 against the 31 days before, as they stood on 1 October.</summary>
public class KpiSetTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static RetentionInput Example() => AttendanceCsv.Load(
        Path.Combine(AppContext.BaseDirectory, "TestData", "retention-example", "attendance.csv"), Tokyo, Now);

    private static (RetentionReport Current, RetentionReport Previous) October()
    {
        var range = new DashboardRange(new DateOnly(2018, 10, 1), new DateOnly(2018, 10, 31));
        var period = range.Previous(DateOnly.FromDateTime(Now))!.Value;
        var current = RetentionCalculator.Compute(Example() with { From = range.From, To = range.To });
        var previous = RetentionCalculator.Compute(Example() with { From = period.From, To = period.To, Now = period.AsOf(Tokyo).UtcDateTime });
        return (current, previous);
    }

    [Fact]
    public void The_previous_period_is_the_report_as_it_stood_when_that_period_ended()
    {
        var (_, previous) = October();

        // Sessions 1–3 had been held; the third was then the latest, so its return was pending.
        Assert.Equal(3, previous.Overall.CountedSessions);
        Assert.Equal(0.8, previous.Overall.ReturnRate!.Value, 12);         // (3 + 5) / (5 + 5)
        Assert.Equal(5.0 / 7, previous.Overall.FirstTimerReturnRate!.Value, 12); // (3 + 2) / (5 + 2)
        Assert.Equal(8, previous.Overall.UniqueAttendees);
        Assert.Equal(["alice@example.com", "bob@example.com", "chen@example.com"], previous.Regulars.Select(r => r.Email));
        Assert.Empty(previous.AtRisk);
    }

    [Fact]
    public void Each_card_shows_the_change_and_whether_it_is_good_news()
    {
        var (current, previous) = October();

        var kpis = KpiSet.Build(current, previous).ToDictionary(k => k.Key);

        Assert.Equal(0.5 - 0.8, kpis[KpiSet.ReturnRate].Change!.Value, 12);
        Assert.Equal(-1, kpis[KpiSet.ReturnRate].Direction);
        Assert.Equal(KpiKind.Rate, kpis[KpiSet.ReturnRate].Kind);
        Assert.Equal(0.0 - 5.0 / 7, kpis[KpiSet.FirstTimerReturnRate].Change!.Value, 12);
        Assert.Equal(current.Overall.UniqueAttendees - 8, kpis[KpiSet.UniqueAttendees].Change);
        Assert.Equal(4, kpis[KpiSet.Regulars].Value);
        Assert.Equal(1, kpis[KpiSet.Regulars].Change);
        Assert.Equal(1, kpis[KpiSet.Regulars].Direction);
        // One more person at risk is bad news.
        Assert.Equal(1, kpis[KpiSet.AtRisk].Change);
        Assert.Equal(-1, kpis[KpiSet.AtRisk].Direction);
    }

    [Fact]
    public void Without_a_previous_period_or_with_an_undefined_rate_there_is_no_change()
    {
        var (current, _) = October();
        var previous = RetentionCalculator.Compute(Example() with { Now = new DateTime(2018, 9, 5, 0, 0, 0, DateTimeKind.Utc) });

        Assert.All(KpiSet.Build(current, null), k => Assert.Null(k.Change));
        var kpis = KpiSet.Build(current, previous).ToDictionary(k => k.Key);
        Assert.Null(previous.Overall.ReturnRate); // one session held: nothing to return to yet
        Assert.Null(kpis[KpiSet.ReturnRate].Change);
        Assert.Equal(0, kpis[KpiSet.ReturnRate].Direction);
        Assert.NotNull(kpis[KpiSet.UniqueAttendees].Change);
    }
}
