namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>One session of the return-rate chart: its attendance bar and its return-rate point.</summary>
/// <param name="BarFraction">Bar height as a share of the plot height.</param>
/// <param name="RateFraction">The return rate (0..1) = its height share; null while pending.</param>
public sealed record ReturnRatePoint(ChartColumn Column, RetentionSessionRow Row, double BarFraction, double? RateFraction)
{
    /// <summary>The session's next session has not happened: its return rate is pending, not 0%.</summary>
    public bool Pending => RateFraction is null;
}

/// <summary>Return rate per session as a line (right axis, 0–100%) over attendance bars (left axis).</summary>
public sealed record ReturnRateChartModel(AxisScale Attendance, IReadOnlyList<ReturnRatePoint> Points)
{
    public static ReturnRateChartModel Build(IReadOnlyList<RetentionSessionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scale = AxisScale.Nice(rows.Count == 0 ? 0 : rows.Max(r => r.Attended));
        var columns = ColumnLayout.Build(rows.Count);
        return new ReturnRateChartModel(scale, [.. rows.Select((r, i) =>
            new ReturnRatePoint(columns[i], r, scale.Fraction(r.Attended), r.ReturnRate is { } rate ? Math.Clamp(rate, 0, 1) : null))]);
    }

    /// <summary>The line's pieces: consecutive sessions that both have a rate (a pending one breaks the line).</summary>
    public IEnumerable<(ReturnRatePoint From, ReturnRatePoint To)> Segments
    {
        get
        {
            for (var i = 1; i < Points.Count; i++)
            {
                if (!Points[i - 1].Pending && !Points[i].Pending)
                {
                    yield return (Points[i - 1], Points[i]);
                }
            }
        }
    }
}
