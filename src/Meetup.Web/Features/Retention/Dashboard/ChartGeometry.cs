namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// A vertical axis from 0 to a round maximum with round steps (0, 5, 10, 15 rather than 0, 4.3, 8.6).
/// </summary>
public readonly record struct AxisScale(double Max, double Step)
{
    /// <summary>The smallest round axis that holds <paramref name="max"/> in at most <paramref name="ticks"/> + 1 steps.</summary>
    public static AxisScale Nice(double max, int ticks = 4)
    {
        if (!(max > 0) || double.IsInfinity(max))
        {
            return new AxisScale(1, 1);
        }
        var steps = Math.Max(1, ticks) + 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max / steps)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10, 20 })
        {
            var step = factor * magnitude;
            if (max >= 1 && Math.Abs(step - Math.Round(step)) > 1e-9)
            {
                continue; // counts of people: no half-person ticks
            }
            step = Math.Max(step, max >= 1 ? 1 : step);
            var count = Math.Ceiling(max / step - 1e-9);
            if (count <= steps)
            {
                return new AxisScale(count * step, step);
            }
        }
        return new AxisScale(Math.Ceiling(max), Math.Ceiling(max));
    }

    public IEnumerable<double> Ticks
    {
        get
        {
            for (var i = 0; i * Step <= Max + 1e-9; i++)
            {
                yield return i * Step;
            }
        }
    }

    /// <summary>The share of the axis's length that <paramref name="value"/> covers, 0..1 (clamped).</summary>
    public double Fraction(double value) => Math.Clamp(value / Max, 0, 1);
}

/// <summary>One session's column across a chart's plot, in percent of the plot width.</summary>
/// <param name="Position">0-based position among the plotted sessions.</param>
/// <param name="ShowLabel">Whether its axis label is drawn (with many sessions only every few are).</param>
public sealed record ChartColumn(int Position, double CenterPercent, double LeftPercent, double WidthPercent, bool ShowLabel);

/// <summary>
/// Lays sessions out across a chart: equal columns in percent (so the SVG fills any width without
/// stretching its text), a minimum width per session (past it the chart scrolls sideways) and
/// thinned-out labels when there are many.
/// </summary>
public static class ColumnLayout
{
    /// <summary>Below this many pixels per session the chart scrolls instead of squeezing.</summary>
    public const int MinPixelsPerSession = 18;

    public static IReadOnlyList<ChartColumn> Build(int count, double barShare = 0.62)
    {
        var step = LabelStep(count);
        var columns = new ChartColumn[Math.Max(0, count)];
        for (var i = 0; i < columns.Length; i++)
        {
            var width = 100.0 / count;
            var center = (i + 0.5) * width;
            var bar = width * barShare;
            // Every step-th label from the first, and the last one unless it would touch the one before.
            var label = i % step == 0 || (i == count - 1 && i % step >= Math.Max(2, step / 2.0));
            columns[i] = new ChartColumn(i, center, center - bar / 2, bar, label);
        }
        return columns;
    }

    /// <summary>Label every session up to 24, then every 2nd, 5th or 10th.</summary>
    public static int LabelStep(int count) => count switch
    {
        <= 24 => 1,
        <= 60 => 2,
        <= 150 => 5,
        _ => 10,
    };

    public static int MinWidthPixels(int count) => Math.Max(0, count) * MinPixelsPerSession;
}
