namespace Meetup.Web.Features.Retention.Dashboard;

public enum LifecycleKind { Returning, Resurrecting, New, Dormant }

/// <summary>A piece of a lifecycle bar, placed as shares of the plot height measured from the top.</summary>
public sealed record LifecycleSegment(LifecycleKind Kind, int Count, double Top, double Height);

public sealed record LifecycleColumn(ChartColumn Column, RetentionSessionRow Row, IReadOnlyList<LifecycleSegment> Segments);

/// <summary>A tick of the lifecycle chart: a count of people (dormant ones below zero) at a height share from the top.</summary>
public sealed record LifecycleTick(int People, bool BelowZero, double Top);

/// <summary>
/// Who made up each session: returning, resurrecting and new stacked above zero (in that order from
/// the zero line), dormant — last time's people who did not come — below it, on one scale.
/// </summary>
public sealed record LifecycleChartModel(double Zero, IReadOnlyList<LifecycleTick> Ticks, IReadOnlyList<LifecycleColumn> Columns)
{
    public static LifecycleChartModel Build(IReadOnlyList<RetentionSessionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var up = AxisScale.Nice(rows.Count == 0 ? 0 : rows.Max(r => r.New + r.Returning + r.Resurrecting));
        var maxDormant = rows.Count == 0 ? 0 : rows.Max(r => r.Dormant);
        var down = Math.Ceiling(maxDormant / up.Step - 1e-9) * up.Step;
        var total = up.Max + down;
        var zero = up.Max / total;

        var ticks = new List<LifecycleTick>();
        foreach (var value in up.Ticks)
        {
            ticks.Add(new LifecycleTick((int)Math.Round(value), false, zero - value / total));
        }
        for (var value = up.Step; value <= down + 1e-9; value += up.Step)
        {
            ticks.Add(new LifecycleTick((int)Math.Round(value), true, zero + value / total));
        }

        var layout = ColumnLayout.Build(rows.Count);
        var columns = new List<LifecycleColumn>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var segments = new List<LifecycleSegment>(4);
            var top = zero;
            foreach (var (kind, count) in new[] { (LifecycleKind.Returning, row.Returning), (LifecycleKind.Resurrecting, row.Resurrecting), (LifecycleKind.New, row.New) })
            {
                if (count > 0)
                {
                    var height = count / total;
                    top -= height;
                    segments.Add(new LifecycleSegment(kind, count, top, height));
                }
            }
            if (row.Dormant > 0)
            {
                segments.Add(new LifecycleSegment(LifecycleKind.Dormant, row.Dormant, zero, row.Dormant / total));
            }
            columns.Add(new LifecycleColumn(layout[i], row, segments));
        }
        return new LifecycleChartModel(zero, ticks, columns);
    }
}
