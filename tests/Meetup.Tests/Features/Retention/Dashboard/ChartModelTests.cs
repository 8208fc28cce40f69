using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Tests.Features.Retention.Dashboard;

/// <summary>How the dashboard shapes the report's rows into charts (the SVG only draws these numbers).</summary>
public class ChartModelTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static IReadOnlyList<RetentionSessionRow> ExampleRows() => RetentionCalculator.Compute(AttendanceCsv.Load(
        Path.Combine(AppContext.BaseDirectory, "TestData", "retention-example", "attendance.csv"), Tokyo,
        new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc))).Sessions;

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(37, 40, 10)]
    [InlineData(41, 50, 10)]
    [InlineData(250, 250, 50)]
    [InlineData(0.6, 0.6, 0.2)]
    [InlineData(12, 15, 5)]
    public void Axes_end_on_a_round_number_with_round_steps(double max, double axisMax, double step)
    {
        var scale = AxisScale.Nice(max);

        Assert.Equal(axisMax, scale.Max, 9);
        Assert.Equal(step, scale.Step, 9);
        Assert.Equal(0, scale.Ticks.First());
        Assert.Equal(axisMax, scale.Ticks.Last(), 9);
    }

    [Fact]
    public void Columns_share_the_width_equally_and_label_every_session_when_few()
    {
        var columns = ColumnLayout.Build(5);

        Assert.Equal([10, 30, 50, 70, 90], columns.Select(c => Math.Round(c.CenterPercent, 9)));
        Assert.All(columns, c => Assert.True(c.ShowLabel));
        Assert.All(columns, c => Assert.Equal(c.CenterPercent, c.LeftPercent + c.WidthPercent / 2, 9));
    }

    [Fact]
    public void With_many_sessions_only_every_few_are_labelled_and_the_chart_scrolls()
    {
        var columns = ColumnLayout.Build(200);

        var labelled = columns.Where(c => c.ShowLabel).Select(c => c.Position).ToList();
        Assert.Equal([.. Enumerable.Range(0, 20).Select(i => i * 10), 199], labelled);
        Assert.Equal(3_600, ColumnLayout.MinWidthPixels(200));
        Assert.Contains(99, ColumnLayout.Build(100).Where(c => c.ShowLabel).Select(c => c.Position)); // 4 after 95: room for it
        Assert.DoesNotContain(49, ColumnLayout.Build(50).Where(c => c.ShowLabel).Select(c => c.Position)); // right after 48: none
    }

    [Fact]
    public void The_latest_sessions_return_rate_is_pending_and_breaks_the_line()
    {
        var model = ReturnRateChartModel.Build(ExampleRows());

        Assert.Equal(5, model.Points.Count);
        Assert.Equal([false, false, false, false, true], model.Points.Select(p => p.Pending));
        Assert.Equal(0.6, model.Points[0].RateFraction!.Value, 12);
        Assert.Equal(3, model.Segments.Count()); // 1–2, 2–3, 3–4: no line into the pending one
        Assert.DoesNotContain(model.Segments, s => s.To.Pending || s.From.Pending);
        Assert.Equal(8, model.Attendance.Max); // 7 people at most
        Assert.Equal(7 / 8.0, model.Points[2].BarFraction, 12);
    }

    [Fact]
    public void Lifecycle_bars_stack_above_zero_and_dormant_people_hang_below_it()
    {
        var model = LifecycleChartModel.Build(ExampleRows());

        // Up to 7 people above (axis 8, step 2), up to 3 dormant below (axis 4): zero at 8/12 from the top.
        Assert.Equal(8 / 12.0, model.Zero, 12);
        var third = model.Columns[2]; // 1 new, 5 returning, 1 resurrecting, 0 dormant
        Assert.Equal([LifecycleKind.Returning, LifecycleKind.Resurrecting, LifecycleKind.New], third.Segments.Select(s => s.Kind));
        Assert.Equal(model.Zero, third.Segments[0].Top + third.Segments[0].Height, 12); // returning sits on the zero line
        Assert.Equal(7 / 12.0, third.Segments.Sum(s => s.Height), 12);
        var fourth = model.Columns[3]; // 3 dormant
        var dormant = Assert.Single(fourth.Segments, s => s.Kind == LifecycleKind.Dormant);
        Assert.Equal(model.Zero, dormant.Top, 12);
        Assert.Equal(3 / 12.0, dormant.Height, 12);
        Assert.Contains(model.Ticks, t => t.BelowZero && t.People == 4);
        Assert.Contains(model.Ticks, t => !t.BelowZero && t.People == 8);
    }

    [Fact]
    public void Charts_of_no_sessions_are_empty_not_broken()
    {
        Assert.Empty(ReturnRateChartModel.Build([]).Points);
        Assert.Empty(LifecycleChartModel.Build([]).Columns);
        Assert.Empty(ColumnLayout.Build(0));
    }
}
